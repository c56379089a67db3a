import { Outcome, type LogRecord } from '@logclass/contract';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { buildLlmClassifier, llmTierConfig, NO_API_KEY_REASON } from './index';

const rec = (logMessage: string): LogRecord => ({ source: 'LegacyCRM', logMessage });

describe('buildLlmClassifier from the LLM_* settings (against the fake Groq server)', () => {
  let fake: FakeGroq;
  beforeAll(async () => {
    // Each call bills 100 prompt + 5 completion tokens (the fake's usage).
    fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
  });
  afterAll(() => fake.close());

  it('sends the configured model, temperature and completion limit to the configured server', async () => {
    const settings = llmTierConfig.load({ GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, LLM_MODEL: 'm-1', LLM_TEMPERATURE: '0.5', LLM_MAX_TOKENS: '99' });
    const [result] = await buildLlmClassifier(settings).classify([rec('Case 1 escalation failed')]);
    expect([result.outcome, result.label]).toEqual([Outcome.OUTCOME_DECIDED, 'Workflow Error']);
    const sent = fake.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer k');
    expect(sent?.body).toMatchObject({ model: 'm-1', temperature: 0.5, max_completion_tokens: 99 });
  });

  it('keeps the spend ceiling of LLM_MAX_TOKENS_PER_MINUTE', async () => {
    const before = fake.requests.length;
    const llm = buildLlmClassifier(
      llmTierConfig.load({ GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, LLM_MAX_TOKENS_PER_MINUTE: '200', LLM_CACHE_SIZE: '0', LLM_MESSAGES_PER_CALL: '1', LLM_CONCURRENCY: '1' }),
    );
    const results = await llm.classify([1, 2, 3, 4].map((i) => rec(`case ${i} escalation failed`)));
    // Two calls (210 tokens) reach the ceiling of 200; the other two are never sent.
    expect(fake.requests.length - before).toBe(2);
    expect(results[3].reason).toBe('llm budget exhausted (LLM_MAX_TOKENS_PER_MINUTE=200)');
  });

  it('has the service defaults when nothing is set: a spend ceiling, and no key means abstaining', async () => {
    const settings = llmTierConfig.load({});
    expect(settings).toMatchObject({ apiKey: undefined, baseUrl: 'https://api.groq.com', model: 'llama-3.3-70b-versatile', maxTokensPerMinute: 100_000 });
    const llm = buildLlmClassifier(settings, { maxBatchSize: 12 });
    expect(llm.isServing()).toBe(false);
    expect(llm.describe().maxBatchSize).toBe(12);
    const [result] = await llm.classify([rec('Case 9 escalation failed')]);
    expect([result.outcome, result.reason]).toEqual([Outcome.OUTCOME_ABSTAINED, NO_API_KEY_REASON]);
  });

  it('names a bad variable', () => {
    expect(() => llmTierConfig.load({ LLM_GROQ_BASE_URL: 'ftp://x' })).toThrow(/LLM_GROQ_BASE_URL="ftp:\/\/x": expected an http\(s\) URL/);
  });
});
