import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyBertModel, type TinyBertModel } from '@logclass/test-support';
import { createEmbedder, embedderSpecFromId } from './create-embedder';
import { loadTransformers, TransformersEmbedder } from './transformers-embedder';

const LINES = [
  'User 12 logged in',
  'disk full',
  'a much longer line: connection timeout, refused by the database after 3 retries',
  'Backup completed',
  'unauthorized access attempt from 10.0.0.7',
  // Longer than the tiny model's 64 tokens: truncated the same way as the pipeline.
  Array.from({ length: 40 }, (_, i) => `step ${i} of the backup failed`).join('; '),
];

describe('TransformersEmbedder on a generated tiny BERT model', () => {
  let root: string;
  let tiny: TinyBertModel;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tiny-bert-'));
    tiny = writeTinyBertModel(root);
    // Batches of 2 so that sorting, padding and restoring order are all exercised.
    embedder = await TransformersEmbedder.load({ modelsPath: root, model: tiny.modelId, batchSize: 2 });
  });

  afterAll(async () => {
    await embedder.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('names the model, precision and pooling in its id; dimension from config.json', () => {
    expect(embedder.id).toBe('transformers:test/tiny-bert:q8:mean-l2:m1');
    expect(embedder.dimension).toBe(tiny.dimension);
  });

  it('equals the stock feature-extraction pipeline with mean pooling and normalisation', async () => {
    const tf = await loadTransformers(root, false);
    const pipe = await tf.pipeline('feature-extraction', tiny.modelId, { quantized: true });
    const expected = await pipe(LINES.map((l) => embedder.templateOf(l)), { pooling: 'mean', normalize: true });
    const ours = await embedder.embed(LINES);
    ours.forEach((v, i) => {
      const row = (expected.data as Float32Array).subarray(i * tiny.dimension, (i + 1) * tiny.dimension);
      for (let d = 0; d < tiny.dimension; d++) expect(Math.abs(v[d] - row[d])).toBeLessThan(1e-5);
    });
    await pipe.dispose();
  });

  it('keeps input order whatever the batching', async () => {
    const forward = await embedder.embed(LINES);
    const backward = await embedder.embed([...LINES].reverse());
    expect(backward.map((v) => Array.from(v)).reverse()).toEqual(forward.map((v) => Array.from(v)));
    expect(forward.every((v) => Math.abs(Math.hypot(...v) - 1) < 1e-5)).toBe(true);
  });

  it('loads fp32 through createEmbedder, and rebuilds itself from its id', async () => {
    const fp32 = await createEmbedder({ kind: 'transformers', modelsPath: root, model: tiny.modelId, quantized: false });
    expect(fp32.id).toBe('transformers:test/tiny-bert:fp32:mean-l2:m1');
    await fp32.close?.();
    expect(embedderSpecFromId(embedder.id, { modelsPath: root })).toEqual({
      kind: 'transformers',
      model: tiny.modelId,
      quantized: true,
      maskInput: true,
      modelsPath: root,
    });
  });

  it('refuses to start without the model files, saying how to get them', async () => {
    await expect(TransformersEmbedder.load({ modelsPath: root, model: 'Xenova/all-MiniLM-L6-v2' })).rejects.toThrow(
      /Xenova\/all-MiniLM-L6-v2 is not in .*missing config\.json.*npm run models:fetch/,
    );
  });
});
