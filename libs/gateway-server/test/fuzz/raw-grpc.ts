import { credentials, makeGenericClientConstructor, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';

const identity = (b: Buffer) => b;
const method = (name: string, stream: boolean) => ({
  path: `/logclass.v1.LogClassifier/${name}`,
  requestStream: stream,
  responseStream: stream,
  requestSerialize: identity,
  requestDeserialize: identity,
  responseSerialize: identity,
  responseDeserialize: identity,
});

/** The contract's methods with bytes in and bytes out: what a fuzzer needs to send anything at all. */
const RawClient = makeGenericClientConstructor(
  {
    Classify: method('Classify', false),
    ClassifyBatch: method('ClassifyBatch', false),
    Describe: method('Describe', false),
    ClassifyStream: method('ClassifyStream', true),
  },
  'logclass.v1.LogClassifier',
);

export type RawMethod = 'Classify' | 'ClassifyBatch' | 'Describe' | 'ClassifyStream';
export const RAW_METHODS: readonly RawMethod[] = ['Classify', 'ClassifyBatch', 'Describe', 'ClassifyStream'];

/** How a call ended: a status code and its details (0 = OK). */
export interface RawOutcome {
  code: number;
  details: string;
}

type Unary = (req: Buffer, md: Metadata, opts: { deadline: number }, cb: (err: ServiceError | null) => void) => void;
type Duplex = (md: Metadata, opts: { deadline: number }) => NodeJS.ReadWriteStream & { on(e: 'status', cb: (s: RawOutcome) => void): unknown };

export class RawGrpc {
  private readonly client: Client;

  constructor(address: string) {
    this.client = new RawClient(address, credentials.createInsecure());
  }

  /** Sends the messages (one for unary methods) and resolves with the final status; never rejects. */
  call(name: RawMethod, messages: Buffer[], timeoutMs: number): Promise<RawOutcome> {
    const deadline = Date.now() + timeoutMs;
    const fns = this.client as unknown as Record<RawMethod, Unary | Duplex>;
    return new Promise((resolve) => {
      if (name !== 'ClassifyStream') {
        (fns[name] as Unary).call(this.client, messages[0], new Metadata(), { deadline }, (err) =>
          resolve(err ? { code: err.code, details: err.details } : { code: 0, details: '' }),
        );
        return;
      }
      const call = (fns.ClassifyStream as Duplex).call(this.client, new Metadata(), { deadline });
      call.on('data', () => undefined);
      call.on('error', () => undefined);
      call.on('status', (s: RawOutcome) => resolve({ code: s.code, details: s.details }));
      for (const m of messages) call.write(m);
      call.end();
    });
  }

  close(): void {
    this.client.close();
  }
}
