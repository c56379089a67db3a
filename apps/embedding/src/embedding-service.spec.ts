import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome, type LogRecord } from '@logclass/contract';
import { createEmbedder, saveArtifact, trainArtifact, type Embedder } from '@logclass/embedding-tier';
import { ServiceMetrics, silentLogger } from '@logclass/observability';
import { writeTinyBertModel } from '@logclass/test-support';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startEmbeddingService } from './service';

const LABELS = ['User Action', 'Resource Usage', 'Security Alert'];
const EXAMPLES = [
  ['User 12 logged in.', 'User Action'],
  ['User 31 logged out.', 'User Action'],
  ['New account 77 registered by admin.', 'User Action'],
  ['Memory usage at 91% on node-3', 'Resource Usage'],
  ['Disk space used 40GB of 50GB', 'Resource Usage'],
  ['CPU usage 97% for 10 minutes', 'Resource Usage'],
  ['Repeated failed login attempts for root from 10.0.0.9', 'Security Alert'],
  ['Brute force attack detected on ssh from 192.168.1.4', 'Security Alert'],
  ['Privilege escalation attempt blocked for user guest', 'Security Alert'],
].map(([text, label]) => ({ text, label }));

/** Trains a small model with `embedder` into `dir`, as the training command would. */
async function trainInto(dir: string, embedder: Embedder): Promise<void> {
  saveArtifact(dir, await trainArtifact(embedder, EXAMPLES, { name: 'toy', version: '1', labels: LABELS, threshold: 0.5, l2: 1e-3 }));
  await embedder.close?.();
}

const rec = (logMessage: string): LogRecord => ({ source: 'svc', logMessage });
const BASE_ENV = { EMBEDDING_GRPC_PORT: '0', EMBEDDING_METRICS_PORT: '-1', LOG_LEVEL: 'silent' };

describe('embedding service over gRPC', () => {
  let root: string;
  let hashingModel: string;
  let tinyModel: string;
  const modelsPath = () => join(root, 'models');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'embedding-service-'));
    const tiny = writeTinyBertModel(modelsPath());
    hashingModel = join(root, 'hashing-lr');
    tinyModel = join(root, 'tiny-lr');
    await trainInto(hashingModel, await createEmbedder({ kind: 'hashing' }));
    await trainInto(tinyModel, await createEmbedder({ kind: 'transformers', modelsPath: modelsPath(), model: tiny.modelId }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves a hashing model: SERVING, decides in order with the probability, counts cache hits', async () => {
    const metrics = new ServiceMetrics('embedding');
    const running = await startEmbeddingService(config.load({ ...BASE_ENV, EMBEDDING_MODEL_DIR: hashingModel }), silentLogger(), metrics);
    const client = new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 10 });
    try {
      expect(await checkHealth(running.grpc.address)).toBe('SERVING');
      const results = await client.classify([rec('User 31 logged in.'), rec(''), rec('Brute force attack detected on ssh from 10.9.9.9'), rec('User 32 logged in.')]);
      expect(results.map((r) => [r.outcome, r.label])).toEqual([
        [Outcome.OUTCOME_DECIDED, 'User Action'],
        [Outcome.OUTCOME_ABSTAINED, ''],
        [Outcome.OUTCOME_DECIDED, 'Security Alert'],
        [Outcome.OUTCOME_DECIDED, 'User Action'],
      ]);
      expect(results[0].reason).toMatch(/^p=\d\.\d\d$/);
      const described = await client.fetchDescription();
      expect(described).toMatchObject({ tier: 'embedding', maxBatchSize: 4096, model: expect.stringContaining('hashing-v2:d=16384') });
      expect((await metrics.render()).body).toContain('logclass_embedding_cache_lookups_total{result="hit",service="embedding"} 1');
    } finally {
      await client.close();
      await running.stop();
    }
  });

  it('keys by the template a record carries over the wire: the lines of one template cost one model run', async () => {
    const metrics = new ServiceMetrics('embedding');
    const running = await startEmbeddingService(config.load({ ...BASE_ENV, EMBEDDING_MODEL_DIR: hashingModel }), silentLogger(), metrics);
    const client = new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 10 });
    const carried = (logMessage: string): LogRecord => ({ source: 'svc', logMessage, template: 'User <*> logged in.' });
    try {
      const results = await client.classify([carried('User alice logged in.'), carried('User bob logged in.'), carried('User carol logged in.')]);
      expect(results.map((r) => [r.outcome, r.label])).toEqual(Array(3).fill([Outcome.OUTCOME_DECIDED, 'User Action']));
      // Without the template the three names are three texts to embed; with it, one miss and two hits.
      const body = (await metrics.render()).body;
      expect(body).toContain('logclass_embedding_cache_lookups_total{result="miss",service="embedding"} 1');
      expect(body).toContain('logclass_embedding_cache_lookups_total{result="hit",service="embedding"} 2');
    } finally {
      await client.close();
      await running.stop();
    }
  });

  it('abstains below EMBEDDING_THRESHOLD with the probability as the reason', async () => {
    const running = await startEmbeddingService(
      config.load({ ...BASE_ENV, EMBEDDING_MODEL_DIR: hashingModel, EMBEDDING_THRESHOLD: '0.999' }),
      silentLogger(),
    );
    const client = new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 10 });
    try {
      const [result] = await client.classify([rec('Disk space used 3GB of 9GB')]);
      expect(result.outcome).toBe(Outcome.OUTCOME_ABSTAINED);
      expect(result.reason).toMatch(/^p=0\.\d{3} < 0\.999 \(Resource Usage\)$/);
    } finally {
      await client.close();
      await running.stop();
    }
  });

  it('serves a model trained on a transformer embedder, rebuilding that embedder from the artifact', async () => {
    const running = await startEmbeddingService(
      config.load({ ...BASE_ENV, EMBEDDING_MODEL_DIR: tinyModel, EMBEDDING_MODELS_PATH: modelsPath() }),
      silentLogger(),
    );
    const client = new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 10 });
    try {
      const results = await client.classify([rec('User 12 logged in.'), rec('CPU usage 97% for 10 minutes')]);
      expect(results.map((r) => r.tier)).toEqual(['embedding', 'embedding']);
      expect((await client.fetchDescription()).model).toContain('transformers:test/tiny-bert:q8');
    } finally {
      await client.close();
      await running.stop();
    }
  });

  it('refuses at start-up a model trained with another embedder, or a missing model', async () => {
    const env = { ...BASE_ENV, EMBEDDING_MODEL_DIR: hashingModel, EMBEDDING_EMBEDDER: 'transformers', EMBEDDING_MODELS_PATH: modelsPath() };
    await expect(startEmbeddingService(config.load({ ...env, EMBEDDING_TRANSFORMERS_MODEL: 'test/tiny-bert' }), silentLogger())).rejects.toThrow(
      /trained with embedder "hashing-v2:d=16384.*configured embedder is "transformers:test\/tiny-bert/,
    );
    await expect(startEmbeddingService(config.load(env), silentLogger())).rejects.toThrow(/Xenova\/all-MiniLM-L6-v2 is not in .*npm run models:fetch/);
    await expect(startEmbeddingService(config.load({ ...BASE_ENV, EMBEDDING_MODEL_DIR: join(root, 'nope') }), silentLogger())).rejects.toThrow(
      /cannot read .*nope\/model\.json/,
    );
  });

  it('names a bad variable in its configuration', () => {
    expect(() => config.load({ EMBEDDING_THRESHOLD: '1.5' })).toThrow(/EMBEDDING_THRESHOLD="1.5": expected a number between 0 and 1/);
    expect(() => config.load({ EMBEDDING_EMBEDDER: 'word2vec' })).toThrow(/EMBEDDING_EMBEDDER="word2vec": expected one of artifact, hashing, transformers/);
    expect(config.load({}).threshold).toBeUndefined();
  });
});
