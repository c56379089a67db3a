import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteTemplateStore } from '@logclass/template-store';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { EXIT } from './exit-codes';
import { cliWithEnv } from '../test/run-cli';

describe('logclass bootstrap (the command line, the real groq-sdk client against a local stand-in)', () => {
  let groq: FakeGroq;
  const dir = mkdtempSync(join(tmpdir(), 'logclass-cli-bootstrap-'));
  beforeAll(async () => {
    groq = await startFakeGroq({ respond: answerByKeyword([[/failed/, 'Error'], [/logged in/, 'User Action']]) });
  });
  afterAll(async () => {
    await groq.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the store and prints calls, tokens and coverage as JSON', async () => {
    const input = join(dir, 'logs.csv');
    const file = join(dir, 'labels.sqlite');
    writeFileSync(input, 'source,log_message\napp,job 12 failed\napp,job 13 failed\napp,user 7 logged in\n,user 8 logged in\n');
    const env = { LLM_GROQ_API_KEY: 'k', LLM_GROQ_BASE_URL: groq.baseUrl, LLM_STORE_FILE: file };
    const res = await cliWithEnv(env, 'bootstrap', input, '--no-train', '--source', 'app');
    expect(res.code).toBe(EXIT.OK);
    expect(JSON.parse(res.stdout)).toMatchObject({ rows: 4, templates: 2, asked: 2, calls: 1, tokens: 105, labelled: { templates: 2, rows: 4 }, unanswered: { templates: 0 } });
    expect(res.stderr).toMatch(/bootstrap: 1 calls, 105 tokens; coverage: 2 templates labelled \(100.0% of rows\)/);
    const store = new SqliteTemplateStore(file, 100);
    try {
      expect((await store.list()).entries.map((e) => [e.scope, e.label]).sort()).toEqual([['app', 'Error'], ['app', 'User Action']]);
    } finally {
      await store.close();
    }
    expect(await cliWithEnv(env, 'bootstrap', join(dir, 'missing.csv'), '--no-train')).toMatchObject({ code: EXIT.INPUT });
  });
});
