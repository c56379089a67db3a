import { Outcome, type LogRecord } from '@logclass/contract';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { LlmClassifier } from './index';
import { TokenBudget } from './token-budget';

const rec = (logMessage: string): LogRecord => ({ source: 'LegacyCRM', logMessage });

describe('LLM token budget (LLM_MAX_TOKENS_PER_MINUTE)', () => {
  let fake: FakeGroq;
  beforeAll(async () => {
    // Each call bills 100 prompt + 5 completion tokens (the fake's usage).
    fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
  });
  afterAll(() => fake.close());

  it('stops calling once the minute budget is spent: further rows abstain naming the limit, nothing more is sent', async () => {
    const llm = new LlmClassifier({
      taxonomy: defaultTaxonomy,
      apiKey: 'k',
      baseUrl: fake.baseUrl,
      model: 'm',
      temperature: 0,
      maxTokens: 64,
      timeoutMs: 5000,
      concurrency: 1,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 10 },
      cacheSize: 0,
      cacheTtlMs: 0,
      cacheKey: 'exact',
      messagesPerCall: 1,
      maxBatchSize: 100,
      maxTokensPerMinute: 200,
    });
    const results = await llm.classify([1, 2, 3, 4].map((i) => rec(`case ${i} escalation failed`)));
    // Two calls (210 tokens) reach the ceiling of 200; the other two are never sent.
    expect(fake.requests).toHaveLength(2);
    expect(results.map((r) => r.outcome)).toEqual([Outcome.OUTCOME_DECIDED, Outcome.OUTCOME_DECIDED, Outcome.OUTCOME_ABSTAINED, Outcome.OUTCOME_ABSTAINED]);
    expect(results[3].reason).toBe('llm budget exhausted (LLM_MAX_TOKENS_PER_MINUTE=200)');
    expect(llm.isServing()).toBe(true);
  });

  it('frees up as the minute slides', () => {
    let now = 0;
    const budget = new TokenBudget(100, 'X', undefined, () => now);
    budget.spend(60);
    now = 30_000;
    budget.spend(50);
    expect(budget.exhausted).toBe(true);
    now = 60_001; // the first spend left the window
    expect(budget.exhausted).toBe(false);
  });
});
