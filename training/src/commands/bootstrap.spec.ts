import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentVersion, readArtifactMetadata } from '@logclass/embedding-tier';
import { maskTemplate } from '@logclass/template-mask';
import { answerByKeyword, freshPostgresSchema, postgresForTests, promptRecords, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { runBootstrap, type BootstrapOptions } from './bootstrap-command';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const SHAPES: Array<(w: string, n: number) => string> = [
  (w, n) => `sync of ${w} volume to replica ${n} failed`,
  (w, n) => `${w} controller crashed on node ${n}, cluster down`,
  (w, n) => `user ${n} opened the ${w} settings page`,
  (w, n) => `${w} pool uses ${n} MB of 512 MB`,
  (w, n) => `backup of ${w} archive finished in ${n} s`,
];
const ORACLE = answerByKeyword([
  [/failed/, 'Error'],
  [/crashed/, 'Critical Error'],
  [/opened/, 'User Action'],
  [/ uses /, 'Resource Usage'],
  [/backup/, 'System Notification'],
]);

/** 50 templates (5 labels x 10 words), 4 lines each with other numbers, interleaved as a log file is. */
function logsCsv(): string {
  const lines = ['source,log_message'];
  for (let n = 1; n <= 4; n++) for (const shape of SHAPES) for (const w of WORDS) lines.push(`app,${shape(w, n * 17)}`);
  return `${lines.join('\n')}\n`;
}

describe('logclass bootstrap: each template asked once, budget-capped, resumable from the store, then a first model', () => {
  let groq: FakeGroq;
  const dir = mkdtempSync(join(tmpdir(), 'logclass-bootstrap-'));
  const input = join(dir, 'logs.csv');
  writeFileSync(input, logsCsv());
  beforeAll(async () => {
    groq = await startFakeGroq({ respond: ORACLE });
  });
  afterAll(async () => {
    await groq.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => groq.reset());

  const options = (extra: Partial<BootstrapOptions> = {}): BootstrapOptions => ({
    input, maxCalls: '1000', maxTokens: '1000000', rowsPerTemplate: '4', model: join(dir, 'models', 'boot-lr'), labelled: join(dir, 'labelled.csv'),
    train: true, embedder: 'hashing', modelsPath: 'models', maxIterations: '40', targetPrecision: '0.9', ...extra,
  });
  const env = (store: Record<string, string>) => ({ LLM_GROQ_API_KEY: 'test-key', LLM_GROQ_BASE_URL: groq.baseUrl, LLM_MAX_RETRIES: '0', LLM_CONCURRENCY: '2', ...store });
  const askedTemplates = () => groq.requests.flatMap((r) => promptRecords(r).map((p) => maskTemplate(p.log_message)));

  it('SQLite: stops at --max-calls, goes on after an interruption, never asks a template twice, trains on the labelled lines', async () => {
    const store = { LLM_STORE_FILE: join(dir, 'labels.sqlite') };
    const first = await runBootstrap(options({ maxCalls: '1', train: false }), () => undefined, { env: env(store) });
    expect(first).toMatchObject({ rows: 200, templates: 50, fromStore: 0, asked: 10, calls: 1, tokens: 105, stoppedBy: 'max-calls', labelled: { templates: 10, rows: 40 }, unanswered: { templates: 40, rows: 160 } });

    // Interrupted (Ctrl-C) after its first step: what that step asked is kept.
    const controller = new AbortController();
    const logged: string[] = [];
    const second = await runBootstrap(options({ train: false }), (l) => (logged.push(l), l.includes(' calls, ') && controller.abort()), { env: env(store), signal: controller.signal });
    expect(second).toMatchObject({ fromStore: 10, asked: 20, calls: 2, stoppedBy: 'interrupted', labelled: { templates: 30 } });
    expect(logged.join('\n')).toMatch(/bootstrap: 10 templates already in the template-label store \(sqlite\), 40 to ask/);

    const logs: string[] = [];
    const third = await runBootstrap(options(), (l) => logs.push(l), { env: env(store) });
    expect(third).toMatchObject({ fromStore: 30, asked: 20, calls: 2, labelled: { templates: 50, rows: 200 }, noneFits: { templates: 0 }, unanswered: { templates: 0 } });
    expect(third.stoppedBy).toBeUndefined();
    expect(logs.join('\n')).toMatch(/bootstrap: 2 calls, 210 tokens; coverage: 50 templates labelled \(100.0% of rows\)/);
    // Over the three runs: 5 calls of 10 lines, each of the 50 templates asked exactly once.
    const asked = askedTemplates();
    expect(asked).toHaveLength(50);
    expect(new Set(asked).size).toBe(50);

    // A first model, trained on the file's lines under the store's labels.
    const train = third.train;
    if (!train) throw new Error('expected a trained model');
    expect(train).toMatchObject({ version: 'base', outDir: join(dir, 'models', 'boot-lr') });
    const meta = readArtifactMetadata(train.outDir);
    expect(meta.labels).toEqual(['Critical Error', 'Error', 'System Notification', 'Resource Usage', 'User Action']);
    expect(meta.trainingData.rows).toBe(200);
    expect(train.llmToEmbedding?.store.templates).toBe(50);
    expect(train.llmToEmbedding?.moveAgreeing.templates).toBeGreaterThan(25);
    expect(currentVersion(join(dir, 'models', 'boot-lr')).id).toBe('base');

    // Nothing left to ask: a fourth run pays nothing.
    groq.reset();
    const fourth = await runBootstrap(options({ train: false }), () => undefined, { env: env(store) });
    expect(fourth).toMatchObject({ fromStore: 50, asked: 0, calls: 0 });
    expect(groq.requests).toHaveLength(0);
  }, 300_000);

  it('refuses to run without an API key or without a store', async () => {
    await expect(runBootstrap(options(), () => undefined, { env: {} })).rejects.toThrow(/set LLM_GROQ_API_KEY/);
    await expect(runBootstrap(options(), () => undefined, { env: env({ LLM_STORE: 'none' }) })).rejects.toThrow(/LLM_STORE=none keeps nothing/);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });

  const server = postgresForTests();
  if ('url' in server) {
    it('PostgreSQL: the store is the resume point there too', async () => {
      const schema = await freshPostgresSchema(server.url);
      try {
        const store = { LLM_STORE: 'postgres', LLM_STORE_URL: schema.url };
        const first = await runBootstrap(options({ maxTokens: '300', train: false }), () => undefined, { env: env(store) });
        // 105 tokens a call: a third call would pass 300, so the run stops at two.
        expect(first).toMatchObject({ asked: 20, calls: 2, tokens: 210, stoppedBy: 'max-tokens', labelled: { templates: 20 } });
        const second = await runBootstrap(options({ train: false }), () => undefined, { env: env(store) });
        expect(second).toMatchObject({ fromStore: 20, asked: 30, calls: 3, labelled: { templates: 50, rows: 200 } });
        expect(new Set(askedTemplates()).size).toBe(50);
        expect(askedTemplates()).toHaveLength(50);
      } finally {
        await schema.drop();
      }
    }, 120_000);
  } else if ('fail' in server) {
    it('needs a PostgreSQL server', () => {
      throw new Error(server.fail);
    });
  }
});
