import type { ConfusionMatrix, LabelMetrics } from './metrics';

/** The shape metricsJson() writes (evaluation.json). */
export interface MetricsJson {
  rows: number;
  accuracy: number;
  macroF1: number;
  coverage: number;
  accuracyWhenDecided: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
}

/**
 * Per-label metrics and the confusion matrix back from evaluation.json, so a
 * picture can be drawn for a model without re-running its evaluation.
 * Columns: the labels, then the outcomes (abstained...) that occur.
 */
export function metricsFromJson(json: MetricsJson): { perLabel: LabelMetrics[]; confusion: ConfusionMatrix } {
  const labels = Object.keys(json.perLabel);
  const outcomes = [...new Set(Object.values(json.confusion).flatMap((cells) => Object.keys(cells)))].filter((c) => !labels.includes(c)).sort();
  const rows = [...labels, ...Object.keys(json.confusion).filter((r) => !labels.includes(r))];
  const columns = [...labels, ...outcomes];
  const counts = rows.map((r) => columns.map((c) => json.confusion[r]?.[c] ?? 0));
  const perLabel = labels.map((label, li): LabelMetrics => ({ label, ...json.perLabel[label], predicted: counts.reduce((s, row) => s + row[li], 0) }));
  return { perLabel, confusion: { rows, columns, counts } };
}
