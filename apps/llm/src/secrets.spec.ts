import type { DestinationStream } from 'pino';
import { createLogger } from '@logclass/observability';
import { startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startLlmService } from './llm-service';

/** A Groq key no output of the service may ever contain. */
const GROQ_KEY = 'gsk_SECRET_7f3c9a2b1e';

describe('the Groq API key never leaves the LLM tier', () => {
  let fake: FakeGroq;
  beforeAll(async () => {
    // A hostile or buggy upstream: its error bodies echo the Authorization header back.
    fake = await startFakeGroq({
      respond: (req) => {
        const text = JSON.stringify(req.body.messages);
        const echo = `bad request from ${String(req.headers.authorization)}`;
        if (text.includes('server-error')) return { status: 503, message: echo };
        if (text.includes('refuse-key')) return { status: 401, message: echo };
        return { content: 'Error' };
      },
    });
  });
  afterAll(() => fake.close());

  it('in logs (at trace level), row reasons, gRPC answers, /metrics and configuration errors', async () => {
    const lines: string[] = [];
    const sink: DestinationStream = { write: (line: string) => void lines.push(line) };
    const env = { GROQ_API_KEY: GROQ_KEY, GROQ_BASE_URL: fake.baseUrl, LLM_GRPC_PORT: '0', LLM_METRICS_PORT: '0', LOG_LEVEL: 'trace', LLM_MAX_RETRIES: '0', LLM_MESSAGES_PER_CALL: '1', LLM_STORE: 'none' };
    const cfg = config.load(env);
    const running = await startLlmService(cfg, createLogger('llm', 'trace', sink));
    const client = new GrpcClassifier({ tier: 'llm', address: running.grpc.address, timeoutMs: 5000, batchSize: 100 });
    const seen: string[] = [];
    try {
      for (const message of ['job failed', 'server-error now', 'refuse-key please', 'after the key was refused']) {
        const results = await client.classify([{ source: 'S', logMessage: message }]);
        seen.push(...results.map((r) => r.reason));
      }
      seen.push(JSON.stringify(await client.fetchDescription()));
      seen.push(await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text());
    } finally {
      await client.close();
      await running.stop();
    }
    for (const bad of [{ ...env, LLM_TEMPERATURE: '9' }, { ...env, LLM_MAX_TOKENS_PER_MINUTE: '-5' }, { LLM_GROQ_API_KEY: `${GROQ_KEY}\u0000`, LLM_CONCURRENCY: 'x' }]) {
      seen.push(String((() => {
        try {
          config.load(bad);
          return 'loaded';
        } catch (err) {
          return (err as Error).message;
        }
      })()));
    }
    // The traffic did reach the failure paths (the echo came back and was scrubbed).
    expect(seen.join('\n')).toMatch(/\[redacted\]/);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).not.toContain(GROQ_KEY);
    expect(seen.join('\n')).not.toContain(GROQ_KEY);
    // The key did go where it belongs.
    expect(fake.requests[0].headers.authorization).toBe(`Bearer ${GROQ_KEY}`);
  });
});
