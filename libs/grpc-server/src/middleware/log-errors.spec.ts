import { Writable } from 'node:stream';
import { invalidArgument, LogclassError } from '@logclass/classifier';
import { createLogger } from '@logclass/observability';
import { logErrors } from './log-errors';
import { testCall } from '../../test/middleware-calls';

describe('logErrors', () => {
  it('logs a failure by the status the caller gets and passes the error on unchanged', async () => {
    const lines: { level: string; msg: string; rpc: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logged = logErrors(createLogger('test', 'debug', sink));
    const failWith = (err: Error) => logged<string, string>(async () => Promise.reject(err))('r', testCall({ rpc: 'Classify' }));
    const secret = new Error('ENOENT /etc/secret');
    await expect(failWith(secret)).rejects.toBe(secret);
    await expect(failWith(new LogclassError('UNAUTHENTICATED', 'missing or invalid API key'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(failWith(invalidArgument('records must not be empty'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(logged<string, string>(async (r) => r)('fine', testCall())).resolves.toBe('fine');
    expect(lines.map((l) => [l.level, l.msg, l.rpc])).toEqual([
      ['error', 'internal error', 'Classify'],
      ['warn', 'request refused: missing or invalid API key', 'Classify'],
      ['debug', 'request refused', 'Classify'],
    ]);
  });
});
