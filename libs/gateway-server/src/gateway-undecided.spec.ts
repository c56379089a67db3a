import { EmbeddingClassifier, HashingEmbedder, trainArtifact } from '@logclass/embedding-tier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { LlmClassifier } from '@logclass/llm-tier';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { RunningGateway } from './index';

/**
 * The gateway as `npm start` runs it without an LLM key: a real embedding
 * tier (a toy model whose threshold nothing reaches) and the real LLM tier
 * with no API key, both over gRPC. Every tier abstains on every line.
 */
describe('gateway: lines no tier decided (GATEWAY_UNDECIDED)', () => {
  const tiers: RunningClassifierServer[] = [];
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    const embedder = new HashingEmbedder({ dimension: 256 });
    const examples = [
      { text: 'User 12 logged in.', label: 'User Action' },
      { text: 'User 7 logged out.', label: 'User Action' },
      { text: 'Memory usage at 91% on node-3', label: 'Resource Usage' },
      { text: 'Disk space used 40GB of 50GB', label: 'Resource Usage' },
    ];
    const artifact = await trainArtifact(embedder, examples, { name: 'toy', version: '1', labels: ['User Action', 'Resource Usage'], threshold: 0.999, l2: 0.01 });
    const llm = new LlmClassifier({
      taxonomy: defaultTaxonomy, apiKey: undefined, baseUrl: 'http://127.0.0.1:9', model: 'none', temperature: 0, maxTokens: 16, timeoutMs: 1000,
      concurrency: 1, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, cacheSize: 0, cacheTtlMs: 0, cacheKey: 'exact', messagesPerCall: 1, maxBatchSize: 100,
    });
    tiers.push(await startTier(new EmbeddingClassifier(artifact, embedder, { cacheSize: 0 })), await startTier(llm));
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(tiers.map((t) => t.stop(100)));
  });

  const classify = async (env: Record<string, string>): Promise<Array<Record<string, unknown>>> => {
    const gateway = await startTestGateway({ GATEWAY_TIERS: `embedding=${tiers[0].address},llm=${tiers[1].address}`, GATEWAY_ROUTING: '{}', ...env });
    gateways.push(gateway);
    const res = await fetch(`${gateway.httpUrl}/classify/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ source: 'ModernHR', log_message: 'User 99 logged in.' }]),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Array<Record<string, unknown>>;
  };

  it('answers the embedding tier\'s best guess by default, saying it is one, at its real probability', async () => {
    const [result] = await classify({});
    expect(result).toMatchObject({ label: 'User Action', tier: 'embedding' });
    expect(result.reason).toMatch(/^best guess of embedding, below its threshold \(p=0\.\d+ < 0\.999 \(User Action\)\); no tier decided \(llm: llm disabled: no API key\)$/);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThan(0.999);
  });

  it('answers Unclassified with GATEWAY_UNDECIDED=unclassified', async () => {
    const [result] = await classify({ GATEWAY_UNDECIDED: 'unclassified' });
    expect(result).toMatchObject({ label: 'Unclassified', tier: '', confidence: 0 });
    expect(result.reason).toContain('no tier decided');
  });
});
