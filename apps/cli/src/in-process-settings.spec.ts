import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { EXIT } from './exit-codes';
import { cliWithEnv, cliWithEnvAndInput } from '../test/run-cli';

describe('logclass classify --in-process reads the tiers\' own variables, as the services do', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-in-process-'));
  let fake: FakeGroq;
  beforeAll(async () => {
    // Each call bills 100 prompt + 5 completion tokens (the fake's usage).
    fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the configured Groq server and stops at LLM_MAX_TOKENS_PER_MINUTE', async () => {
    const input = join(dir, 'legacy.csv');
    writeFileSync(input, ['source,log_message', ...[1, 2, 3, 4].map((i) => `LegacyCRM,Case ${i}${'x'.repeat(i)} escalation failed`)].join('\n') + '\n');
    const env = {
      GROQ_API_KEY: 'k',
      GROQ_BASE_URL: fake.baseUrl,
      LLM_MODEL: 'm-in-process',
      LLM_MAX_TOKENS_PER_MINUTE: '200',
      LLM_MESSAGES_PER_CALL: '1',
      LLM_CONCURRENCY: '1',
      LLM_CACHE_SIZE: '0',
      LLM_STORE: 'none',
    };
    const res = await cliWithEnv(env, 'classify', input, '--in-process', '--columns', 'tier,reason', '--quiet');
    expect(res).toMatchObject({ code: EXIT.OK, stderr: '' });
    const [, ...rows] = parse(res.stdout) as string[][];
    // Two calls (210 tokens) reach the ceiling of 200: the other rows are never sent and go on to the embedding tier.
    expect(fake.requests.map((r) => r.body.model)).toEqual(['m-in-process', 'm-in-process']);
    expect(rows.map((r) => r[3])).toEqual(['llm', 'llm', expect.not.stringMatching(/^llm$/), expect.not.stringMatching(/^llm$/)]);
    expect(rows.slice(0, 2).map((r) => r[2])).toEqual(['Workflow Error', 'Workflow Error']);
  });

  it('refusing a setting, lets go of the input: what the input runs into afterwards goes unheard', async () => {
    const input = new PassThrough();
    const refused = await cliWithEnvAndInput({ LLM_MAX_TOKENS_PER_MINUTE: 'lots' }, input, 'classify', '-', '--in-process', '--quiet');
    expect(refused.code).toBe(EXIT.MODEL);
    // Without letting go, this error would reach the CLI's pipe with no one listening: an uncaught exception.
    input.destroy(new Error('the input broke after the CLI gave up'));
    await new Promise((r) => setTimeout(r, 50));
    expect(input.destroyed).toBe(true);
  });

  it('names a bad variable', async () => {
    const input = join(dir, 'one.csv');
    writeFileSync(input, 'source,log_message\nsvc,hello\n');
    const res = await cliWithEnv({ LLM_MAX_TOKENS_PER_MINUTE: 'lots' }, 'classify', input, '--in-process', '--quiet');
    expect(res).toMatchObject({ code: EXIT.MODEL, stderr: expect.stringMatching(/LLM_MAX_TOKENS_PER_MINUTE="lots"/) });
  });
});
