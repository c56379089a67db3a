import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { startClassifierServer, type RunningClassifierServer } from './index';

describe('requests that are not protobuf', () => {
  let server: RunningClassifierServer;
  let client: Client;
  beforeAll(async () => {
    server = await startClassifierServer({ classifier: new MarkerTier('marker'), host: '127.0.0.1', port: 0, maxBatchSize: 10, maxBatchSizeSetting: 'X', maxInFlight: 2, maxQueued: 2, log: silentLogger() });
    client = new Client(server.address, credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.stop(100);
  });

  /** Sends raw bytes as the request of a unary method. */
  const raw = (method: string, bytes: Buffer) =>
    new Promise<{ code: number; details: string }>((resolve) => {
      client.makeUnaryRequest(`/logclass.v1.LogClassifier/${method}`, (b: Buffer) => b, (b: Buffer) => b, bytes, new Metadata(), (err: ServiceError | null) =>
        resolve({ code: err?.code ?? status.OK, details: err?.details ?? '' }),
      );
    });

  it('answers undecodable bytes with INVALID_ARGUMENT naming the method, not INTERNAL', async () => {
    // Field 1, wire type 2 (length-delimited) claiming 100 bytes that never come.
    const truncated = Buffer.from([0x0a, 0x64, 0x01]);
    for (const method of ['Classify', 'ClassifyBatch', 'Describe']) {
      expect(await raw(method, truncated)).toEqual({
        code: status.INVALID_ARGUMENT,
        details: `the request is not a valid protobuf message for /logclass.v1.LogClassifier/${method}`,
      });
    }
  });

  it('still answers well-formed requests', async () => {
    // ClassifyRequest{ record (1): LogRecord{ source (1): "s", log_message (2): "m" } }
    const fine = Buffer.from([0x0a, 0x06, 0x0a, 0x01, 0x73, 0x12, 0x01, 0x6d]);
    expect(await raw('Classify', fine)).toEqual({ code: status.OK, details: '' });
  });
});
