/**
 * Choosing the embedding tier's abstain threshold on held-out data.
 *
 * Below the threshold the tier abstains and the record goes on to the LLM
 * (costly, slower, but usually right). So the threshold trades coverage for
 * precision: we take the LOWEST threshold whose accepted set (confidence >=
 * threshold) is still at least `targetPrecision` correct on validation
 * templates the model never trained on. Lowest, because every record the
 * tier keeps is an LLM call saved.
 */
export interface ScoredPrediction {
  /** The model's top-class probability. */
  confidence: number;
  correct: boolean;
}

export interface ThresholdChoice {
  threshold: number;
  /** Precision of the accepted set at that threshold, on the data it was chosen on. */
  precision: number;
  /** Share of rows accepted at that threshold. */
  coverage: number;
  /** Plain-language description, stored in the model artifact. */
  method: string;
  /** False when no threshold reaches the target; then the most precise one (ties: most coverage) is used. */
  targetMet: boolean;
}

/** `chosenOn` names the held-out rows in the method text. */
export function chooseThreshold(scored: readonly ScoredPrediction[], targetPrecision: number, chosenOn = 'validation templates (held out by template, never trained on)'): ThresholdChoice {
  if (scored.length === 0) throw new Error('threshold: no validation predictions to choose a threshold from');
  const sorted = [...scored].sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let best: { threshold: number; precision: number; accepted: number } | undefined;
  let mostPrecise = { threshold: sorted[0].confidence, precision: -1, accepted: 0 };
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].correct) correct++;
    // Only cut between distinct confidences: a threshold accepts every row at or above it.
    if (i + 1 < sorted.length && sorted[i + 1].confidence === sorted[i].confidence) continue;
    const accepted = i + 1;
    const precision = correct / accepted;
    const candidate = { threshold: sorted[i].confidence, precision, accepted };
    if (precision >= targetPrecision) best = candidate;
    if (precision >= mostPrecise.precision) mostPrecise = candidate;
  }
  const chosen = best ?? mostPrecise;
  const method =
    `lowest top-class probability whose accepted set has precision >= ${targetPrecision} ` +
    `on ${chosenOn}` +
    (best ? '' : `; target not reachable, used the most precise threshold instead (precision ${chosen.precision.toFixed(3)})`);
  return {
    threshold: chosen.threshold,
    precision: chosen.precision,
    coverage: chosen.accepted / sorted.length,
    method,
    targetMet: best !== undefined,
  };
}

/** Precision and coverage at a given threshold (for reports and for checking a threshold on test data). */
export function acceptedAt(scored: readonly ScoredPrediction[], threshold: number): { coverage: number; precision: number } {
  const accepted = scored.filter((s) => s.confidence >= threshold);
  return {
    coverage: scored.length === 0 ? 0 : accepted.length / scored.length,
    precision: accepted.length === 0 ? 0 : accepted.filter((s) => s.correct).length / accepted.length,
  };
}
