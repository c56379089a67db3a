import { renderClassificationReport, pct } from './classification-report';
import { renderConfusionMatrix } from './confusion-matrix';
import type { ClassificationMetrics } from './metrics';

/** A titled block of a text report. */
export function section(title: string, body: string): string {
  return `${title}\n${'-'.repeat(title.length)}\n${body}\n`;
}

/** Two-column "key  value" lines, keys aligned. */
export function keyValues(entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** One-line summary of a metrics object: what a reader looks at first. */
export function headline(m: ClassificationMetrics): string {
  return `accuracy ${pct(m.accuracy)}, macro-F1 ${m.macroF1.toFixed(3)}, decided ${pct(m.coverage)} of ${m.total} rows, accuracy when decided ${pct(m.accuracyWhenDecided)}`;
}

/** Per-label table and confusion matrix of one set of predictions. */
export function renderMetrics(m: ClassificationMetrics): string {
  return `${renderClassificationReport(m)}\n\nConfusion matrix (rows: true label; columns: prediction):\n${renderConfusionMatrix(m.confusion)}`;
}

/** JSON-friendly copy of metrics (the confusion matrix as label-keyed rows). */
export function metricsJson(m: ClassificationMetrics): Record<string, unknown> {
  const confusion: Record<string, Record<string, number>> = {};
  m.confusion.rows.forEach((row, r) => {
    const cells: Record<string, number> = {};
    m.confusion.columns.forEach((col, c) => {
      if (m.confusion.counts[r][c] > 0) cells[col] = m.confusion.counts[r][c];
    });
    if (Object.keys(cells).length > 0) confusion[row] = cells;
  });
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    rows: m.total,
    accuracy: round(m.accuracy),
    macroF1: round(m.macroF1),
    weightedF1: round(m.weightedF1),
    coverage: round(m.coverage),
    accuracyWhenDecided: round(m.accuracyWhenDecided),
    perLabel: Object.fromEntries(m.perLabel.map((l) => [l.label, { precision: round(l.precision), recall: round(l.recall), f1: round(l.f1), support: l.support }])),
    confusion,
  };
}
