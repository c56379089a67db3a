import { LogclassError } from '@logclass/classifier';
import { tierFailure } from './tier-failure';

const opossumError = (code: string) => Object.assign(new Error(code), { code });

describe('tierFailure', () => {
  it.each([
    [opossumError('EOPENBREAKER'), 'breaker_open'],
    [opossumError('ETIMEDOUT'), 'deadline_exceeded'],
    [new LogclassError('DEADLINE_EXCEEDED', 'Deadline exceeded after 1.001s'), 'deadline_exceeded'],
    [new LogclassError('WRONG_RESULT_COUNT', 'llm returned 3 results for 4 records'), 'wrong_result_count'],
    [new LogclassError('RESOURCE_EXHAUSTED', 'queue full'), 'overloaded'],
    [new LogclassError('INVALID_ARGUMENT', 'record too long'), 'refused'],
    [new LogclassError('UNAUTHENTICATED', 'missing or invalid API key'), 'unauthenticated'],
    [new LogclassError('UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 10.0.0.7:50053'), 'unreachable'],
    [new LogclassError('UNAVAILABLE', 'No connection established. Last error: SSL routines::wrong version number'), 'tls'],
    [new LogclassError('CANCELLED', 'Call cancelled'), 'cancelled'],
    [new LogclassError('INTERNAL', 'returned 3 results for 4 records'), 'failed'],
    [new Error('ENOENT /etc/secret'), 'failed'],
  ])('files %p under one category, by its code', (err, failure) => {
    expect(tierFailure(err)).toBe(failure);
  });
});
