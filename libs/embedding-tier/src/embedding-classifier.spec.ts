import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome } from '@logclass/contract';
import { maskTemplate } from '@logclass/template-mask';
import { TOY_EXAMPLES, TOY_LABELS } from '@logclass/test-support';
import { loadArtifact, readArtifactMetadata, saveArtifact, type ModelArtifact } from './artifact';
import { EmbeddingClassifier } from './embedding-classifier';
import { HashingEmbedder } from './hashing-embedder';
import type { Embedder } from './embedder';
import { trainArtifact } from './train-artifact';

const LABELS = TOY_LABELS;
const EXAMPLES = TOY_EXAMPLES;

const trainedArtifact = (embedder: HashingEmbedder): Promise<ModelArtifact> =>
  trainArtifact(embedder, EXAMPLES, { name: 'toy', version: '1', labels: LABELS, threshold: 0.5, l2: 0.01 });

describe('model artifact', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'artifact-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through model.json + weights.f32', async () => {
    const embedder = new HashingEmbedder({ dimension: 256 });
    const artifact = await trainedArtifact(embedder);
    saveArtifact(dir, artifact);
    const loaded = loadArtifact(dir, embedder);
    expect(Array.from(loaded.weights)).toEqual(Array.from(artifact.weights));
    expect(Array.from(loaded.bias)).toEqual(Array.from(artifact.bias));
    expect(readArtifactMetadata(dir)).toMatchObject({
      name: 'toy',
      labels: LABELS,
      embedder: { dimension: 256 },
      trainingData: { rows: EXAMPLES.length, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      training: { converged: true, l2: 0.01, classWeight: 'balanced' },
    });
  });

  it('refuses another embedder, and weights that do not match their checksum', async () => {
    saveArtifact(dir, await trainedArtifact(new HashingEmbedder({ dimension: 256 })));
    expect(() => loadArtifact(dir, new HashingEmbedder({ dimension: 512 }))).toThrow(
      /trained with embedder "hashing-v2:d=256.*but the configured embedder is "hashing-v2:d=512/,
    );
    const weights = join(dir, 'weights.f32');
    const bytes = readFileSync(weights);
    bytes[0] ^= 1;
    writeFileSync(weights, bytes);
    expect(() => loadArtifact(dir, new HashingEmbedder({ dimension: 256 }))).toThrow(/sha256/);
  });
});

describe('EmbeddingClassifier', () => {
  const embedder = new HashingEmbedder({ dimension: 256 });
  let artifact: ModelArtifact;
  beforeAll(async () => (artifact = await trainedArtifact(embedder)));
  const rec = (logMessage: string) => ({ source: 'svc', logMessage });

  it('decides with the probability as the reason, in order', async () => {
    const classifier = new EmbeddingClassifier(artifact, embedder);
    const results = await classifier.classify([rec('User 99 logged in.'), rec(''), rec('Brute force attack detected on ssh from 10.1.1.1')], {
      includeTemplate: true,
    });
    expect(results[0]).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'embedding', template: maskTemplate('User 99 logged in.') });
    expect(results[0].reason).toMatch(/^p=0\.\d\d$/);
    expect(results[0].confidence).toBeGreaterThanOrEqual(0.5);
    expect(results[1]).toMatchObject({ outcome: Outcome.OUTCOME_ABSTAINED, reason: 'empty log_message' });
    expect(results[2]).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'Security Alert' });
  });

  it('abstains below the threshold, naming the probability and the best label, which it offers as its best guess', async () => {
    const classifier = new EmbeddingClassifier(artifact, embedder, { threshold: 0.95 });
    const [result] = await classifier.classify([rec('User 99 logged in.')]);
    expect(result.outcome).toBe(Outcome.OUTCOME_ABSTAINED);
    expect(result.reason).toMatch(/^p=0\.\d\d < 0\.95 \(User Action\)$/);
    expect(result.bestGuess).toBe('User Action');
    expect(result.confidence).toBeLessThan(0.95);
    const [sure] = await new EmbeddingClassifier(artifact, embedder, { threshold: 0.2 }).classify([rec('User 99 logged in.')]);
    expect(sure.bestGuess).toBeUndefined();
  });

  it('embeds each template once and counts cache hits', async () => {
    const classifier = new EmbeddingClassifier(artifact, embedder, { cacheSize: 10 });
    await classifier.classify([rec('User 1 logged in.'), rec('User 2 logged in.'), rec('CPU usage 50% for 3 minutes')]);
    await classifier.classify([rec('User 3 logged in.')]);
    expect(classifier.cacheStats()).toEqual({ hits: 2, misses: 2, size: 2 });
  });

  it('embeds a template once across concurrent batches, one model run at a time', async () => {
    // The real hashing embedder, made slow and counted, standing in for a model that takes milliseconds.
    let running = 0;
    let peak = 0;
    const seen: string[] = [];
    const slow: Embedder = {
      id: embedder.id,
      dimension: embedder.dimension,
      templateOf: (text: string) => embedder.templateOf(text),
      embed: async (texts: readonly string[]) => {
        seen.push(...texts);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return embedder.embed(texts);
      },
    };
    const classifier = new EmbeddingClassifier(artifact, slow, { cacheSize: 100 });
    const batch = (n: number) => [rec(`User ${n} logged in.`), rec(`CPU usage ${n}% for 3 minutes`), rec(`Unauthorized access attempt to /srv/x${n}`)];
    const results = await Promise.all([1, 2, 3, 4].map((n) => classifier.classify(batch(n))));
    expect(results.map((r) => r.map((x) => x.label))).toEqual(Array(4).fill(['User Action', 'Resource Usage', 'Security Alert']));
    expect(new Set(seen).size).toBe(seen.length); // no template embedded twice
    expect(seen.length).toBeLessThan(12);
    expect(peak).toBe(1);
  });

  it('describes its labels and model', () => {
    const d = new EmbeddingClassifier(artifact, embedder, { maxBatchSize: 64 }).describe();
    expect(d).toMatchObject({ tier: 'embedding', maxBatchSize: 64, model: `toy@1 (${embedder.id})` });
    expect(d.labels.map((l) => l.name)).toEqual(LABELS);
  });
});

describe('trainArtifact', () => {
  it('refuses an example whose label is not in the model', async () => {
    await expect(
      trainArtifact(new HashingEmbedder({ dimension: 64 }), [{ text: 'x', label: 'Nope' }], { name: 'n', version: '1', labels: LABELS, threshold: 0.5 }),
    ).rejects.toThrow(/labelled "Nope", which is not among User Action/);
  });
});
