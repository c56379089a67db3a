import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { OPERATOR, templateKeyOf } from '@logclass/template-store';
import { startGatewayOverMarker } from '../../test/gateway-fixture';
import { REVIEW_TAXONOMY_HASH, reviewDecision } from '../../test/review-fixture';
import { gatewayOnStore, onEveryStoreBackend, type StoreBackend } from '../../test/store-backends';
import type { RunningGateway } from '../index';
import type { ReviewEntryJson } from './review-route';

describe('POST /feedback without a template-label store (real gateway over HTTP)', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logclass-feedback-'));
    file = join(dir, 'nested', 'corrections.csv');
    ({ tier, gateway } = await startGatewayOverMarker({
      GATEWAY_FEEDBACK_FILE: file,
      GATEWAY_STORE: 'none',
      GATEWAY_MAX_FEEDBACK_RECORDS: '50',
      GATEWAY_MAX_FEEDBACK_BYTES: '20000',
    }));
  });

  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
    await rm(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    fetch(`${gateway.httpUrl}/feedback`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const rows = async () => parse(await readFile(file, 'utf8')) as string[][];

  it('appends corrections as CSV rows with canonical labels, creating the file and its header', async () => {
    const res = await post([
      { source: 'ModernCRM', log_message: 'User 12 logged in, "admin", from 10.0.0.1', label: 'user action' },
      { log_message: 'multi\nline, message', label: 'SECURITY-ALERT' },
    ]);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2 });
    const [header, ...data] = await rows();
    expect(header).toEqual(['source', 'log_message', 'target_label', 'corrected_at']);
    expect(data.map((r) => r.slice(0, 3))).toEqual([
      ['ModernCRM', 'User 12 logged in, "admin", from 10.0.0.1', 'User Action'],
      ['', 'multi\nline, message', 'Security Alert'],
    ]);
    expect(new Date(data[0][3]).getTime()).not.toBeNaN();
  });

  it('writes nothing when any element is bad, and says which', async () => {
    const before = await readFile(file, 'utf8');
    const cases: [unknown, number, RegExp][] = [
      [[{ log_message: 'ok', label: 'Error' }, { log_message: 'x', label: 'Weirdness' }], 400, /body\[1\]\.label "Weirdness" is not in the taxonomy/],
      [[{ log_message: 'x', label: 'Unclassified' }], 400, /not in the taxonomy/],
      [[{ log_message: '  ', label: 'Error' }], 400, /body\[0\]\.log_message must be a non-empty string/],
      [{ log_message: 'x', label: 'Error' }, 400, /JSON array/],
      [Array.from({ length: 51 }, () => ({ log_message: 'x', label: 'Error' })), 413, /limit of 50 .*GATEWAY_MAX_FEEDBACK_RECORDS/],
      [[{ log_message: 'y'.repeat(30000), label: 'Error' }], 413, /GATEWAY_MAX_FEEDBACK_BYTES/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('serializes concurrent requests: every row whole, none lost, the file valid CSV', async () => {
    await writeFile(file, '');
    const requests = Array.from({ length: 20 }, (_, r) => post(Array.from({ length: 25 }, (_, i) => ({ source: `s${r}`, log_message: `request ${r} row ${i} ${'z'.repeat(200)}`, label: 'Error' }))));
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    const [header, ...data] = await rows();
    expect(header[0]).toBe('source');
    expect(data).toHaveLength(500);
    // Each request's rows are contiguous and in order.
    for (let start = 0; start < 500; start += 25) {
      const block = data.slice(start, start + 25);
      expect(new Set(block.map((r) => r[0])).size).toBe(1);
      expect(block.map((r) => Number(/row (\d+)/.exec(r[1])?.[1]))).toEqual([...Array(25).keys()]);
    }
  });
});

function storeSuite(backend: StoreBackend): void {
  describe(`POST /feedback with the template-label store on ${backend.name} (real gateway over HTTP)`, () => {
    const on = gatewayOnStore(backend);

    const post = (body: unknown) => fetch(`${on.gateway.httpUrl}/feedback`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    it("makes each correction the operator's decision for its (source, masked template), over the LLM's answer, served under any model", async () => {
      await on.store.recordDecisions([reviewDecision('Case <NUM> escalation failed', 'Workflow Error')]);
      const res = await post([
        { source: 'LegacyCRM', log_message: 'Case 981 escalation failed', label: 'security alert' },
        { log_message: 'Disk 7 at 93 percent', label: 'Resource Usage' },
      ]);
      expect([res.status, await res.json()]).toEqual([202, { accepted: 2 }]);
      const keys = [templateKeyOf('LegacyCRM', 'Case 981 escalation failed'), templateKeyOf('', 'Disk 7 at 93 percent')];
      // The key the LLM tier asks with (templateKeyOf too): any other line of the template finds the correction.
      expect(keys[0]).toEqual(templateKeyOf('LegacyCRM', 'Case 12 escalation failed'));
      const served = await on.store.getCurrent(keys, { taxonomyHash: REVIEW_TAXONOMY_HASH, model: 'any-model' });
      expect(served.map((e) => [e.scope, e.label, e.decidedBy, e.exemplar]).sort()).toEqual([
        ['', 'Resource Usage', OPERATOR, 'Disk 7 at 93 percent'],
        ['LegacyCRM', 'Security Alert', OPERATOR, 'Case 981 escalation failed'],
      ]);
      // An LLM answer arriving later does not replace it.
      await on.store.recordDecisions([reviewDecision(keys[0].template, 'User Action')]);
      expect((await on.store.get(keys[0]))?.label).toBe('Security Alert');
      if (backend.alsoFile) {
        const [, ...rows] = parse(await readFile(on.correctionsFile, 'utf8')) as string[][];
        expect(rows.map((r) => r.slice(0, 3))).toEqual([
          ['LegacyCRM', 'Case 981 escalation failed', 'Security Alert'],
          ['', 'Disk 7 at 93 percent', 'Resource Usage'],
        ]);
      } else {
        // Every gateway replica shares the store: a file of one pod's corrections would be a second, partial copy.
        expect(existsSync(on.correctionsFile)).toBe(false);
      }
    });

    it('a later correction of the same template wins, and the review lists it as the operator\'s', async () => {
      const res = await post([
        { source: 'BillingSystem', log_message: 'Invoice 1 export stalled', label: 'Error' },
        { source: 'BillingSystem', log_message: 'Invoice 2 export stalled', label: 'Workflow Error' },
      ]);
      expect(res.status).toBe(202);
      const key = templateKeyOf('BillingSystem', 'Invoice 2 export stalled');
      expect(await on.store.get(key)).toMatchObject({ label: 'Workflow Error', decidedBy: OPERATOR, exemplar: 'Invoice 2 export stalled' });
      const listed = (await (await fetch(`${on.gateway.httpUrl}/review/entries?scope=BillingSystem`)).json()) as { entries: ReviewEntryJson[] };
      expect(listed.entries.map((e) => [e.template, e.label, e.decided_by])).toEqual([[key.template, 'Workflow Error', OPERATOR]]);
    });

    it('writes nothing anywhere when any element is bad', async () => {
      const before = await on.store.count();
      const res = await post([{ source: 'X', log_message: 'Fine line 1', label: 'Error' }, { log_message: 'x', label: 'Weirdness' }]);
      expect(res.status).toBe(400);
      expect(await on.store.count()).toBe(before);
      expect(await on.store.get(templateKeyOf('X', 'Fine line 1'))).toBeUndefined();
    });
  });
}

onEveryStoreBackend('POST /feedback', storeSuite);

function carriedTemplateSuite(backend: StoreBackend): void {
  describe(`POST /feedback where the gateway carries templates to the LLM tier, on ${backend.name} (real gateway over HTTP)`, () => {
    const on = gatewayOnStore(backend, { GATEWAY_TEMPLATE_TIERS: 'llm' }, 'llm');

    it('keeps the correction under the template the gateway carries with the line, as under its masked template', async () => {
      // The miner learns the template from lines the tier was sent: `Nightly export <*> stalled`.
      const lines = ['alpha', 'beta', 'gamma', 'delta'].map((job) => ({ source: 'BillingSystem', log_message: `Nightly export ${job} stalled` }));
      const classified = await fetch(`${on.gateway.httpUrl}/classify/json`, { method: 'POST', body: JSON.stringify(lines), headers: { 'content-type': 'application/json' } });
      expect(classified.status).toBe(200);
      const res = await fetch(`${on.gateway.httpUrl}/feedback`, {
        method: 'POST',
        body: JSON.stringify([{ source: 'BillingSystem', log_message: 'Nightly export omega stalled', label: 'Workflow Error' }]),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(202);
      const carried = templateKeyOf('BillingSystem', 'Nightly export omega stalled', 'Nightly export <*> stalled');
      const masked = templateKeyOf('BillingSystem', 'Nightly export omega stalled');
      for (const key of [carried, masked]) expect(await on.store.get(key)).toMatchObject({ label: 'Workflow Error', decidedBy: OPERATOR, exemplar: 'Nightly export omega stalled' });
      if (backend.alsoFile) {
        // One line corrected, one row of the corrections file, whatever the keys.
        const [, ...rows] = parse(await readFile(on.correctionsFile, 'utf8')) as string[][];
        expect(rows.map((r) => r.slice(0, 3))).toEqual([['BillingSystem', 'Nightly export omega stalled', 'Workflow Error']]);
      }
    });
  });
}

onEveryStoreBackend('POST /feedback, templates carried', carriedTemplateSuite);

describe('POST /feedback with a store that cannot answer', () => {
  it('answers 503 UNAVAILABLE and writes no file (a correction that is not served is not kept)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logclass-feedback-down-'));
    const file = join(dir, 'corrections.csv');
    const { tier, gateway } = await startGatewayOverMarker({ GATEWAY_STORE: 'postgres', GATEWAY_STORE_URL: 'postgres://nobody:x@127.0.0.1:1/none', GATEWAY_FEEDBACK_FILE: file });
    try {
      const res = await fetch(`${gateway.httpUrl}/feedback`, { method: 'POST', body: JSON.stringify([{ log_message: 'Disk 1 full', label: 'Resource Usage' }]), headers: { 'content-type': 'application/json' } });
      const body = (await res.json()) as { error: string; message: string };
      expect([res.status, body.error]).toEqual([503, 'UNAVAILABLE']);
      expect(body.message).not.toMatch(/nobody:x/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await gateway.stop();
      await tier.stop(100);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
