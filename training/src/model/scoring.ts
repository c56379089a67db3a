import { argmax, LogisticRegressionModel, type SparseVector } from '@logclass/embedding-tier';
import type { ScoredPrediction } from '../evaluation/threshold';

/** The model's answer for one row before any threshold: its top label and that label's probability. */
export interface TopPrediction {
  label: string;
  confidence: number;
}

export function predictTop(model: LogisticRegressionModel, labels: readonly string[], rows: readonly SparseVector[]): TopPrediction[] {
  return rows.map((x) => {
    const top = argmax(model.predictProbaSparse(x));
    return { label: labels[top.index], confidence: top.p };
  });
}

/** Below the threshold the tier abstains: that outcome's name in reports and confusion matrices. */
export const ABSTAINED = '(abstained)';

export function applyThreshold(predictions: readonly TopPrediction[], threshold: number): string[] {
  return predictions.map((p) => (p.confidence >= threshold ? p.label : ABSTAINED));
}

/** Confidence and correctness of each prediction: the input of threshold choice and coverage curves. */
export function scoredAgainst(predictions: readonly TopPrediction[], gold: readonly string[]): ScoredPrediction[] {
  return predictions.map((p, i) => ({ confidence: p.confidence, correct: p.label === gold[i] }));
}
