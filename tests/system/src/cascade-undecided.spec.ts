import type { Cascade, UndecidedPolicy } from '@logclass/cascade';
import { Outcome, type LogRecord } from '@logclass/contract';
import { NO_API_KEY_REASON } from '@logclass/llm-tier';
import { cascadeOf, remoteTier, tiersWithoutLlmKeyForBlock } from './fixtures';

const rec = (logMessage: string): LogRecord => ({ source: 'ModernHR', logMessage });

/** The cascade as `npm start` runs it without an LLM key (see tiersWithoutLlmKeyForBlock). */
describe('records no tier decided, over real gRPC tiers', () => {
  const tiers = tiersWithoutLlmKeyForBlock();
  const cascade = (undecided?: UndecidedPolicy): Cascade => {
    const { embedding, llm } = tiers.addresses();
    return tiers.closeAtEnd(cascadeOf([remoteTier('embedding', embedding), remoteTier('llm', llm)], undecided), (c) => c.close());
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
