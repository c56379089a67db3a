import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningGateway } from '@logclass/gateway-server';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { answerByKeyword, freshPostgresSchema, whenPostgres, promptRecords, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { startTestGateway, startTier } from './fixtures';

jest.setTimeout(60_000);

/**
 * An operator's correction through one gateway (the review, or POST
 * /feedback), served at once by every LLM-tier replica: two real LLM tiers sharing one store (each behind
 * its own gateway), a Groq stand-in, the default LLM_STORE_REFRESH_MS (10 s):
 * the bound of 4 s is the tiers' one-second poll of the store with room for a loaded machine.
 */
function correctionSuite(name: string, storeEnv: () => Promise<{ env: Record<string, string>; dispose(): Promise<void> }>, alsoFile: boolean): void {
  describe(`an operator's correction (the review, POST /feedback), on ${name}`, () => {
    let fake: FakeGroq;
    let dir: string;
    let dispose: () => Promise<void>;
    const tiers: RunningClassifierServer[] = [];
    const gateways: RunningGateway[] = [];

    beforeAll(async () => {
      fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/i, 'Workflow Error'], [/export/i, 'System Notification']]) });
      dir = await mkdtemp(join(tmpdir(), 'logclass-review-system-'));
      const store = await storeEnv();
      dispose = store.dispose;
      for (let replica = 0; replica < 2; replica++) {
        const llm = buildLlmClassifier(llmTierConfig.load({ GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, ...store.env }), { maxBatchSize: 100 });
        const tier = await startTier(llm);
        tiers.push(tier);
        gateways.push(
          await startTestGateway({
            ...store.env,
            GATEWAY_TIERS: `llm=${tier.address}`,
            GATEWAY_ROUTING: '{}',
            GATEWAY_UNDECIDED: 'unclassified',
            GATEWAY_FEEDBACK_FILE: join(dir, 'corrections.csv'),
          }),
        );
      }
    });

    afterAll(async () => {
      await Promise.all(gateways.map((g) => g.stop()));
      await Promise.all(tiers.map((t) => t.stop(100)));
      await fake?.close();
      await dispose?.();
      await rm(dir, { recursive: true, force: true });
    });

    const classify = async (gateway: RunningGateway, caseId: number, line = (id: number) => `Case ${id} escalation failed twice`) => {
      const res = await fetch(`${gateway.httpUrl}/classify/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ source: 'LegacyCRM', log_message: line(caseId) }]),
      });
      const [row] = (await res.json()) as Array<{ label: string; reason: string }>;
      return row;
    };
    const askedRecords = () => fake.requests.flatMap((r) => promptRecords(r)).length;

    /** Both replicas answer `label` within 4 s of `at`, from the store (an operator's decision), for fresh lines of the template. */
    const servedByBoth = async (label: string, at: number, line?: (id: number) => string) => {
      for (const [i, gateway] of gateways.entries()) {
        let row = await classify(gateway, 10 + i, line);
        while (row.label !== label) {
          expect(Date.now() - at).toBeLessThan(4000);
          await new Promise((r) => setTimeout(r, 100));
          row = await classify(gateway, 10 + i, line);
        }
        expect(row.reason).toMatch(/template store \(operator\)/);
      }
      expect(Date.now() - at).toBeLessThan(4000);
    };

    it(`a review correction is what both replicas answer within about a second${alsoFile ? ', and goes to the corrections file' : ''}`, async () => {
      expect((await classify(gateways[0], 1)).label).toBe('Workflow Error');
      expect((await classify(gateways[1], 2)).label).toBe('Workflow Error');
      // One question for both replicas: the second read the first one's answer from the store.
      expect(fake.requests.flatMap((r) => promptRecords(r))).toHaveLength(1);

      const listed = (await (await fetch(`${gateways[1].httpUrl}/review/entries`)).json()) as { total: number; entries: Array<{ scope: string; template: string }> };
      expect(listed.total).toBe(1);
      const { scope, template } = listed.entries[0];
      const corrected = await fetch(`${gateways[1].httpUrl}/review/entries/correct`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scope, template, label: 'Security Alert' }),
      });
      expect(corrected.status).toBe(200);
      await servedByBoth('Security Alert', Date.now());
      expect(askedRecords()).toBe(1);
      if (alsoFile) expect(await readFile(join(dir, 'corrections.csv'), 'utf8')).toContain('LegacyCRM,Case 1 escalation failed twice,Security Alert,');
      else expect(existsSync(join(dir, 'corrections.csv'))).toBe(false);
    });

    it('a POST /feedback correction through one gateway overrides the LLM on both replicas, for every line of its template', async () => {
      const line = (id: number) => `Invoice ${id} export stalled at step 3`;
      const before = askedRecords();
      expect((await classify(gateways[0], 1, line)).label).toBe('System Notification');
      expect(askedRecords()).toBe(before + 1);
      const res = await fetch(`${gateways[1].httpUrl}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ source: 'LegacyCRM', log_message: line(7), label: 'workflow error' }]),
      });
      expect(res.status).toBe(202);
      await servedByBoth('Workflow Error', Date.now(), line);
      expect(askedRecords()).toBe(before + 1);
      if (alsoFile) expect(await readFile(join(dir, 'corrections.csv'), 'utf8')).toContain('LegacyCRM,Invoice 7 export stalled at step 3,Workflow Error,');
      else expect(existsSync(join(dir, 'corrections.csv'))).toBe(false);
    });
  });
}

correctionSuite('one SQLite file (one host)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'logclass-review-store-'));
  return { env: { LLM_STORE_FILE: join(dir, 'template-labels.sqlite') }, dispose: () => rm(dir, { recursive: true, force: true }) };
}, true);

whenPostgres(it, 'runs the correction against PostgreSQL', (url) => {
  correctionSuite('PostgreSQL (shared by the replicas)', async () => {
    const schema = await freshPostgresSchema(url);
    return { env: { LLM_STORE: 'postgres', LLM_STORE_URL: schema.url }, dispose: () => schema.drop() };
  }, false);
});
