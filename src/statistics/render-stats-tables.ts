import type { Cell, StatsTable } from './stats-tables.js';

/** The tables as aligned plain text for a terminal; a missing figure shows as —. */
export function renderStatsTables(tables: readonly StatsTable[]): string {
  return tables.map(renderTable).join('\n\n');
}

function renderTable(table: StatsTable): string {
  const rows = [table.header, ...table.rows.map((r) => r.map(show))];
  const widths = table.header.map((_, col) => Math.max(...rows.map((r) => displayWidth(r[col] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => {
        const pad = ' '.repeat(widths[col]! - displayWidth(cell));
        return /^-?[\d.]+$|^—$/.test(cell) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [`【${table.title}】`, ...rows.map((r) => line(r.map(String)))].join('\n');
}

function show(cell: Cell): string {
  return cell === null ? '—' : String(cell);
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
