import { createHash } from 'node:crypto';
import { ARTIFACT_FORMAT_VERSION, type ModelArtifact } from './artifact';
import { embedSparse, type Embedder } from './embedder';
import { trainLogisticRegressionSparse, type LogisticRegressionOptions } from './logistic-regression';

export interface LabelledText {
  text: string;
  label: string;
}

export interface TrainArtifactOptions extends Partial<Omit<LogisticRegressionOptions, 'numClasses'>> {
  name: string;
  version: string;
  /** Class order of the model; every example's label must be one of them. */
  labels: readonly string[];
  threshold: number;
  thresholdMethod?: string;
  createdAt?: Date;
}

/**
 * Embeds labelled texts, fits the logistic regression and wraps the result
 * with its metadata: the shortest path from examples to a loadable model
 * (the training command adds splits, threshold search and reports around it).
 */
export async function trainArtifact(embedder: Embedder, examples: readonly LabelledText[], opts: TrainArtifactOptions): Promise<ModelArtifact> {
  const y = examples.map((e) => {
    const index = opts.labels.indexOf(e.label);
    if (index < 0) throw new Error(`training example labelled "${e.label}", which is not among ${opts.labels.join(', ')}`);
    return index;
  });
  const rows = await embedSparse(embedder, examples.map((e) => e.text));
  const settings = { l2: opts.l2 ?? 1e-4, classWeight: opts.classWeight ?? 'balanced', seed: opts.seed ?? 1 };
  const limits = { maxIterations: opts.maxIterations, tolerance: opts.tolerance };
  const fit = trainLogisticRegressionSparse(rows, embedder.dimension, y, { numClasses: opts.labels.length, ...settings, ...limits });
  return {
    formatVersion: ARTIFACT_FORMAT_VERSION,
    name: opts.name,
    version: opts.version,
    createdAt: (opts.createdAt ?? new Date()).toISOString(),
    labels: [...opts.labels],
    embedder: { id: embedder.id, dimension: embedder.dimension },
    threshold: opts.threshold,
    thresholdMethod: opts.thresholdMethod ?? 'fixed',
    trainingData: { fingerprint: fingerprint(examples), rows: examples.length },
    training: { ...settings, iterations: fit.iterations, converged: fit.converged, loss: fit.loss },
    weights: fit.weights,
    bias: fit.bias,
  };
}

/** sha256 over the examples in order: the same data gives the same fingerprint. */
function fingerprint(examples: readonly LabelledText[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.label}\u0000${e.text}\n`);
  return `sha256:${hash.digest('hex')}`;
}
