import { LogclassError } from '@logclass/classifier';
import { tierFailureReason, undecidedReason } from './reasons';

const opossumError = (code: string) => Object.assign(new Error(code), { code });

describe('reasons', () => {
  it.each([
    [opossumError('EOPENBREAKER'), 'llm unavailable: breaker open'],
    [opossumError('ETIMEDOUT'), 'llm unavailable: deadline exceeded'],
    [new LogclassError('DEADLINE_EXCEEDED', 'Deadline exceeded after 1.001s'), 'llm unavailable: deadline exceeded'],
    [new LogclassError('UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 10.0.0.7:50053'), 'llm unavailable: not reachable (UNAVAILABLE)'],
    [new LogclassError('WRONG_RESULT_COUNT', 'llm returned 3 results for 4 records'), 'llm unavailable: bad answer (llm returned 3 results for 4 records)'],
    // Only the code says what failed: words in a transport's message that look like ours do not.
    [new LogclassError('UNAVAILABLE', 'llm returned 3 results for 4 records'), 'llm unavailable: not reachable (UNAVAILABLE)'],
    [new LogclassError('RESOURCE_EXHAUSTED', 'queue full'), 'llm unavailable: overloaded (RESOURCE_EXHAUSTED)'],
    [new LogclassError('INVALID_ARGUMENT', 'record too long'), 'llm refused the batch (INVALID_ARGUMENT: record too long)'],
    [new LogclassError('INTERNAL', 'x'), 'llm unavailable: INTERNAL'],
    [new Error('ENOENT /etc/secret'), 'llm unavailable: internal error'],
  ])('describes %p without leaking addresses or paths', (err, reason) => {
    expect(tierFailureReason('llm', err)).toBe(reason);
  });

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
