/** How `npm run eval` prints its figures. */
import { CATEGORIES } from '../src/understanding/category.js';
import type { ClassificationFigures } from '../src/understanding/classification-metrics.js';

export function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

export function printList(title: string, lines: readonly string[], limit = 60): void {
  if (lines.length === 0) return;
  console.log(`-- ${title}`);
  for (const line of lines.slice(0, limit)) console.log(`   ${line.replace(/\s+/g, ' ').slice(0, 150)}`);
  if (lines.length > limit) console.log(`   … and ${lines.length - limit} more (all in the JSON)`);
}

export function printClassification(title: string, figures: ClassificationFigures, detailed = true): void {
  console.log(`\n== ${title}`);
  console.log(
    `category ${pct(figures.accuracy)} lenient, ${pct(figures.strictAccuracy)} strict, macro-F1 ${pct(figures.macroF1)}  ` +
      `dispute P ${pct(figures.dispute.precision)} R ${pct(figures.dispute.recall)}  ` +
      `urgent P ${pct(figures.urgent.precision)} R ${pct(figures.urgent.recall)} ` +
      `(${figures.urgent.truePositives} found, ${figures.urgent.falseNegatives} missed, ${figures.urgent.falsePositives} false alarms)`,
  );
  if (!detailed) return;
  console.log(`${'category'.padEnd(16)} ${'n'.padStart(4)} ${'lenient'.padStart(8)} ${'strict'.padStart(7)} ${'P'.padStart(6)} ${'F1'.padStart(6)}`);
  for (const category of CATEGORIES) {
    const { support, precision, recall, strictRecall, f1 } = figures.perCategory[category];
    console.log(`${category.padEnd(16)} ${String(support).padStart(4)} ${pct(recall).padStart(8)} ${pct(strictRecall).padStart(7)} ${pct(precision)} ${pct(f1)}`);
  }
  const short = CATEGORIES.map((category) => category.slice(0, 4));
  console.log(`confusion (rows true, columns predicted; alt counts as right)\n${''.padEnd(5)}${short.map((s) => s.padStart(5)).join('')}`);
  CATEGORIES.forEach((category, i) => {
    const row = CATEGORIES.map((predicted) => figures.confusion[category][predicted]);
    console.log(`${(short[i] ?? '').padEnd(5)}${row.map((count) => (count ? String(count) : '.').padStart(5)).join('')}`);
  });
}
