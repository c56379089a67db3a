import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { LogClassifierClient, type ClassifyResponse } from '@logclass/contract';
import { serverCredentialsFrom, startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { channelCredentialsFrom } from '@logclass/tier-client';
import { generateTestCertificates, MarkerTier, type TestCertificates } from '@logclass/test-support';
import { startTestGateway } from '../test/gateway-fixture';
import type { ReadinessReport, RunningGateway } from './index';

/**
 * End to end over TLS: caller -(TLS, mutual, API key)-> gateway -(mutual TLS)-> tier,
 * and the REST API over HTTPS. Certificates are made by openssl for this run.
 */
describe('gateway and tier over mutual TLS', () => {
  let certs: TestCertificates;
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    certs = generateTestCertificates();
    tier = await startClassifierServer({
      classifier: new MarkerTier('regex'),
      host: '127.0.0.1',
      port: 0,
      maxBatchSize: 1000,
      maxBatchSizeSetting: 'X',
      maxInFlight: 4,
      maxQueued: 16,
      log: silentLogger(),
      credentials: serverCredentialsFrom({ tlsCertFile: certs.serverCert, tlsKeyFile: certs.serverKey, tlsClientCaFile: certs.caCert }),
    });
    gateway = await startTestGateway({
      GATEWAY_TIERS: `regex=${tier.address}`,
      GATEWAY_ROUTING: '{}',
      GATEWAY_TIER_TLS_CA_FILE: certs.caCert,
      GATEWAY_TIER_TLS_CERT_FILE: certs.clientCert,
      GATEWAY_TIER_TLS_KEY_FILE: certs.clientKey,
      GATEWAY_TLS_CERT_FILE: certs.serverCert,
      GATEWAY_TLS_KEY_FILE: certs.serverKey,
      GATEWAY_TLS_CLIENT_CA_FILE: certs.caCert,
      GATEWAY_HTTP_TLS_CERT_FILE: certs.serverCert,
      GATEWAY_HTTP_TLS_KEY_FILE: certs.serverKey,
      GATEWAY_API_KEYS: 'tls-test-key',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
  });

  const classify = (files: Parameters<typeof channelCredentialsFrom>[0], key = 'tls-test-key') => {
    const client = new LogClassifierClient(gateway.grpcAddress, channelCredentialsFrom(files), { 'grpc.ssl_target_name_override': 'localhost' });
    const md = new Metadata();
    md.set('x-api-key', key);
    return new Promise<ClassifyResponse>((resolve, reject) =>
      client.classify({ record: { source: 'A', logMessage: 'x @regex' } }, md, { deadline: Date.now() + 3000 }, (e: ServiceError | null, r: ClassifyResponse) => {
        client.close();
        return e ? reject(e) : resolve(r);
      }),
    );
  };

  it('classifies through the tier for a caller with a certificate from the trusted CA and a key', async () => {
    const good = { tlsCaFile: certs.caCert, tlsCertFile: certs.clientCert, tlsKeyFile: certs.clientKey };
    expect((await classify(good)).result).toMatchObject({ tier: 'regex', label: 'Test Label' });
    // TLS does not replace the key: both are required.
    await expect(classify(good, 'wrong')).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it('refuses callers without a certificate, with a rogue one, or in plaintext', async () => {
    const refused = expect.objectContaining({ code: expect.any(Number) });
    for (const files of [
      { tlsCaFile: certs.caCert },
      { tlsCaFile: certs.caCert, tlsCertFile: certs.rogueClientCert, tlsKeyFile: certs.rogueClientKey },
      {},
    ]) {
      const err = await classify(files).catch((e: ServiceError) => e);
      expect(err).toEqual(refused);
      expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]).toContain((err as ServiceError).code);
    }
  });

  it('serves REST over HTTPS and reports the mTLS tier ready', async () => {
    expect(gateway.httpUrl).toMatch(/^https:/);
    const { statusCode, body } = await new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
      const req = request(`${gateway.httpUrl}/readyz`, { ca: readFileSync(certs.caCert), servername: 'localhost' }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ statusCode: res.statusCode ?? 0, body }));
      });
      req.on('error', reject).end();
    });
    expect(statusCode).toBe(200);
    expect((JSON.parse(body) as ReadinessReport).tiers).toEqual([expect.objectContaining({ name: 'regex', health: 'SERVING' })]);
  });
});
