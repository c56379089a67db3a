import { embedSparse, LogisticRegressionModel, type Embedder, type ModelArtifact } from '@logclass/embedding-tier';
import type { LabelledRow } from '../dataset/labelled-csv';
import { pct } from '../evaluation/classification-report';
import { computeMetrics, type ClassificationMetrics } from '../evaluation/metrics';
import { keyValues, section } from '../evaluation/report';
import { applyThreshold, predictTop } from '../model/scoring';

/** A model's numbers on one set of rows: raw (always answers) and as served (at its threshold). */
export interface ModelScore {
  /** e.g. "base" or "v2 (new)". */
  name: string;
  noThreshold: ClassificationMetrics;
  atThreshold: ClassificationMetrics;
}

/**
 * Scores a model's logistic regression on labelled rows (labels already
 * resolved to the taxonomy), without the artifact's template memory: that
 * memory repeats training labels, so no held-out figure may include it.
 */
export async function scoreModel(name: string, artifact: ModelArtifact, embedder: Embedder, rows: readonly LabelledRow[], labels: readonly string[]): Promise<ModelScore> {
  const predictions = predictTop(new LogisticRegressionModel(artifact.weights, artifact.bias), artifact.labels, await embedSparse(embedder, rows.map((r) => r.logMessage)));
  const gold = rows.map((r) => r.targetLabel);
  return {
    name,
    noThreshold: computeMetrics({ gold, predicted: predictions.map((p) => p.label), labels }),
    atThreshold: computeMetrics({ gold, predicted: applyThreshold(predictions, artifact.threshold), labels }),
  };
}

const signed = (x: number, digits = 3): string => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
const signedPct = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} pt`;

/**
 * Old vs new, side by side, on the same held-out rows: what an operator reads
 * before `logclass promote`. Deltas are new minus old.
 */
export function renderComparison(old: ModelScore, next: ModelScore, rowsNote: string): string {
  const header = ['', old.name, next.name, 'delta'];
  const lines: string[][] = [header];
  const add = (name: string, a: number, b: number, asPct: boolean): void => {
    lines.push([name, asPct ? pct(a) : a.toFixed(3), asPct ? pct(b) : b.toFixed(3), asPct ? signedPct(b - a) : signed(b - a)]);
  };
  add('accuracy (always answers)', old.noThreshold.accuracy, next.noThreshold.accuracy, true);
  add('macro-F1 (always answers)', old.noThreshold.macroF1, next.noThreshold.macroF1, false);
  add('decided at threshold', old.atThreshold.coverage, next.atThreshold.coverage, true);
  add('accuracy when decided', old.atThreshold.accuracyWhenDecided, next.atThreshold.accuracyWhenDecided, true);
  lines.push(['', '', '', '']);
  lines.push(['F1 per label', '', '', '']);
  const oldByLabel = new Map(old.noThreshold.perLabel.map((m) => [m.label, m]));
  for (const m of next.noThreshold.perLabel) {
    const before = oldByLabel.get(m.label);
    if (m.support === 0 && (before?.support ?? 0) === 0) continue;
    add(`  ${m.label} (${m.support})`, before?.f1 ?? 0, m.f1, false);
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const table = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd()).join('\n');
  return section(`Old vs new on the same held-out rows (${rowsNote})`, `${table}\n\n${keyValues([['verdict', verdict(old, next)]])}`);
}

function verdict(old: ModelScore, next: ModelScore): string {
  const dF1 = next.noThreshold.macroF1 - old.noThreshold.macroF1;
  if (dF1 > 0.005) return `the new version is better (macro-F1 ${signed(dF1)})`;
  if (dF1 < -0.005) return `the new version is WORSE (macro-F1 ${signed(dF1)}): check the corrections before promoting`;
  return `no material difference in macro-F1 (${signed(dF1)}); corrected templates themselves are not in these rows`;
}

export function comparisonJson(old: ModelScore, next: ModelScore): Record<string, unknown> {
  const summary = (s: ModelScore) => ({
    name: s.name,
    accuracy: s.noThreshold.accuracy,
    macroF1: s.noThreshold.macroF1,
    coverageAtThreshold: s.atThreshold.coverage,
    accuracyWhenDecided: s.atThreshold.accuracyWhenDecided,
    f1: Object.fromEntries(s.noThreshold.perLabel.map((m) => [m.label, m.f1])),
  });
  return { rows: next.noThreshold.total, old: summary(old), new: summary(next) };
}
