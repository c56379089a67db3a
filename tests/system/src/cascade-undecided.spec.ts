import type { Cascade, UndecidedPolicy } from '@logclass/cascade';
import { Outcome, type LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { NO_API_KEY_REASON } from '@logclass/llm-tier';
import { cascadeOf, remoteTier, startTiersWithoutLlmKey } from './fixtures';

const rec = (logMessage: string): LogRecord => ({ source: 'ModernHR', logMessage });

/** The cascade as `npm start` runs it without an LLM key (see startTiersWithoutLlmKey). */
describe('records no tier decided, over real gRPC tiers', () => {
  const servers: RunningClassifierServer[] = [];
  const cascades: Cascade[] = [];

  beforeAll(async () => {
    const { embedding, llm } = await startTiersWithoutLlmKey();
    servers.push(embedding, llm);
  });

  afterAll(async () => {
    await Promise.all(cascades.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.stop(100)));
  });

  const cascade = (undecided?: UndecidedPolicy): Cascade => {
    const c = cascadeOf([remoteTier('embedding', servers[0].address), remoteTier('llm', servers[1].address)], undecided);
    cascades.push(c);
    return c;
  };

  it('answers Unclassified by default, naming both abstentions', async () => {
    const [result] = await cascade().classify([rec('User 99 logged in.')]);
    expect(result).toMatchObject({ outcome: Outcome.OUTCOME_UNCLASSIFIED, label: 'Unclassified', confidence: 0 });
    expect(result.reason).toContain(`llm: ${NO_API_KEY_REASON}`);
  });

  it('with best-guess, answers the embedding tier\'s top label as a decision that says it is a guess, at its real probability', async () => {
    const records = [rec('User 99 logged in.'), rec('Memory usage at 97% on node-8'), rec('   ')];
    const [login, memory, empty] = await cascade('best-guess').classify(records);
    expect(login).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'embedding' });
    expect(memory).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'Resource Usage', tier: 'embedding' });
    for (const r of [login, memory]) {
      expect(r.reason).toMatch(/^best guess of embedding, below its threshold \(p=0\.\d+ < 0\.999 \((User Action|Resource Usage)\)\); no tier decided \(llm: llm disabled: no API key\)$/);
      // The probability the tier computed, below its threshold: not a made-up certainty.
      expect(r.confidence).toBeGreaterThan(1 / 3);
      expect(r.confidence).toBeLessThan(0.999);
      expect(r.bestGuess).toBeUndefined();
    }
    // Nothing to guess from: an empty message stays Unclassified.
    expect(empty.outcome).toBe(Outcome.OUTCOME_UNCLASSIFIED);
  });
});
