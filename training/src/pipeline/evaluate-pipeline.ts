import { embedSparse, LogisticRegressionModel } from '@logclass/embedding-tier';
import type { Taxonomy } from '@logclass/taxonomy';
import { maskTemplate } from '@logclass/template-mask';
import type { LabelledRow } from '../dataset/labelled-csv';
import { resolveLabels } from '../dataset/resolve-labels';
import { coverageCurve } from '../evaluation/coverage-curve';
import { computeMetrics } from '../evaluation/metrics';
import { applyThreshold, predictTop, scoredAgainst } from '../model/scoring';
import { runOfflineCascade } from './offline-cascade';
import type { EvaluationResult, MisclassifiedExample } from './evaluation-report';
import type { LoadedModel } from './load-model';

/** What the classifiers are given: the raw message, or its template (what a template cache would classify). */
export type InputMode = 'raw' | 'template';

export interface EvaluateOptions {
  dataPath: string;
  modelDir: string;
  taxonomy: Taxonomy;
  /** Undefined: embedding tier only (no regex rules, no cascade). */
  routing?: string;
  rulesPath?: string;
  input: InputMode;
  worstExamples?: number;
}

const INPUT_NOTES: Record<InputMode, string> = {
  raw: 'raw log_message',
  template: 'maskTemplate(log_message): ids, numbers, paths... replaced by placeholders before classifying',
};

export async function evaluateRows(rows: readonly LabelledRow[], model: LoadedModel, opts: EvaluateOptions): Promise<EvaluationResult> {
  const { artifact, embedder } = model;
  const resolved = resolveLabels(rows, opts.taxonomy);
  const kept = resolved.rows;
  if (kept.length === 0) throw new Error(`${opts.dataPath}: no rows with a known label and a message to evaluate`);
  const texts = kept.map((r) => (opts.input === 'template' ? maskTemplate(r.logMessage) : r.logMessage));
  const gold = kept.map((r) => r.targetLabel);
  const labels = opts.taxonomy.names;

  const lr = new LogisticRegressionModel(artifact.weights, artifact.bias);
  const predictions = predictTop(lr, artifact.labels, await embedSparse(embedder, texts));
  const embeddingNoThreshold = computeMetrics({ gold, predicted: predictions.map((p) => p.label), labels });
  const embeddingAtThreshold = computeMetrics({ gold, predicted: applyThreshold(predictions, artifact.threshold), labels });

  let cascade: EvaluationResult['cascade'];
  if (opts.routing !== undefined) {
    const records = kept.map((r, i) => ({ source: r.source, logMessage: texts[i] }));
    const run = await runOfflineCascade(records, { artifact, embedder, taxonomy: opts.taxonomy, routing: opts.routing, rulesPath: opts.rulesPath });
    const decidedBy = new Map<string, { rows: number; correct: number }>();
    run.decidedBy.forEach((tier, i) => {
      const entry = decidedBy.get(tier) ?? { rows: 0, correct: 0 };
      entry.rows++;
      if (run.predicted[i] === gold[i]) entry.correct++;
      decidedBy.set(tier, entry);
    });
    // The same cascade as the gateway answers it by default without an LLM: best guesses where nothing decided.
    const guessing = await runOfflineCascade(records, { artifact, embedder, taxonomy: opts.taxonomy, routing: opts.routing, rulesPath: opts.rulesPath, undecided: 'best-guess' });
    cascade = { metrics: computeMetrics({ gold, predicted: run.predicted, labels }), bestGuess: computeMetrics({ gold, predicted: guessing.predicted, labels }), decidedBy, routing: opts.routing };
  }

  const worst: MisclassifiedExample[] = predictions
    .map((p, i) => ({ gold: gold[i], predicted: p.label, confidence: p.confidence, message: kept[i].logMessage }))
    .filter((e) => e.gold !== e.predicted)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, opts.worstExamples ?? 10);

  return {
    dataPath: opts.dataPath,
    modelDir: opts.modelDir,
    modelSummary: `${artifact.name}, ${artifact.labels.length} labels, embedder ${artifact.embedder.id}, threshold ${artifact.threshold.toFixed(3)}`,
    inputNote: INPUT_NOTES[opts.input],
    rowsRead: rows.length,
    emptyMessages: resolved.emptyMessages,
    unknownLabels: resolved.unknown,
    threshold: artifact.threshold,
    embeddingNoThreshold,
    embeddingAtThreshold,
    curve: coverageCurve(scoredAgainst(predictions, gold), artifact.threshold),
    cascade,
    worst,
  };
}
