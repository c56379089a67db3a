import type { Classification, LogRecord } from '@logclass/contract';
import { decided, type Classifier } from '@logclass/classifier';
import { silentLogger } from '@logclass/observability';
import { channelCredentialsFrom, checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { generateTestCertificates, type TestCertificates } from '@logclass/test-support';
import { ApiKeyCheck, serverCredentialsFrom, startClassifierServer, type RunningClassifierServer } from './index';

class AlwaysClassifier implements Classifier {
  readonly tier = 'always';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => decided(this.tier, 'Error', 1, 'always'));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'always', maxBatchSize: 10 };
  }
}

const base = { classifier: new AlwaysClassifier(), host: '127.0.0.1', port: 0, maxBatchSize: 10, maxBatchSizeSetting: 'X', maxInFlight: 2, maxQueued: 2, log: silentLogger() };
const record = [{ source: 's', logMessage: 'm' }];

function client(address: string, extra: Partial<ConstructorParameters<typeof GrpcClassifier>[0]> = {}) {
  return new GrpcClassifier({
    tier: 'always',
    address,
    timeoutMs: 3000,
    batchSize: 10,
    // The certificate names 127.0.0.1 and localhost; connect by name so TLS verifies it.
    channelOptions: { 'grpc.ssl_target_name_override': 'localhost' },
    ...extra,
  });
}

describe('API keys', () => {
  let server: RunningClassifierServer;
  beforeAll(async () => {
    server = await startClassifierServer({ ...base, apiKeys: ['key-one', 'key-two'] });
  });
  afterAll(() => server.stop(100));

  it('refuses calls without a valid key and never echoes the key', async () => {
    const none = client(server.address);
    await expect(none.classify(record)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const wrong = client(server.address, { apiKey: 'key-three' });
    const err = await wrong.classify(record).catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(String((err as Error).message)).not.toContain('key-three');
    await Promise.all([none.close(), wrong.close()]);
  });

  it('accepts any configured key; health stays open', async () => {
    const ok = client(server.address, { apiKey: 'key-two' });
    expect(await ok.classify(record)).toHaveLength(1);
    await ok.close();
    expect(await checkHealth(server.address)).toBe('SERVING');
  });

  it('compares keys of any length without throwing', () => {
    const check = new ApiKeyCheck(['short']);
    expect(check.accepts('short')).toBe(true);
    expect(check.accepts('a much longer key than the configured one')).toBe(false);
    expect(check.accepts('')).toBe(false);
    expect(new ApiKeyCheck([]).accepts(undefined)).toBe(true);
  });
});

describe('TLS', () => {
  let certs: TestCertificates;
  beforeAll(() => {
    certs = generateTestCertificates();
  });

  it('serves over TLS to a client that trusts the CA, and refuses a plaintext client', async () => {
    const server = await startClassifierServer({
      ...base,
      credentials: serverCredentialsFrom({ tlsCertFile: certs.serverCert, tlsKeyFile: certs.serverKey }),
    });
    try {
      const secure = client(server.address, { credentials: channelCredentialsFrom({ tlsCaFile: certs.caCert }) });
      expect(await secure.classify(record)).toHaveLength(1);
      await secure.close();
      const plain = client(server.address, { timeoutMs: 1000 });
      await expect(plain.classify(record)).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) });
      await plain.close();
    } finally {
      await server.stop(100);
    }
  });

  it('with mutual TLS, refuses clients without a certificate from the trusted CA', async () => {
    const server = await startClassifierServer({
      ...base,
      credentials: serverCredentialsFrom({ tlsCertFile: certs.serverCert, tlsKeyFile: certs.serverKey, tlsClientCaFile: certs.caCert }),
    });
    try {
      const good = client(server.address, {
        credentials: channelCredentialsFrom({ tlsCaFile: certs.caCert, tlsCertFile: certs.clientCert, tlsKeyFile: certs.clientKey }),
      });
      expect(await good.classify(record)).toHaveLength(1);
      await good.close();

      const noCert = client(server.address, { timeoutMs: 1000, credentials: channelCredentialsFrom({ tlsCaFile: certs.caCert }) });
      await expect(noCert.classify(record)).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) });
      await noCert.close();

      const rogue = client(server.address, {
        timeoutMs: 1000,
        credentials: channelCredentialsFrom({ tlsCaFile: certs.caCert, tlsCertFile: certs.rogueClientCert, tlsKeyFile: certs.rogueClientKey }),
      });
      await expect(rogue.classify(record)).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) });
      await rogue.close();
    } finally {
      await server.stop(100);
    }
  });

  it('refuses half-configured TLS with a clear error', () => {
    expect(() => serverCredentialsFrom({ tlsCertFile: certs.serverCert })).toThrow(/both a certificate file and a key file/);
    expect(() => serverCredentialsFrom({ tlsClientCaFile: certs.caCert })).toThrow(/mutual TLS needs TLS/);
    expect(() => channelCredentialsFrom({ tlsCertFile: certs.clientCert, tlsKeyFile: certs.clientKey })).toThrow(/no CA/);
    expect(() => serverCredentialsFrom({ tlsCertFile: '/nonexistent.crt', tlsKeyFile: certs.serverKey })).toThrow(/cannot read TLS certificate/);
  });
});
