/**
 * Classification metrics over gold labels and predictions, where a
 * prediction may also be an outcome that is not a label (an abstention,
 * "Unclassified", "llm (not run)"). Such outcomes count as wrong for
 * accuracy and recall, and are reported as their own confusion-matrix column.
 */
export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose gold label is this label. */
  support: number;
  /** Rows predicted as this label. */
  predicted: number;
}

export interface ConfusionMatrix {
  /** Gold labels, in row order (taxonomy labels first, then unknown gold labels). */
  rows: string[];
  /** Predicted labels and non-label outcomes, in column order. */
  columns: string[];
  /** counts[r][c]: rows with gold rows[r] predicted columns[c]. */
  counts: number[][];
}

export interface ClassificationMetrics {
  total: number;
  correct: number;
  /** correct / total: abstentions count as misses. */
  accuracy: number;
  /** Rows given a label (not an outcome) / total. */
  coverage: number;
  /** correct / rows given a label: how often a decision is right. */
  accuracyWhenDecided: number;
  perLabel: LabelMetrics[];
  /** Unweighted mean F1 over labels that occur in the gold data or the predictions (as scikit-learn). */
  macroF1: number;
  /** Support-weighted mean F1 over gold labels. */
  weightedF1: number;
  confusion: ConfusionMatrix;
}

export interface MetricsInput {
  gold: readonly string[];
  predicted: readonly string[];
  /** The taxonomy's labels, in display order. Predictions outside it are outcomes (abstained...), not labels. */
  labels: readonly string[];
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const harmonic = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function computeMetrics({ gold, predicted, labels }: MetricsInput): ClassificationMetrics {
  if (gold.length !== predicted.length) throw new Error(`metrics: ${gold.length} gold labels but ${predicted.length} predictions`);
  const labelSet = new Set(labels);
  const unknownGold = [...new Set(gold.filter((g) => !labelSet.has(g)))].sort();
  const outcomes = [...new Set(predicted.filter((p) => !labelSet.has(p)))].sort();
  const rows = [...labels, ...unknownGold];
  const columns = [...labels, ...outcomes];
  const rowIndex = new Map(rows.map((l, i) => [l, i]));
  const colIndex = new Map(columns.map((l, i) => [l, i]));
  const counts = rows.map(() => columns.map(() => 0));

  let correct = 0;
  let decided = 0;
  for (let i = 0; i < gold.length; i++) {
    counts[rowIndex.get(gold[i]) as number][colIndex.get(predicted[i]) as number]++;
    if (labelSet.has(predicted[i])) decided++;
    if (gold[i] === predicted[i]) correct++;
  }

  const perLabel = labels.map((label, li): LabelMetrics => {
    const tp = counts[rowIndex.get(label) as number][li];
    const support = counts[rowIndex.get(label) as number].reduce((a, b) => a + b, 0);
    const predictedAs = counts.reduce((sum, row) => sum + row[li], 0);
    const precision = ratio(tp, predictedAs);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: harmonic(precision, recall), support, predicted: predictedAs };
  });
  const present = perLabel.filter((m) => m.support > 0 || m.predicted > 0);
  const goldTotal = perLabel.reduce((s, m) => s + m.support, 0);

  return {
    total: gold.length,
    correct,
    accuracy: ratio(correct, gold.length),
    coverage: ratio(decided, gold.length),
    accuracyWhenDecided: ratio(correct, decided),
    perLabel,
    macroF1: ratio(present.reduce((s, m) => s + m.f1, 0), present.length),
    weightedF1: ratio(perLabel.reduce((s, m) => s + m.f1 * m.support, 0), goldTotal),
    confusion: { rows, columns, counts },
  };
}
