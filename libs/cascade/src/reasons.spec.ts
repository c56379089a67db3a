import { undecidedReason } from './reasons';

describe('reasons', () => {
  it('names the last tier, and any tier on the route that could not be asked', () => {
    expect(undecidedReason([])).toBe('no tier decided');
    expect(
      undecidedReason([
        { tier: 'regex', kind: 'abstained', reason: 'no rule matched' },
        { tier: 'embedding', kind: 'abstained', reason: 'p=0.41 below 0.55' },
      ]),
    ).toBe('no tier decided (embedding: p=0.41 below 0.55)');
    expect(undecidedReason([{ tier: 'embedding', kind: 'failed', reason: 'embedding unavailable: breaker open' }])).toBe(
      'embedding unavailable: breaker open',
    );
    expect(
      undecidedReason([
        { tier: 'embedding', kind: 'failed', reason: 'embedding unavailable: breaker open' },
        { tier: 'llm', kind: 'abstained', reason: 'model said Unclassified' },
      ]),
    ).toBe('no tier decided (llm: model said Unclassified; embedding unavailable: breaker open)');
  });
});
