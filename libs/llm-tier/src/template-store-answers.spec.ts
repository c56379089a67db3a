import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome, type LogRecord } from '@logclass/contract';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { OPERATOR, openTemplateStore, taxonomyHash, type TemplateLabelStore } from '@logclass/template-store';
import { answerByKeyword, freshPostgresSchema, whenPostgres, promptRecords, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { buildLlmClassifier, llmTierConfig, type LlmClassifier } from './index';

const KEYWORDS = [
  [/escalation/i, 'Workflow Error'],
  [/login/i, 'User Action'],
] as const;

/** `n` templates ("step <n> escalation failed ..."), each written with row-specific numbers. */
const templates = (n: number, variant = 1): LogRecord[] =>
  Array.from({ length: n }, (_, i) => ({ source: 'LegacyCRM', logMessage: `${'ab'.repeat(i + 1)} escalation failed for case ${1000 * variant + i}` }));

/** Messages the fake was asked about, over all its requests. */
const asked = (fake: FakeGroq) => fake.requests.flatMap((r) => promptRecords(r));

describe('the LLM tier with a template-label store', () => {
  let fake: FakeGroq;
  let dir: string;
  const open: LlmClassifier[] = [];

  beforeAll(async () => {
    fake = await startFakeGroq({ respond: answerByKeyword(KEYWORDS) });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.delayMs = 0;
    dir = mkdtempSync(join(tmpdir(), 'llm-store-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tier as the service builds it from LLM_* settings. */
  function tier(env: Record<string, string> = {}): LlmClassifier {
    const settings = llmTierConfig.load({
      GROQ_API_KEY: 'k',
      GROQ_BASE_URL: fake.baseUrl,
      LLM_RETRY_BASE_DELAY_MS: '0',
      LLM_STORE_FILE: join(dir, 'data', 'template-labels.sqlite'),
      ...env,
    });
    const classifier = buildLlmClassifier(settings);
    open.push(classifier);
    return classifier;
  }

  it('the default store is the SQLite file data/template-labels.sqlite', () => {
    expect(llmTierConfig.load({})).toMatchObject({ store: 'sqlite', storeFile: 'data/template-labels.sqlite', storeMaxEntries: 100_000 });
  });

  it('after a restart, answers known templates from the store without paying Groq again', async () => {
    const first = tier();
    const before = await first.classify(templates(12));
    expect(before.every((r) => r.outcome === Outcome.OUTCOME_DECIDED && r.label === 'Workflow Error')).toBe(true);
    const paid = fake.requests.length;
    expect(asked(fake)).toHaveLength(12);
    await first.close();

    const restarted = tier();
    const after = await restarted.classify([...templates(12, 2), ...templates(12, 3)]);
    expect(fake.requests).toHaveLength(paid);
    expect(after.map((r) => r.label)).toEqual(Array(24).fill('Workflow Error'));
    expect(after[0].reason).toBe('template store (llama-3.3-70b-versatile) answered "Workflow Error"');
    expect(restarted.stats()).toMatchObject({ storeHits: 12, calls: 0, storeErrors: 0 });
  });

  it('counts the rows each stored template answered', async () => {
    const classifier = tier();
    await classifier.classify([...templates(3), ...templates(3, 2)]);
    await classifier.classify(templates(3, 3));
    await classifier.close();
    const store = openTemplateStore({ backend: 'sqlite', file: join(dir, 'data', 'template-labels.sqlite'), maxEntries: 10 }) as TemplateLabelStore;
    const page = await store.list();
    await store.close();
    expect(page.entries.map((e) => e.rowsAnswered)).toEqual([3, 3, 3]);
    expect(page.entries[0]).toMatchObject({ decidedBy: 'llama-3.3-70b-versatile', label: 'Workflow Error', exemplar: expect.stringMatching(/escalation failed for case 100\d/) });
  });

  it('does not serve an entry made under another model: that model asks again', async () => {
    await tier({ LLM_MODEL: 'model-old' }).classify(templates(3));
    expect(asked(fake)).toHaveLength(3);
    const newer = tier({ LLM_MODEL: 'model-new' });
    const results = await newer.classify(templates(3, 2));
    expect(asked(fake)).toHaveLength(6);
    expect(results[0].reason).toBe('llm answered "Workflow Error"');
    expect(newer.stats().storeHits).toBe(0);
  });

  it("serves an operator's correction instead of asking, under any model", async () => {
    const store = openTemplateStore({ backend: 'sqlite', file: join(dir, 'data', 'template-labels.sqlite'), maxEntries: 10 }) as TemplateLabelStore;
    await store.correct({ scope: 'LegacyCRM', template: 'user <*> did a login', label: 'Security Alert', taxonomyHash: taxonomyHash(defaultTaxonomy) });
    await store.close();
    const [result] = await tier({ LLM_MODEL: 'any', LLM_CACHE_KEY: 'exact' }).classify([{ source: 'LegacyCRM', logMessage: 'user <*> did a login' }]);
    expect(fake.requests).toHaveLength(0);
    expect([result.label, result.reason]).toEqual(['Security Alert', `template store (${OPERATOR}): "Security Alert"`]);
  });

  /** A tier that has asked the LLM about one template, and the store (opened a second time) holding its entry. */
  async function answeredOnce(refreshMs: string) {
    const classifier = tier({ LLM_STORE_REFRESH_MS: refreshMs });
    const [one] = templates(1);
    expect((await classifier.classify([one]))[0].label).toBe('Workflow Error');
    const store = openTemplateStore({ backend: 'sqlite', file: join(dir, 'data', 'template-labels.sqlite'), maxEntries: 10 }) as TemplateLabelStore;
    const [entry] = (await store.list()).entries;
    return { classifier, one, store, entry };
  }

  it("an operator's correction reaches a running tier within LLM_STORE_REFRESH_MS", async () => {
    const { classifier, one, store, entry } = await answeredOnce('200');
    await store.correct({ scope: entry.scope, template: entry.template, label: 'Error', taxonomyHash: entry.taxonomyHash });
    await store.close();
    expect((await classifier.classify([one]))[0].label).toBe('Workflow Error'); // still held in memory
    await new Promise((r) => setTimeout(r, 300));
    expect((await classifier.classify([one]))[0].label).toBe('Error');
    expect(asked(fake)).toHaveLength(1);
  });

  it("an operator's confirm, correction or delete reaches a running tier within about a second, however long LLM_STORE_REFRESH_MS", async () => {
    const { classifier, one, store, entry } = await answeredOnce('600000');
    // Let the tier read the revision before the change (it reads one at start).
    await new Promise((r) => setTimeout(r, 100));
    await store.correct({ scope: entry.scope, template: entry.template, label: 'Error', taxonomyHash: entry.taxonomyHash });
    await store.close();
    const started = Date.now();
    while ((await classifier.classify([one]))[0].label !== 'Error') {
      expect(Date.now() - started).toBeLessThan(2500);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(asked(fake)).toHaveLength(1);
    expect(classifier.stats().operatorRefreshes).toBe(1);
  });

  it('waits for another replica only up to LLM_TIMEOUT_MS, then asks itself (a replica that died holding a claim)', async () => {
    const [one] = templates(1);
    const store = openTemplateStore({ backend: 'sqlite', file: join(dir, 'data', 'template-labels.sqlite'), maxEntries: 10 }) as TemplateLabelStore;
    await store.claim([{ scope: one.source, template: 'ab escalation failed for case <NUM>' }], 'a replica that died', 600_000);
    await store.close();
    const classifier = tier({ LLM_TIMEOUT_MS: '300', LLM_MAX_RETRIES: '0' });
    const started = Date.now();
    const [result] = await classifier.classify([one]);
    expect(result.label).toBe('Workflow Error');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(asked(fake)).toHaveLength(1);
  });

  it('LLM_STORE=none keeps answers in memory only', async () => {
    await tier({ LLM_STORE: 'none' }).classify(templates(2));
    await tier({ LLM_STORE: 'none' }).classify(templates(2, 2));
    expect(asked(fake)).toHaveLength(4);
  });

  it('two replicas on one SQLite file missing the same templates at once pay one call per template', async () => {
    fake.delayMs = 200;
    const [a, b] = [tier({ LLM_MESSAGES_PER_CALL: '5' }), tier({ LLM_MESSAGES_PER_CALL: '5' })];
    const [ra, rb] = await Promise.all([a.classify(templates(20)), b.classify(templates(20, 2))]);
    expect([...ra, ...rb].every((r) => r.label === 'Workflow Error')).toBe(true);
    expect(asked(fake)).toHaveLength(20);
    expect(a.stats().storeShared + b.stats().storeShared).toBe(20);
  });

  it('a store that fails does not fail rows: Groq is asked as without one', async () => {
    const classifier = tier({ LLM_STORE: 'postgres', LLM_STORE_URL: 'postgres://nobody:x@127.0.0.1:1/none' });
    const results = await classifier.classify(templates(3));
    expect(results.map((r) => r.label)).toEqual(Array(3).fill('Workflow Error'));
    expect(asked(fake)).toHaveLength(3);
    expect(classifier.stats().storeErrors).toBeGreaterThan(0);
  });

  it('LLM_STORE=postgres without LLM_STORE_URL names both variables', () => {
    expect(() => tier({ LLM_STORE: 'postgres' })).toThrow(/LLM_STORE=postgres needs LLM_STORE_URL/);
  });

  whenPostgres(it, 'runs against PostgreSQL', (url) => {
    it('two replicas on PostgreSQL missing the same templates at once pay one call per template, and a third one restarted pays none', async () => {
      const schema = await freshPostgresSchema(url);
      try {
        fake.delayMs = 200;
        const env = { LLM_STORE: 'postgres', LLM_STORE_URL: schema.url, LLM_MESSAGES_PER_CALL: '5' };
        const [a, b] = [tier(env), tier(env)];
        const [ra, rb] = await Promise.all([a.classify(templates(30)), b.classify(templates(30, 2))]);
        expect([...ra, ...rb].every((r) => r.label === 'Workflow Error')).toBe(true);
        expect(asked(fake)).toHaveLength(30);
        const later = tier(env);
        await later.classify(templates(30, 3));
        expect(asked(fake)).toHaveLength(30);
        expect(later.stats().storeHits).toBe(30);
      } finally {
        await Promise.all(open.splice(0).map((c) => c.close()));
        await schema.drop();
      }
    });
  });
});
