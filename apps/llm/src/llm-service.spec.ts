import { Outcome, type LogRecord } from '@logclass/contract';
import { silentLogger } from '@logclass/observability';
import { answerByKeyword, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startLlmService } from './llm-service';

const rec = (logMessage: string): LogRecord => ({ source: 'LegacyCRM', logMessage });
const BASE_ENV = { LLM_GRPC_PORT: '0', LLM_METRICS_PORT: '-1', LOG_LEVEL: 'silent', LLM_STORE: 'none' };

describe('llm service over gRPC', () => {
  let fake: FakeGroq;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });
  afterAll(() => fake.close());

  async function serve(env: Record<string, string>) {
    const running = await startLlmService(config.load({ ...BASE_ENV, ...env }), silentLogger());
    const client = new GrpcClassifier({ tier: 'llm', address: running.grpc.address, timeoutMs: 5000, batchSize: 100 });
    stops.push(async () => {
      await client.close();
      await running.stop();
    });
    return { running, client };
  }

  it('starts without an API key: NOT_SERVING, every row abstains with the reason', async () => {
    const { running, client } = await serve({});
    expect(await checkHealth(running.grpc.address)).toBe('NOT_SERVING');
    expect(await checkHealth(running.grpc.address, 'logclass.v1.LogClassifier')).toBe('NOT_SERVING');
    const results = await client.classify([rec('Case 1 escalation failed'), rec('x')]);
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      [Outcome.OUTCOME_ABSTAINED, 'llm disabled: no API key'],
      [Outcome.OUTCOME_ABSTAINED, 'llm disabled: no API key'],
    ]);
  });

  it('with a key (standard GROQ_* variables) and a Groq-compatible server: SERVING and classifying', async () => {
    fake.reset();
    const { running, client } = await serve({ GROQ_API_KEY: 'k-123', GROQ_BASE_URL: fake.baseUrl });
    expect(await checkHealth(running.grpc.address)).toBe('SERVING');
    const results = await client.classify([rec('Case 1 escalation failed'), rec('Case 2 escalation failed'), rec('')]);
    expect(results.map((r) => r.label)).toEqual(['Workflow Error', 'Workflow Error', '']);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].headers.authorization).toBe('Bearer k-123');
    expect(fake.requests[0].body.model).toBe('llama-3.3-70b-versatile');
    expect((await client.fetchDescription()).model).toBe('groq llama-3.3-70b-versatile');
  });

  it('goes NOT_SERVING, naming LLM_MODEL, when Groq says the model is decommissioned', async () => {
    const gone = await startFakeGroq({
      respond: () => ({ status: 400, code: 'model_decommissioned', message: 'The model `old-model` has been decommissioned' }),
    });
    stops.push(() => gone.close());
    const { running, client } = await serve({ LLM_GROQ_API_KEY: 'k', LLM_GROQ_BASE_URL: gone.baseUrl, LLM_MODEL: 'old-model' });
    const [result] = await client.classify([rec('anything')]);
    expect(result.reason).toMatch(/model "old-model" is not available \(model_decommissioned\).*set LLM_MODEL/);
    expect(await checkHealth(running.grpc.address)).toBe('NOT_SERVING');
  });

  it('refuses a bad base URL naming the variable, and never prints the key', () => {
    expect(() => config.load({ GROQ_BASE_URL: 'ftp://x', LLM_TEMPERATURE: '3', GROQ_API_KEY: '   ' })).toThrow(/GROQ_BASE_URL="ftp:\/\/x": expected an http\(s\) URL/);
    const loaded = config.load({ LLM_GROQ_API_KEY: 'secret-key', GROQ_API_KEY: 'other' });
    expect(loaded.apiKey).toBe('secret-key');
    expect(loaded.model).toBe('llama-3.3-70b-versatile');
    expect(loaded.baseUrl).toBe('https://api.groq.com');
  });
});
