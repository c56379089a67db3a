import { Outcome } from '@logclass/contract';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { buildLlmClassifier, llmTierConfig, NO_API_KEY_REASON } from './index';

/** Runs `check` against a fake Groq answering escalations as Workflow Error (100 prompt + 5 completion tokens a call). */
async function againstFakeGroq(check: (fake: FakeGroq) => Promise<void>): Promise<void> {
  const fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
  try {
    await check(fake);
  } finally {
    await fake.close();
  }
}

const escalations = (n: number) => Array.from({ length: n }, (_, i) => ({ source: 'LegacyCRM', logMessage: `case ${i} escalation failed` }));

describe('buildLlmClassifier from the LLM_* settings', () => {
  it('sends the configured model, temperature and completion limit to the configured server', () =>
    againstFakeGroq(async (fake) => {
      const settings = llmTierConfig.load({ GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, LLM_MODEL: 'm-1', LLM_TEMPERATURE: '0.5', LLM_MAX_TOKENS: '99', LLM_STORE: 'none' });
      const [result] = await buildLlmClassifier(settings).classify(escalations(1));
      expect([result.outcome, result.label]).toEqual([Outcome.OUTCOME_DECIDED, 'Workflow Error']);
      expect(fake.requests.map((r) => [r.headers.authorization, r.body.model, r.body.temperature, r.body.max_completion_tokens])).toEqual([['Bearer k', 'm-1', 0.5, 99]]);
    }));

  it('keeps the spend ceiling of LLM_MAX_TOKENS_PER_MINUTE', () =>
    againstFakeGroq(async (fake) => {
      const env = { GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, LLM_MAX_TOKENS_PER_MINUTE: '200', LLM_CACHE_SIZE: '0', LLM_MESSAGES_PER_CALL: '1', LLM_CONCURRENCY: '1', LLM_STORE: 'none' };
      const results = await buildLlmClassifier(llmTierConfig.load(env)).classify(escalations(4));
      // Two calls (210 tokens) reach the ceiling of 200; the other two are never sent.
      expect(fake.requests).toHaveLength(2);
      expect(results.map((r) => r.reason).slice(2)).toEqual(['llm budget exhausted (LLM_MAX_TOKENS_PER_MINUTE=200)', 'llm budget exhausted (LLM_MAX_TOKENS_PER_MINUTE=200)']);
    }));

  it('has the service defaults when nothing is set: a spend ceiling, and no key means abstaining', async () => {
    const settings = llmTierConfig.load({});
    expect(settings).toMatchObject({ apiKey: undefined, baseUrl: 'https://api.groq.com', model: 'llama-3.3-70b-versatile', maxTokensPerMinute: 100_000 });
    const llm = buildLlmClassifier(settings, { maxBatchSize: 12 });
    expect(llm.isServing()).toBe(false);
    expect(llm.describe().maxBatchSize).toBe(12);
    const [result] = await llm.classify(escalations(1));
    expect([result.outcome, result.reason]).toEqual([Outcome.OUTCOME_ABSTAINED, NO_API_KEY_REASON]);
  });

  it('names a bad variable', () => {
    expect(() => llmTierConfig.load({ LLM_GROQ_BASE_URL: 'ftp://x' })).toThrow(/LLM_GROQ_BASE_URL="ftp:\/\/x": expected an http\(s\) URL/);
  });
});
