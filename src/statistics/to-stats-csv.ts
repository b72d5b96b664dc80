import type { Cell, StatsTable } from './stats-tables.js';

const BOM = '\uFEFF';
/* A cell starting like a formula would run in Excel; village names come from residents, so quote them flat. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The tables as one CSV file: UTF-8 with a byte-order mark (Excel on Windows then reads Chinese correctly),
 * CRLF line ends, one block per table with its title row, blocks separated by an empty line.
 */
export function toStatsCsv(tables: readonly StatsTable[], notice?: string): string {
  const lines: string[] = [];
  if (notice) lines.push(csvRow([notice]), '');
  tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    lines.push(csvRow([table.title]), csvRow(table.header), ...table.rows.map(csvRow));
  });
  return BOM + lines.join('\r\n') + '\r\n';
}

function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
