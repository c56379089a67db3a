import { NO_PROVENANCE, OPERATOR, type LlmDecision, type TemplateKey, type TemplateLabelStore } from '../src';

/** Where one test's store lives: open() twice gives two handles on the same data (a restart, or a second replica). */
export interface StoreLocation {
  open(maxEntries?: number): TemplateLabelStore;
  dispose(): Promise<void>;
}

const NOW = { taxonomyHash: 'tax-1', model: 'model-a' };

function decision(template: string, label: string | null, over: Partial<LlmDecision> = {}): LlmDecision {
  return { scope: 'billing', template, label, answer: label ?? 'Unclassified', exemplar: `${template} (example)`, taxonomyHash: NOW.taxonomyHash, model: NOW.model, ...over };
}

const key = (template: string, scope = 'billing'): TemplateKey => ({ scope, template });
const labels = async (store: TemplateLabelStore, templates: string[], current = NOW) =>
  Object.fromEntries((await store.getCurrent(templates.map((t) => key(t)), current)).map((e) => [e.template, e.label]));

/** What every backend must do, run against each real one. */
export function storeContract(newLocation: () => Promise<StoreLocation>): void {
  let location: StoreLocation;
  const opened: TemplateLabelStore[] = [];
  const open = (maxEntries = 1000) => {
    const store = location.open(maxEntries);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    location = await newLocation();
  });
  afterEach(async () => {
    try {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    } finally {
      await location.dispose();
    }
  });

  it('serves recorded LLM decisions with their provenance, and survives a restart', async () => {
    const store = open();
    await store.recordDecisions([decision('Case <NUM> escalation failed', 'Workflow Error'), decision('odd line', null, { answer: 'no idea' })]);
    const [entry] = await store.getCurrent([key('Case <NUM> escalation failed')], NOW);
    expect(entry).toMatchObject({ label: 'Workflow Error', decidedBy: 'model-a', model: 'model-a', taxonomyHash: 'tax-1', rowsAnswered: 0, confirmedAt: null });
    expect(entry.exemplar).toBe('Case <NUM> escalation failed (example)');
    expect(Math.abs(entry.decidedAt.getTime() - Date.now())).toBeLessThan(60_000);
    await store.close();
    const reopened = open();
    expect(await labels(reopened, ['Case <NUM> escalation failed', 'odd line', 'never seen'])).toEqual({ 'Case <NUM> escalation failed': 'Workflow Error', 'odd line': null });
    expect((await reopened.get(key('odd line')))?.answer).toBe('no idea');
  });

  it('does not serve an entry made under another model or another taxonomy, but keeps it for review', async () => {
    const store = open();
    await store.recordDecisions([decision('a', 'Error', { model: 'model-old' }), decision('b', 'Error', { taxonomyHash: 'tax-0' })]);
    expect(await labels(store, ['a', 'b'])).toEqual({});
    expect(await labels(store, ['a'], { ...NOW, model: 'model-old' })).toEqual({ a: 'Error' });
    expect((await store.get(key('b')))?.taxonomyHash).toBe('tax-0');
    // The current model's answer replaces the stale one.
    await store.recordDecisions([decision('a', 'Critical Error')]);
    expect(await labels(store, ['a'])).toEqual({ a: 'Critical Error' });
  });

  it('an operator correction overrides the LLM at once, under any model, and the LLM never overwrites it', async () => {
    const store = open();
    await store.recordDecisions([decision('a', 'Error')]);
    const corrected = await store.correct({ ...key('a'), label: 'Security Alert', taxonomyHash: NOW.taxonomyHash });
    expect(corrected).toMatchObject({ label: 'Security Alert', decidedBy: OPERATOR, exemplar: 'a (example)', model: 'model-a', rowsAnswered: 0 });
    expect(await labels(store, ['a'], { ...NOW, model: 'model-b' })).toEqual({ a: 'Security Alert' });
    await store.recordDecisions([decision('a', 'Error', { model: 'model-b' })]);
    expect(await labels(store, ['a'])).toEqual({ a: 'Security Alert' });
    // Under a new taxonomy the correction is stale: not served, and the new LLM answer replaces it.
    expect(await labels(store, ['a'], { ...NOW, taxonomyHash: 'tax-2' })).toEqual({});
    await store.recordDecisions([decision('a', 'Error', { taxonomyHash: 'tax-2' })]);
    expect((await store.get(key('a')))?.decidedBy).toBe('model-a');
    // A correction of a template no LLM answered.
    expect(await store.correct({ ...key('fresh'), label: 'User Action', taxonomyHash: NOW.taxonomyHash, exemplar: 'user bob logged in' })).toMatchObject({
      decidedBy: OPERATOR,
      model: '',
      exemplar: 'user bob logged in',
    });
  });

  it('a confirmed entry is served under another model and kept against new LLM answers; delete removes an entry', async () => {
    const store = open();
    await store.recordDecisions([decision('a', 'Error'), decision('b', 'Error')]);
    expect((await store.confirm(key('a')))?.confirmedAt).toBeInstanceOf(Date);
    expect(await store.confirm(key('missing'))).toBeUndefined();
    expect(await labels(store, ['a', 'b'], { ...NOW, model: 'model-b' })).toEqual({ a: 'Error' });
    await store.recordDecisions([decision('a', 'Resource Usage', { model: 'model-b' })]);
    expect(await labels(store, ['a'])).toEqual({ a: 'Error' });
    expect(await store.delete(key('a'))).toBe(true);
    expect(await store.delete(key('a'))).toBe(false);
    expect(await store.get(key('a'))).toBeUndefined();
    expect(await store.count()).toBe(1);
  });

  it('counts rows answered and lists entries for review: most rows first, filtered, paged', async () => {
    const store = open();
    await store.recordDecisions([decision('a', 'Error'), decision('b', 'User Action'), decision('c', null), decision('d', 'Error', { scope: 'auth' })]);
    await store.correct({ ...key('b'), label: 'Security Alert', taxonomyHash: NOW.taxonomyHash });
    await store.confirm(key('c'));
    await store.addRowsAnswered([
      { ...key('a'), rows: 5 },
      { ...key('b'), rows: 7 },
      { ...key('a'), rows: 4 },
      { ...key('unknown'), rows: 3 },
    ]);
    const all = await store.list();
    expect(all.total).toBe(4);
    // Ties (0 rows) in key order: scope "auth" before "billing".
    expect(all.entries.map((e) => [e.template, e.rowsAnswered])).toEqual([
      ['a', 9],
      ['b', 7],
      ['d', 0],
      ['c', 0],
    ]);
    expect((await store.list({ label: 'Error' })).entries.map((e) => e.template)).toEqual(['a', 'd']);
    expect((await store.list({ label: null })).entries.map((e) => e.template)).toEqual(['c']);
    expect((await store.list({ decidedBy: OPERATOR })).entries.map((e) => e.template)).toEqual(['b']);
    expect((await store.list({ decidedBy: 'model-a', confirmed: false })).entries.map((e) => e.template)).toEqual(['a', 'd']);
    expect((await store.list({ scope: 'auth' })).entries.map((e) => e.template)).toEqual(['d']);
    const page = await store.list({ limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.entries.map((e) => e.template)).toEqual(['b', 'd']);
    expect(await store.list({ offset: 10 })).toEqual({ entries: [], total: 4 });
    expect((await store.list({ sort: 'recent', limit: 1 })).entries).toHaveLength(1);
  });

  it('past maxEntries evicts unconfirmed LLM entries least recently used first, never an operator decision or a confirmed one', async () => {
    const store = open(3);
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const left = async () => (await store.list()).entries.map((e) => e.template).sort();
    await store.recordDecisions([decision('old', 'Error'), decision('used', 'Error'), decision('kept', 'Error')]);
    await store.confirm(key('kept'));
    await tick();
    await store.addRowsAnswered([{ ...key('used'), rows: 1 }]);
    await tick();
    await store.recordDecisions([decision('new', 'Error')]);
    expect(await left()).toEqual(['kept', 'new', 'used']);
    await tick();
    await store.correct({ ...key('op'), label: 'User Action', taxonomyHash: NOW.taxonomyHash });
    expect(await left()).toEqual(['kept', 'new', 'op']);
    // Only protected entries left over the limit: they stay.
    await store.correct({ ...key('op2'), label: 'User Action', taxonomyHash: NOW.taxonomyHash });
    await store.correct({ ...key('op3'), label: 'User Action', taxonomyHash: NOW.taxonomyHash });
    expect(await left()).toEqual(['kept', 'op', 'op2', 'op3']);
  });

  it('claims: one owner per template until released or expired', async () => {
    const replicaA = open();
    const replicaB = open();
    const templates = (ks: TemplateKey[]) => ks.map((k) => k.template).sort();
    expect(templates(await replicaA.claim([key('x'), key('y'), key('x')], 'A', 60_000))).toEqual(['x', 'y']);
    expect(templates(await replicaB.claim([key('x'), key('z')], 'B', 60_000))).toEqual(['z']);
    await replicaB.release([key('x')], 'B'); // not B's: no effect
    expect(await replicaB.claim([key('x')], 'B', 60_000)).toEqual([]);
    await replicaA.release([key('x')], 'A');
    expect(templates(await replicaB.claim([key('x')], 'B', 60_000))).toEqual(['x']);
    expect(templates(await replicaA.claim([key('short')], 'A', 1))).toEqual(['short']);
    await new Promise((r) => setTimeout(r, 20));
    expect(templates(await replicaB.claim([key('short')], 'B', 60_000))).toEqual(['short']);
  });

  it('concurrent claims of the same templates by two replicas never both win', async () => {
    const replicaA = open();
    const replicaB = open();
    const keys = Array.from({ length: 200 }, (_, i) => key(`t${i}`));
    const [a, b] = await Promise.all([replicaA.claim(keys, 'A', 60_000), replicaB.claim([...keys].reverse(), 'B', 60_000)]);
    expect(a.length + b.length).toBe(200);
    const inA = new Set(a.map((k) => k.template));
    expect(b.filter((k) => inA.has(k.template))).toEqual([]);
  });

  it('keeps the provenance of every LLM answer, clears it on a correction, and filters lines that looked like instructions', async () => {
    const store = open();
    const alone = { promptVersion: 'v2', callId: 'call-1', callRecords: 1, suspect: true };
    const batched = { promptVersion: 'v2', callId: 'call-2', callRecords: 7, suspect: false };
    await store.recordDecisions([decision('injected', 'User Action', { provenance: alone }), decision('plain', 'Error', { provenance: batched }), decision('old', 'Error')]);
    expect((await store.get(key('injected')))?.provenance).toEqual(alone);
    const [served] = await store.getCurrent([key('plain')], NOW);
    expect(served.provenance).toEqual(batched);
    expect((await store.get(key('old')))?.provenance).toEqual(NO_PROVENANCE);
    expect((await store.list({ suspect: true })).entries.map((e) => e.template)).toEqual(['injected']);
    expect((await store.list({ suspect: false })).total).toBe(2);
    // A new answer replaces the provenance with its own.
    await store.recordDecisions([decision('plain', 'Critical Error', { provenance: { ...batched, callId: 'call-3' } })]);
    expect((await store.get(key('plain')))?.provenance?.callId).toBe('call-3');
    expect((await store.correct({ ...key('injected'), label: 'Security Alert', taxonomyHash: NOW.taxonomyHash })).provenance).toEqual(NO_PROVENANCE);
  });

  it('refuses an LLM decision that claims to be an operator\'s, and never stores a new answer as confirmed', async () => {
    const store = open();
    await expect(store.recordDecisions([decision('a', 'Error', { model: OPERATOR })])).rejects.toThrow(/reserved for operators/);
    expect(await store.get(key('a'))).toBeUndefined();
    await store.recordDecisions([decision('b', 'Error', { taxonomyHash: 'tax-0' })]);
    await store.confirm(key('b'));
    // Confirmed under another taxonomy: a new answer replaces it, unconfirmed.
    await store.recordDecisions([decision('b', 'User Action')]);
    expect(await store.get(key('b'))).toMatchObject({ label: 'User Action', confirmedAt: null, decidedBy: 'model-a' });
    expect((await store.list({ confirmed: true })).total).toBe(0);
  });

  it('moves the operator revision on every confirm, correction and delete, seen through another handle, and not on LLM answers', async () => {
    const tier = open();
    const review = open();
    const start = await tier.operatorRevision();
    await review.recordDecisions([decision('a', 'Error'), decision('b', 'Error')]);
    await review.addRowsAnswered([{ ...key('a'), rows: 3 }]);
    expect(await tier.operatorRevision()).toBe(start);
    await review.confirm(key('a'));
    const confirmed = await tier.operatorRevision();
    expect(confirmed).toBeGreaterThan(start);
    await review.correct({ ...key('b'), label: 'User Action', taxonomyHash: NOW.taxonomyHash });
    const corrected = await tier.operatorRevision();
    expect(corrected).toBeGreaterThan(confirmed);
    await review.delete(key('a'));
    const deleted = await tier.operatorRevision();
    expect(deleted).toBeGreaterThan(corrected);
    // Nothing changed: no move.
    await review.delete(key('a'));
    await review.confirm(key('missing'));
    expect(await tier.operatorRevision()).toBe(deleted);
  });

  it('keeps odd text exactly: quotes, unicode, long lines', async () => {
    const store = open();
    const template = `it's "quoted" \\ ; DROP TABLE x; -- ünïcödé 🚀 ${'x'.repeat(5000)}`;
    await store.recordDecisions([decision(template, 'Error', { scope: "O'Brien", exemplar: template })]);
    const [entry] = await store.getCurrent([key(template, "O'Brien")], NOW);
    expect(entry).toMatchObject({ scope: "O'Brien", template, exemplar: template });
  });
}
