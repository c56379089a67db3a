import { LogclassError } from '@logclass/classifier';
import { tierFailureReason } from './reasons';
import { tierFailure } from './tier-failure';

const opossumError = (code: string) => Object.assign(new Error(code), { code });

describe('a failed tier call', () => {
  it.each([
    [opossumError('EOPENBREAKER'), 'breaker_open', 'llm unavailable: breaker open'],
    [opossumError('ETIMEDOUT'), 'deadline_exceeded', 'llm unavailable: deadline exceeded'],
    [new LogclassError('DEADLINE_EXCEEDED', 'Deadline exceeded after 1.001s'), 'deadline_exceeded', 'llm unavailable: deadline exceeded'],
    [new LogclassError('UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 10.0.0.7:50053'), 'unreachable', 'llm unavailable: not reachable (UNAVAILABLE)'],
    [new LogclassError('UNAVAILABLE', 'No connection established. Last error: SSL routines::wrong version number'), 'tls', 'llm unavailable: not reachable (UNAVAILABLE)'],
    [new LogclassError('WRONG_RESULT_COUNT', 'llm returned 3 results for 4 records'), 'wrong_result_count', 'llm unavailable: bad answer (llm returned 3 results for 4 records)'],
    // Only the code says what failed: words in a message that look like ours do not.
    [new LogclassError('UNAVAILABLE', 'llm returned 3 results for 4 records'), 'unreachable', 'llm unavailable: not reachable (UNAVAILABLE)'],
    [new LogclassError('INTERNAL', 'returned 3 results for 4 records'), 'failed', 'llm unavailable: INTERNAL'],
    [new LogclassError('RESOURCE_EXHAUSTED', 'queue full'), 'overloaded', 'llm unavailable: overloaded (RESOURCE_EXHAUSTED)'],
    [new LogclassError('INVALID_ARGUMENT', 'record too long'), 'refused', 'llm refused the batch (INVALID_ARGUMENT: record too long)'],
    [new LogclassError('UNAUTHENTICATED', 'missing or invalid API key'), 'unauthenticated', 'llm unavailable: UNAUTHENTICATED'],
    [new LogclassError('CANCELLED', 'Call cancelled'), 'cancelled', 'llm unavailable: CANCELLED'],
    [new Error('ENOENT /etc/secret'), 'failed', 'llm unavailable: internal error'],
  ])('%p is filed under its category by its code, and described without leaking addresses or paths', (err, failure, reason) => {
    expect(tierFailure(err)).toBe(failure);
    expect(tierFailureReason('llm', err)).toBe(reason);
  });
});
