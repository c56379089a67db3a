import { pct } from './classification-report';
import { acceptedAt, type ScoredPrediction } from './threshold';

export const CURVE_THRESHOLDS = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99] as const;

export interface CurvePoint {
  threshold: number;
  coverage: number;
  precision: number;
}

/** Coverage and accuracy-when-decided at several thresholds, plus the chosen one. */
export function coverageCurve(scored: readonly ScoredPrediction[], chosen: number): CurvePoint[] {
  const thresholds = [...new Set([...CURVE_THRESHOLDS, chosen])].sort((a, b) => a - b);
  return thresholds.map((threshold) => ({ threshold, ...acceptedAt(scored, threshold) }));
}

export function renderCoverageCurve(points: readonly CurvePoint[], chosen: number): string {
  const lines = ['threshold  decided  accuracy when decided'];
  for (const p of points) {
    const mark = p.threshold === chosen ? '  <- model threshold' : '';
    lines.push(`${p.threshold.toFixed(3).padStart(9)}  ${pct(p.coverage).padStart(7)}  ${pct(p.precision).padStart(21)}${mark}`);
  }
  return lines.join('\n');
}
