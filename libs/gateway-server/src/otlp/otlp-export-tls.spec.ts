import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { generateTestCertificates, MarkerTier, type TestCertificates } from '@logclass/test-support';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { startTestGateway, startTier } from '../../test/gateway-fixture';
import type { RunningGateway } from '../start-gateway';

const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const { ExportLogsServiceRequest, ExportLogsServiceResponse } = root.opentelemetry.proto.collector.logs.v1;

jest.setTimeout(20_000);

function request(body: string): Buffer {
  return Buffer.from(ExportLogsServiceRequest.encode(ExportLogsServiceRequest.fromObject({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: body } }] }] }] })).finish());
}

const bodiesOf = (bytes: Buffer): string[] =>
  ExportLogsServiceRequest.decode(bytes).resourceLogs.flatMap((rl: { scopeLogs: { logRecords: { body: { stringValue: string } }[] }[] }) =>
    rl.scopeLogs.flatMap((sl) => sl.logRecords.map((r) => r.body.stringValue)),
  );

describe('OTLP exporter over TLS (GATEWAY_OTLP_EXPORT_CA_FILE, client certificate)', () => {
  let certs: TestCertificates;
  let tier: RunningClassifierServer;
  let gateway: RunningGateway | undefined;
  const received: string[] = [];

  beforeAll(async () => {
    certs = generateTestCertificates();
    tier = await startTier(new MarkerTier('regex'));
  });
  afterAll(() => tier.stop());
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    received.length = 0;
  });

  const post = (body: string) =>
    fetch(`http://127.0.0.1:${gateway?.otlpHttpPort}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: request(body) });

  async function start(env: Record<string, string>): Promise<void> {
    gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}', GATEWAY_OTLP_GRPC_PORT: '-1', GATEWAY_OTLP_HTTP_PORT: '0', ...env });
  }

  it('gRPC with mutual TLS: forwarded with the client certificate, refused (retryable) without it', async () => {
    const server = new Server();
    server.addService(
      {
        Export: {
          path: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
          requestStream: false,
          responseStream: false,
          requestDeserialize: (b: Buffer) => b,
          requestSerialize: (b: Buffer) => b,
          responseSerialize: () => Buffer.from(ExportLogsServiceResponse.encode({}).finish()),
          responseDeserialize: (b: Buffer) => b,
        },
      },
      { Export: (call: { request: Buffer }, cb: (e: null, r: object) => void) => (received.push(...bodiesOf(call.request)), cb(null, {})) },
    );
    const credentials = ServerCredentials.createSsl(readFileSync(certs.caCert), [{ cert_chain: readFileSync(certs.serverCert), private_key: readFileSync(certs.serverKey) }], true);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', credentials, (e, p) => (e ? reject(e) : resolve(p))));
    try {
      const base = { GATEWAY_OTLP_EXPORT_ENDPOINT: `https://127.0.0.1:${port}`, GATEWAY_OTLP_EXPORT_PROTOCOL: 'grpc', GATEWAY_OTLP_EXPORT_CA_FILE: certs.caCert, GATEWAY_OTLP_EXPORT_TIMEOUT_MS: '2000' };
      await start({ ...base, GATEWAY_OTLP_EXPORT_CLIENT_CERT_FILE: certs.clientCert, GATEWAY_OTLP_EXPORT_CLIENT_KEY_FILE: certs.clientKey });
      expect((await post('over mtls @regex')).status).toBe(200);
      expect(received).toEqual(['over mtls @regex']);
      await gateway?.stop();
      await start(base);
      expect((await post('no client cert')).status).toBe(503);
      expect(received).toEqual(['over mtls @regex']);
    } finally {
      server.forceShutdown();
    }
  });

  it('HTTPS (http/protobuf) trusting the configured CA', async () => {
    const server = https.createServer({ cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(...bodiesOf(Buffer.concat(chunks)));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from(ExportLogsServiceResponse.encode({}).finish()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await start({ GATEWAY_OTLP_EXPORT_ENDPOINT: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, GATEWAY_OTLP_EXPORT_PROTOCOL: 'http/protobuf', GATEWAY_OTLP_EXPORT_CA_FILE: certs.caCert });
      expect((await post('over https @regex')).status).toBe(200);
      expect(received).toEqual(['over https @regex']);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('half a client certificate is a configuration error at start', async () => {
    await expect(start({ GATEWAY_OTLP_EXPORT_ENDPOINT: 'https://127.0.0.1:1', GATEWAY_OTLP_EXPORT_CLIENT_CERT_FILE: certs.clientCert })).rejects.toThrow(/must be set together/);
  });
});
