import type { ClassificationMetrics } from './metrics';

const fixed = (x: number): string => x.toFixed(3);
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** scikit-learn style per-label table plus accuracy and macro/weighted F1. */
export function renderClassificationReport(m: ClassificationMetrics): string {
  const nameWidth = Math.max(12, ...m.perLabel.map((l) => l.label.length));
  const head = `${''.padEnd(nameWidth)}  precision  recall  f1-score  support`;
  const row = (name: string, p: string, r: string, f: string, s: number): string =>
    `${name.padEnd(nameWidth)}  ${p.padStart(9)}  ${r.padStart(6)}  ${f.padStart(8)}  ${String(s).padStart(7)}`;
  const lines = [head];
  for (const l of m.perLabel) {
    if (l.support === 0 && l.predicted === 0) continue;
    lines.push(row(l.label, fixed(l.precision), fixed(l.recall), fixed(l.f1), l.support));
  }
  const labelled = m.perLabel.reduce((s, l) => s + l.support, 0);
  lines.push('');
  lines.push(row('accuracy', '', '', fixed(m.accuracy), m.total));
  lines.push(row('macro avg', '', '', fixed(m.macroF1), labelled));
  lines.push(row('weighted avg', '', '', fixed(m.weightedF1), labelled));
  return lines.join('\n');
}
