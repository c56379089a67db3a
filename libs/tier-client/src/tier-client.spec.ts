import { createServer } from 'node:net';
import { channelCredentialsFrom, checkHealth, GrpcClassifier } from './index';

/** A port that was free a moment ago: nothing answers there. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('tier client without a server', () => {
  it('reports an unreachable tier as UNREACHABLE, not an exception', async () => {
    expect(await checkHealth(`127.0.0.1:${await closedPort()}`, '', { timeoutMs: 300 })).toBe('UNREACHABLE');
  });

  it('fails a batch to a dead tier with UNAVAILABLE or DEADLINE_EXCEEDED from the closed set', async () => {
    const tier = new GrpcClassifier({ tier: 'regex', address: `127.0.0.1:${await closedPort()}`, timeoutMs: 300, batchSize: 10 });
    await expect(tier.classify([{ source: '', logMessage: 'x' }])).rejects.toMatchObject({
      name: 'LogclassError',
      code: expect.stringMatching(/^(UNAVAILABLE|DEADLINE_EXCEEDED)$/),
    });
    expect(tier.describe()).toMatchObject({ tier: 'regex', labels: [] });
    await tier.close();
  });

  it('is plaintext by default and refuses half a TLS configuration', () => {
    expect(channelCredentialsFrom({})._isSecure()).toBe(false);
    expect(() => channelCredentialsFrom({ tlsCaFile: '/nonexistent/ca.pem' })).toThrow(/cannot read TLS CA/);
    expect(() => channelCredentialsFrom({ tlsCertFile: 'c.pem' })).toThrow(/needs its key/);
  });
});
