import { Client, credentials, Metadata, status, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { ClassifyStreamRequest, ClassifyStreamResponse, type Classification, type LogRecord } from '@logclass/contract';
import { abstained, decided, type Classifier } from '@logclass/classifier';
import { silentLogger } from '@logclass/observability';
import { startClassifierServer, type RunningClassifierServer } from './index';

/**
 * Answers as the tiers do: one frozen object per answer for most rows (whose
 * encoding the server keeps), a fresh object with the row's template for some,
 * and what it was sent, so the test can see how the server read the request.
 */
class EchoTier implements Classifier {
  readonly tier = 'echo';
  readonly seen: LogRecord[][] = [];
  private readonly rule = Object.freeze(decided('echo', 'Security Alert', 1, 'rule é'));
  private readonly none = Object.freeze(abstained('echo', 'no rule matched'));
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    this.seen.push([...records]);
    return records.map((r) =>
      r.template !== undefined ? { ...this.none, template: r.template, bestGuess: 'User Action', confidence: 0.25 } : r.logMessage.includes('fail') ? this.rule : this.none,
    );
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'echo', maxBatchSize: 100 };
  }
}

describe('ClassifyStream on the server, decoded and encoded by the stream codec', () => {
  let server: RunningClassifierServer;
  let client: Client;
  const tier = new EchoTier();
  beforeAll(async () => {
    server = await startClassifierServer({ classifier: tier, host: '127.0.0.1', port: 0, maxBatchSize: 100, maxBatchSizeSetting: 'X', maxInFlight: 2, maxQueued: 2, log: silentLogger() });
    client = new Client(server.address, credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await server.stop(100);
  });

  /** A stream whose messages go and come as raw bytes. */
  const rawStream = (): ClientDuplexStream<Buffer, Buffer> =>
    client.makeBidiStreamRequest('/logclass.v1.LogClassifier/ClassifyStream', (b: Buffer) => b, (b: Buffer) => b, new Metadata());

  it('reads requests as ts-proto does and answers the bytes ts-proto writes, shared answers again and again', async () => {
    const records: LogRecord[] = [
      { source: 'sshd', logMessage: 'login fail for root' },
      { source: 'app', logMessage: 'all good 😀' },
      { source: 'app', logMessage: 'fail again' },
      { source: '\ufeffbom', logMessage: 'carried', template: 'carried <*>' },
      { source: '', logMessage: '' },
    ];
    const call = rawStream();
    const answers: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      call.on('data', (b: Buffer) => answers.push(b));
      call.on('end', resolve);
      call.on('error', reject);
    });
    for (const sequence of [1, 2]) call.write(Buffer.from(ClassifyStreamRequest.encode({ sequence, records, options: { includeTemplate: false } }).finish()));
    call.end();
    await done;

    const sent = ClassifyStreamRequest.decode(ClassifyStreamRequest.encode({ sequence: 1, records }).finish()).records;
    expect(tier.seen).toStrictEqual([sent, sent]);
    const results = await tier.classify(sent);
    for (const bytes of answers) {
      const sequence = ClassifyStreamResponse.decode(bytes).sequence;
      expect(bytes.equals(Buffer.from(ClassifyStreamResponse.encode({ sequence, results }).finish()))).toBe(true);
    }
    expect(answers.map((b) => ClassifyStreamResponse.decode(b).sequence).sort()).toEqual([1, 2]);
  });

  it('refuses a stream message that is not protobuf with INVALID_ARGUMENT', async () => {
    const call = rawStream();
    const err = await new Promise<ServiceError>((resolve) => {
      call.on('data', () => undefined);
      call.on('error', resolve);
      // Field 2 (records), length-delimited, claiming 100 bytes that never come.
      call.write(Buffer.from([0x12, 0x64, 0x01]));
    });
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toBe('the request is not a valid protobuf message for /logclass.v1.LogClassifier/ClassifyStream');
  });
});
