import { LogclassError } from '@logclass/classifier';
import { toHttpError } from './http-errors';

describe('HTTP status of the closed error set', () => {
  it('answers a LogclassError with its status, code and message', () => {
    expect(toHttpError(new LogclassError('RESOURCE_EXHAUSTED', 'queue full'))).toEqual({
      status: 429,
      body: { error: 'RESOURCE_EXHAUSTED', message: 'queue full' },
    });
    expect(toHttpError(new LogclassError('PAYLOAD_TOO_LARGE', 'x')).status).toBe(413);
  });

  it('leaks nothing of unknown errors', () => {
    expect(toHttpError(new Error('ENOENT /secret/path/key=abc'))).toEqual({ status: 500, body: { error: 'INTERNAL', message: 'internal error' } });
  });
});
