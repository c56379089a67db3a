import { Outcome, type LogRecord } from '@logclass/contract';
import { EmbeddingClassifier, HashingEmbedder, trainArtifact } from '@logclass/embedding-tier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { LlmClassifier, NO_API_KEY_REASON } from '@logclass/llm-tier';
import { silentLogger } from '@logclass/observability';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { remoteTier, startTierServer } from '../test/tier-servers';
import { Cascade, type UndecidedPolicy } from './index';

const rec = (logMessage: string): LogRecord => ({ source: 'ModernHR', logMessage });

const EXAMPLES = [
  { text: 'User 12 logged in.', label: 'User Action' },
  { text: 'User 7 logged out.', label: 'User Action' },
  { text: 'Memory usage at 91% on node-3', label: 'Resource Usage' },
  { text: 'Disk space used 40GB of 50GB', label: 'Resource Usage' },
  { text: 'Multiple failed login attempts for user admin from 10.0.0.9', label: 'Security Alert' },
  { text: 'Brute force attack detected on ssh from 192.168.1.4', label: 'Security Alert' },
];

/**
 * What `npm start` runs without an LLM key: a real embedding tier (a toy
 * model whose threshold nothing reaches, so it abstains on every row with its
 * best guess) and the real LLM tier with no API key (it abstains on every
 * row), each served over gRPC.
 */
describe('records no tier decided, over real gRPC tiers', () => {
  const servers: RunningClassifierServer[] = [];
  const cascades: Cascade[] = [];

  beforeAll(async () => {
    const embedder = new HashingEmbedder({ dimension: 256 });
    const artifact = await trainArtifact(embedder, EXAMPLES, { name: 'toy', version: '1', labels: ['User Action', 'Resource Usage', 'Security Alert'], threshold: 0.999, l2: 0.01 });
    const llm = new LlmClassifier({
      taxonomy: defaultTaxonomy, apiKey: undefined, baseUrl: 'http://127.0.0.1:9', model: 'none', temperature: 0, maxTokens: 16, timeoutMs: 1000,
      concurrency: 1, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, cacheSize: 0, cacheTtlMs: 0, cacheKey: 'exact', messagesPerCall: 1, maxBatchSize: 100,
    });
    servers.push(await startTierServer(new EmbeddingClassifier(artifact, embedder, { cacheSize: 0 })), await startTierServer(llm));
  });

  afterAll(async () => {
    await Promise.all(cascades.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.stop(100)));
  });

  const cascade = (undecided?: UndecidedPolicy): Cascade => {
    const c = new Cascade({ tiers: [remoteTier('embedding', servers[0].address), remoteTier('llm', servers[1].address)], log: silentLogger(), ...(undecided ? { undecided } : {}) });
    cascades.push(c);
    return c;
  };

  it('answers Unclassified by default, naming both abstentions', async () => {
    const [result] = await cascade().classify([rec('User 99 logged in.')]);
    expect(result).toMatchObject({ outcome: Outcome.OUTCOME_UNCLASSIFIED, label: 'Unclassified', confidence: 0 });
    expect(result.reason).toContain(`llm: ${NO_API_KEY_REASON}`);
  });

  it('with best-guess, answers the embedding tier\'s top label as a decision that says it is a guess, at its real probability', async () => {
    const records = [rec('User 99 logged in.'), rec('Memory usage at 97% on node-8'), rec('   ')];
    const [login, memory, empty] = await cascade('best-guess').classify(records);
    expect(login).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'embedding' });
    expect(memory).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'Resource Usage', tier: 'embedding' });
    for (const r of [login, memory]) {
      expect(r.reason).toMatch(/^best guess of embedding, below its threshold \(p=0\.\d+ < 0\.999 \((User Action|Resource Usage)\)\); no tier decided \(llm: llm disabled: no API key\)$/);
      // The probability the tier computed, below its threshold: not a made-up certainty.
      expect(r.confidence).toBeGreaterThan(1 / 3);
      expect(r.confidence).toBeLessThan(0.999);
      expect(r.bestGuess).toBeUndefined();
    }
    // Nothing to guess from: an empty message stays Unclassified.
    expect(empty.outcome).toBe(Outcome.OUTCOME_UNCLASSIFIED);
  });
});
