import type { LogRecord } from '@logclass/contract';
import { silentLogger } from '@logclass/observability';
import { answerByKeyword, scrapeMetrics, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startLlmService } from './llm-service';

const rec = (logMessage: string): LogRecord => ({ source: 'LegacyCRM', logMessage });

describe('llm tier metrics (against the fake Groq server)', () => {
  let fake: FakeGroq;

  beforeAll(async () => {
    const answer = answerByKeyword([[/escalation/, 'Workflow Error']]);
    // The first request is rate limited (retried at once), every later one answers with known token usage.
    fake = await startFakeGroq({
      respond: async (request) => {
        if (request.index === 0) return { status: 429, message: 'slow down', headers: { 'retry-after': '0' } };
        const reply = await answer(request);
        return 'content' in reply ? { ...reply, usage: { prompt_tokens: 120, completion_tokens: 7 } } : reply;
      },
    });
  });
  afterAll(() => fake.close());

  it('exports calls, retries, failures by kind, tokens and answer-cache lookups after real calls', async () => {
    const running = await startLlmService(
      config.load({ LLM_GRPC_PORT: '0', LLM_METRICS_PORT: '0', LOG_LEVEL: 'silent', GROQ_API_KEY: 'k-secret', GROQ_BASE_URL: fake.baseUrl, LLM_RETRY_BASE_DELAY_MS: '0', LLM_STORE: 'none' }),
      silentLogger(),
    );
    const client = new GrpcClassifier({ tier: 'llm', address: running.grpc.address, timeoutMs: 5000, batchSize: 100 });
    try {
      // Two rows of one template: one question (a miss). Asked again: answered from the cache (a hit).
      await client.classify([rec('Case 1 escalation failed'), rec('Case 2 escalation failed')]);
      const [again] = await client.classify([rec('Case 3 escalation failed')]);
      expect(again.label).toBe('Workflow Error');

      const m = await scrapeMetrics(`http://127.0.0.1:${running.metricsPort}/metrics`);
      expect(m.value('logclass_llm_calls_total')).toBe(2);
      expect(m.value('logclass_llm_retries_total')).toBe(1);
      expect(m.value('logclass_llm_call_failures_total', { kind: 'rate-limited' })).toBe(1);
      expect(m.value('logclass_llm_tokens_total', { type: 'prompt' })).toBe(120);
      expect(m.value('logclass_llm_tokens_total', { type: 'completion' })).toBe(7);
      expect(m.value('logclass_llm_cache_lookups_total', { result: 'miss' })).toBe(1);
      expect(m.value('logclass_llm_cache_lookups_total', { result: 'hit' })).toBe(1);
      expect(m.value('logclass_llm_store_answers_total', { result: 'stored' })).toBe(0);
      expect(m.value('logclass_llm_store_errors_total')).toBe(0);
      expect(m.value('logclass_llm_cache_entries')).toBe(1);
      expect(m.value('logclass_llm_serving')).toBe(1);
      // The tier's own RPC and record families, with the service label.
      expect(m.value('logclass_rpc_requests_total', { rpc: 'ClassifyBatch', code: 'OK', service: 'llm' })).toBe(2);
      expect(m.value('logclass_records_total', { tier: 'llm', outcome: 'decided', label: 'Workflow Error' })).toBe(3);
      expect(m.text).not.toMatch(/k-secret|escalation/);
    } finally {
      await client.close();
      await running.stop();
    }
  });
});
