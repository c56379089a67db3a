import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder } from './embedder';
import type { TemplateMemory } from './template-memory';

export const ARTIFACT_FORMAT_VERSION = 1;
export const METADATA_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.f32';

/** A trained embedding + logistic-regression model and what it was trained with. */
export interface ModelArtifact {
  formatVersion: number;
  name: string;
  version: string;
  /** ISO-8601. */
  createdAt: string;
  /** Class k of the model is labels[k]. */
  labels: string[];
  /** The embedder the model was trained with; loading against another is refused. */
  embedder: { id: string; dimension: number };
  /** Below this top probability the tier abstains. */
  threshold: number;
  /** How the threshold was chosen, e.g. "precision>=0.95 on validation". */
  thresholdMethod: string;
  trainingData: { fingerprint: string; rows: number; templates?: number };
  /** Training details (l2, iterations, converged...): free-form, kept for the record. */
  training?: Record<string, unknown>;
  /** Evaluation report written by the training command: free-form. */
  metrics?: unknown;
  /** Templates decided by exact match before the threshold (template-memory.ts); absent = none. */
  templateMemory?: TemplateMemory;
  /** labels.length x embedder.dimension, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** model.json: everything but the weights, which go to weights.f32 (little-endian float32, class-major). */
type ArtifactMetadata = Omit<ModelArtifact, 'weights' | 'bias'> & {
  bias: number[];
  weightsFile: string;
  weightsShape: [number, number];
  weightsSha256: string;
};

/**
 * Writes `dir/model.json` (readable, diffable metadata) and `dir/weights.f32`
 * (the weight matrix as raw little-endian float32: 9 x 16384 is ~590 KB,
 * a third of the JSON text it would take).
 */
export function saveArtifact(dir: string, artifact: ModelArtifact): void {
  checkShape(artifact);
  const bytes = float32LittleEndian(artifact.weights);
  const { weights: _weights, bias, ...rest } = artifact;
  const metadata: ArtifactMetadata = {
    ...rest,
    bias: Array.from(bias),
    weightsFile: WEIGHTS_FILE,
    weightsShape: [artifact.labels.length, artifact.embedder.dimension],
    weightsSha256: sha256(bytes),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, WEIGHTS_FILE), bytes);
  writeFileSync(join(dir, METADATA_FILE), `${JSON.stringify(metadata, null, 2)}\n`);
}

/** model.json alone: enough to know which embedder to build before loading the weights. */
export function readArtifactMetadata(dir: string): Omit<ModelArtifact, 'weights' | 'bias'> {
  const { bias: _bias, weightsFile: _file, weightsShape: _shape, weightsSha256: _sha, ...metadata } = readMetadataFile(dir);
  return metadata;
}

/** Loads an artifact for use with `embedder`; refuses one trained with a different embedder. */
export function loadArtifact(dir: string, embedder: Pick<Embedder, 'id' | 'dimension'>): ModelArtifact {
  const metadata = readMetadataFile(dir);
  const path = join(dir, METADATA_FILE);
  if (metadata.embedder.id !== embedder.id || metadata.embedder.dimension !== embedder.dimension) {
    throw new Error(
      `model artifact ${path} was trained with embedder "${metadata.embedder.id}" (dimension ${metadata.embedder.dimension}), ` +
        `but the configured embedder is "${embedder.id}" (dimension ${embedder.dimension}): retrain the model for this embedder or configure the one it was trained with`,
    );
  }
  const bytes = readFileSync(join(dir, metadata.weightsFile));
  if (sha256(bytes) !== metadata.weightsSha256) throw new Error(`model artifact ${path}: ${metadata.weightsFile} does not match its sha256 in model.json`);
  const [rows, cols] = metadata.weightsShape;
  if (bytes.byteLength !== rows * cols * 4) throw new Error(`model artifact ${path}: ${metadata.weightsFile} holds ${bytes.byteLength} bytes, expected ${rows * cols * 4}`);
  const weights = new Float32Array(rows * cols);
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readFloatLE(i * 4);
  const { bias, weightsFile: _file, weightsShape: _shape, weightsSha256: _sha, ...rest } = metadata;
  const artifact: ModelArtifact = { ...rest, weights, bias: Float32Array.from(bias) };
  checkShape(artifact);
  return artifact;
}

function readMetadataFile(dir: string): ArtifactMetadata {
  const path = join(dir, METADATA_FILE);
  let parsed: ArtifactMetadata;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as ArtifactMetadata;
  } catch (err) {
    throw new Error(`model artifact: cannot read ${path}: ${(err as Error).message} (train one with \`npm run train\`, or point EMBEDDING_MODEL_DIR at one)`);
  }
  if (parsed.formatVersion !== ARTIFACT_FORMAT_VERSION) {
    throw new Error(`model artifact ${path}: format version ${parsed.formatVersion}, this build reads ${ARTIFACT_FORMAT_VERSION}`);
  }
  return parsed;
}

function checkShape(a: ModelArtifact): void {
  const expected = a.labels.length * a.embedder.dimension;
  if (a.weights.length !== expected || a.bias.length !== a.labels.length) {
    throw new Error(
      `model artifact ${a.name}: ${a.weights.length} weights and ${a.bias.length} biases do not fit ${a.labels.length} labels x dimension ${a.embedder.dimension}`,
    );
  }
}

function float32LittleEndian(values: Float32Array): Buffer {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i], i * 4);
  return bytes;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
