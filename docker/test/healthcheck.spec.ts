import type { Classification, LogRecord } from '@logclass/contract';
import { unclassified, type Classifier } from '@logclass/classifier';
import { silentLogger } from '@logclass/observability';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverCredentialsFrom, startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { generateTestCertificates } from '@logclass/test-support';
import { probe, probeAddress } from '../healthcheck/probe';

/** The image HEALTHCHECK against a real tier server: what Docker would see. */
class IdleClassifier implements Classifier {
  readonly tier = 'idle';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => unclassified('idle', this.tier));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'none', maxBatchSize: 1 };
  }
}

const serverOptions = {
  classifier: new IdleClassifier(),
  host: '127.0.0.1',
  port: 0,
  maxBatchSize: 1,
  maxBatchSizeSetting: 'IDLE_MAX_BATCH_SIZE',
  maxInFlight: 1,
  maxQueued: 0,
  log: silentLogger(),
};

describe('container healthcheck probe', () => {
  let server: RunningClassifierServer;

  beforeAll(async () => {
    server = await startClassifierServer(serverOptions);
  });

  afterAll(() => server.stop(0));

  it('reads the port from the service variable, falling back to the default', () => {
    expect(probeAddress(['REGEX_GRPC_PORT', '50051'], {})).toBe('127.0.0.1:50051');
    expect(probeAddress(['REGEX_GRPC_PORT', '50051'], { REGEX_GRPC_PORT: '6000' })).toBe('127.0.0.1:6000');
    expect(() => probeAddress(['REGEX_GRPC_PORT', '50051'], { REGEX_GRPC_PORT: 'x' })).toThrow(/not a port/);
    expect(() => probeAddress([], {})).toThrow(/usage/);
  });

  it('is healthy while the server reports SERVING, overall and for the contract service', async () => {
    const env = { IDLE_GRPC_PORT: String(server.port) };
    await expect(probe(['IDLE_GRPC_PORT', '1'], env)).resolves.toMatchObject({ status: 'SERVING', exitCode: 0 });
    await expect(probe(['IDLE_GRPC_PORT', '1', 'logclass.v1.LogClassifier'], env)).resolves.toMatchObject({ exitCode: 0 });
  });

  it('is unhealthy when the server reports NOT_SERVING or does not answer', async () => {
    const env = { IDLE_GRPC_PORT: String(server.port) };
    server.setServing(false);
    await expect(probe(['IDLE_GRPC_PORT', '1'], env)).resolves.toMatchObject({ status: 'NOT_SERVING', exitCode: 1 });
    server.setServing(true);
    await server.stop(0);
    await expect(probe(['IDLE_GRPC_PORT', '1'], env, 500)).resolves.toMatchObject({ status: 'UNREACHABLE', exitCode: 1 });
  });
});

describe('container healthcheck probe of a service serving TLS (what an exec probe runs in Kubernetes)', () => {
  const certs = generateTestCertificates();
  // A service certificate as the TLS component asks for: named after the Service
  // (not 127.0.0.1), usable for server and client authentication.
  const dual = (name: string) => join(certs.dir, name);
  writeFileSync(dual('tier.ext'), 'subjectAltName=DNS:regex-headless\nextendedKeyUsage=serverAuth,clientAuth\n');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=regex-headless', '-keyout', dual('tier.key'), '-out', dual('tier.csr'));
  openssl('x509', '-req', '-in', dual('tier.csr'), '-CA', certs.caCert, '-CAkey', dual('test-ca.key'), '-CAcreateserial', '-days', '2', '-extfile', dual('tier.ext'), '-out', dual('tier.crt'));
  const tlsEnv = (port: number) => ({ IDLE_GRPC_PORT: String(port), IDLE_TLS_CERT_FILE: dual('tier.crt'), IDLE_TLS_KEY_FILE: dual('tier.key') });

  it('answers SERVING over TLS, and only over TLS', async () => {
    const server = await startClassifierServer({ ...serverOptions, credentials: serverCredentialsFrom({ tlsCertFile: dual('tier.crt'), tlsKeyFile: dual('tier.key') }) });
    try {
      await expect(probe(['IDLE_GRPC_PORT', '1'], tlsEnv(server.port))).resolves.toMatchObject({ status: 'SERVING', exitCode: 0 });
      await expect(probe(['IDLE_GRPC_PORT', '1'], { IDLE_GRPC_PORT: String(server.port) }, 1000)).resolves.toMatchObject({ status: 'UNREACHABLE', exitCode: 1 });
    } finally {
      await server.stop(0);
    }
  });

  it('is let in by a service requiring mutual TLS with its own certificate; one signed by another CA is not', async () => {
    const server = await startClassifierServer({
      ...serverOptions,
      credentials: serverCredentialsFrom({ tlsCertFile: dual('tier.crt'), tlsKeyFile: dual('tier.key'), tlsClientCaFile: certs.caCert }),
    });
    try {
      await expect(probe(['IDLE_GRPC_PORT', '1'], tlsEnv(server.port))).resolves.toMatchObject({ status: 'SERVING', exitCode: 0 });
      const rogue = { IDLE_GRPC_PORT: String(server.port), IDLE_TLS_CERT_FILE: certs.rogueClientCert, IDLE_TLS_KEY_FILE: certs.rogueClientKey };
      await expect(probe(['IDLE_GRPC_PORT', '1'], rogue, 1000)).resolves.toMatchObject({ status: 'UNREACHABLE', exitCode: 1 });
    } finally {
      await server.stop(0);
    }
  });

  it('refuses a certificate without its key', async () => {
    await expect(probe(['IDLE_GRPC_PORT', '1'], { IDLE_TLS_CERT_FILE: dual('tier.crt') })).rejects.toThrow(/IDLE_TLS_KEY_FILE/);
  });
});
