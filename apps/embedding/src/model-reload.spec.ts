import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome, type LogRecord } from '@logclass/contract';
import { createEmbedder, saveArtifact, trainArtifact, versionDir, writeCurrentPointer } from '@logclass/embedding-tier';
import { silentLogger } from '@logclass/observability';
import { GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startEmbeddingService } from './service';

const LABELS = ['User Action', 'Security Alert'];
const examples = (loginLabel: string) =>
  [
    ['User 12 logged in.', loginLabel],
    ['User 31 logged out.', loginLabel],
    ['Account 77 signed in from the web app.', loginLabel],
    ['Repeated failed login attempts for root from 10.0.0.9', 'Security Alert'],
    ['Brute force attack detected on ssh from 192.168.1.4', 'Security Alert'],
    ['Privilege escalation attempt blocked for user guest', 'Security Alert'],
  ].map(([text, label]) => ({ text, label }));

async function train(dir: string, version: string, loginLabel: string): Promise<void> {
  const embedder = await createEmbedder({ kind: 'hashing' });
  saveArtifact(dir, await trainArtifact(embedder, examples(loginLabel), { name: 'toy', version, labels: LABELS, threshold: 0.3, l2: 1e-3 }));
}

/** Waits (no time assertion: only as long as the poll takes) until `check` holds. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never held');
}

const login: LogRecord = { source: 'svc', logMessage: 'User 44 logged in.' };

describe('embedding service: a promoted model is served without a restart (real gRPC)', () => {
  const root = mkdtempSync(join(tmpdir(), 'embedding-reload-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('switches to the promoted version, and refuses a corrupt one while the old keeps serving', async () => {
    await train(root, 'one', 'User Action');
    await train(versionDir(root, 'v1'), 'two', 'Security Alert');
    // v2: v1 with damaged weights (their sha256 no longer matches model.json).
    const v2 = versionDir(root, 'v2');
    mkdirSync(v2, { recursive: true });
    copyFileSync(join(versionDir(root, 'v1'), 'model.json'), join(v2, 'model.json'));
    const weights = readFileSync(join(versionDir(root, 'v1'), 'weights.f32'));
    weights[0] ^= 0xff;
    writeFileSync(join(v2, 'weights.f32'), weights);

    const cfg = config.load({ EMBEDDING_GRPC_PORT: '0', EMBEDDING_METRICS_PORT: '-1', LOG_LEVEL: 'silent', EMBEDDING_MODEL_DIR: root });
    const running = await startEmbeddingService(cfg, silentLogger(), undefined, { pollMs: 50 });
    const connect = () => new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 10 });
    const client = connect();
    // A client remembers the first Describe answer: ask with a fresh one each time.
    const servedModel = async (): Promise<string> => {
      const fresh = connect();
      try {
        return (await fresh.fetchDescription()).model;
      } finally {
        await fresh.close();
      }
    };
    try {
      expect(await servedModel()).toMatch(/^toy@one /);
      const [before] = await client.classify([login]);
      expect([before.outcome, before.label]).toEqual([Outcome.OUTCOME_DECIDED, 'User Action']);

      await client.classify(['a', 'b', 'c', 'd'].map((x) => ({ source: 'svc', logMessage: `job ${x} failed` })));
      const lookups = () => running.classifier.cacheStats().hits + running.classifier.cacheStats().misses;
      const lookupsBefore = lookups();

      writeCurrentPointer(root, 'v1');
      await eventually(async () => (await servedModel()).startsWith('toy@two '));
      // The cache lookup counters Prometheus reads keep counting across a reload (a counter must never go down).
      expect(lookups()).toBeGreaterThanOrEqual(lookupsBefore);
      const [after] = await client.classify([login]);
      expect(after.label).toBe('Security Alert');
      expect(running.classifier.version).toBe('v1');

      writeCurrentPointer(root, 'v2');
      expect(await running.classifier.reload()).toMatchObject({ status: 'refused', version: 'v2', reason: expect.stringMatching(/sha256/) });
      expect(await servedModel()).toMatch(/^toy@two /);
      expect((await client.classify([login]))[0].label).toBe('Security Alert');
    } finally {
      await client.close();
      await running.stop();
    }
  });
});
