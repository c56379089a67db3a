import { credentials, Server, ServerCredentials, status, type ServiceError } from '@grpc/grpc-js';
import { invalidArgument, LogclassError } from '@logclass/classifier';
import { LogClassifierClient, LogClassifierService, type ClassifyStreamRequest, type ClassifyStreamResponse, type LogClassifierServer } from '@logclass/contract';
import { batchStreamMethod, unaryMethod } from './grpc-js-calls';
import type { Handler } from './handler';

/** A real grpc-js server whose methods are the adapters around the given handlers. */
async function serve(stream: { open: Handler<void, void>; message: Handler<ClassifyStreamRequest, ClassifyStreamResponse>; window: number }) {
  const server = new Server();
  const service: LogClassifierServer = {
    classify: unaryMethod('Classify', async ({ record }) => {
      if (record?.logMessage === 'boom') throw new Error('ENOENT /etc/secret');
      if (!record) throw invalidArgument('record is required');
      return { result: undefined };
    }),
    classifyBatch: unaryMethod('ClassifyBatch', async () => ({ results: [] })),
    classifyStream: batchStreamMethod('ClassifyStream', stream),
    describe: unaryMethod('Describe', async () => ({ tier: 't', labels: [], model: '', maxBatchSize: 1 })),
  };
  server.addService(LogClassifierService, service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  const client = new LogClassifierClient(`127.0.0.1:${port}`, credentials.createInsecure());
  return { client, close: () => (client.close(), server.forceShutdown()) };
}

/** Sends `n` stream messages and collects the answers and the final status. */
function streamOf(client: InstanceType<typeof LogClassifierClient>, n: number) {
  const call = client.classifyStream();
  const answers: number[] = [];
  const ended = new Promise<{ code: number; details: string }>((resolve) => {
    call.on('data', (r: ClassifyStreamResponse) => answers.push(r.sequence));
    call.on('end', () => resolve({ code: status.OK, details: '' }));
    call.on('error', (e: ServiceError) => resolve({ code: e.code, details: e.details }));
  });
  for (let i = 0; i < n; i++) call.write({ sequence: i, records: [] });
  call.end();
  return { answers, ended };
}

describe('grpc-js adapters', () => {
  it('answers a unary call with what the handler returns or its error as a status that leaks nothing', async () => {
    const { client, close } = await serve({ open: async () => undefined, message: async (r) => ({ sequence: r.sequence, results: [] }), window: 2 });
    const unary = (req: object) =>
      new Promise<{ code: number; details: string }>((resolve) =>
        client.classify(req, (e: ServiceError | null) => resolve({ code: e?.code ?? status.OK, details: e?.details ?? '' })),
      );
    try {
      expect(await unary({ record: { source: '', logMessage: 'x' } })).toEqual({ code: status.OK, details: '' });
      expect(await unary({})).toEqual({ code: status.INVALID_ARGUMENT, details: 'record is required' });
      expect(await unary({ record: { source: '', logMessage: 'boom' } })).toEqual({ code: status.INTERNAL, details: 'internal error' });
    } finally {
      close();
    }
  });

  it('answers every stream message, at most `window` at a time, and ends the stream when the caller has', async () => {
    let running = 0;
    let peak = 0;
    const { client, close } = await serve({
      open: async () => undefined,
      message: async (r) => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return { sequence: r.sequence, results: [] };
      },
      window: 2,
    });
    try {
      const { answers, ended } = streamOf(client, 8);
      expect(await ended).toEqual({ code: status.OK, details: '' });
      expect([...answers].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(peak).toBe(2);
    } finally {
      close();
    }
  });

  it('ends a stream with the status of a refused opening, answering none of it, or of its first failed message', async () => {
    const refused = await serve({
      open: async () => Promise.reject(new LogclassError('UNAUTHENTICATED', 'missing or invalid API key')),
      message: async (r) => ({ sequence: r.sequence, results: [] }),
      window: 4,
    });
    try {
      const { answers, ended } = streamOf(refused.client, 3);
      expect(await ended).toEqual({ code: status.UNAUTHENTICATED, details: 'missing or invalid API key' });
      expect(answers).toEqual([]);
    } finally {
      refused.close();
    }
    const failing = await serve({
      open: async () => undefined,
      message: async (r) => {
        if (r.sequence === 1) throw invalidArgument('batch 1 is bad');
        return { sequence: r.sequence, results: [] };
      },
      window: 1,
    });
    try {
      const { answers, ended } = streamOf(failing.client, 3);
      expect(await ended).toEqual({ code: status.INVALID_ARGUMENT, details: 'batch 1 is bad' });
      expect(answers).toEqual([0]);
    } finally {
      failing.close();
    }
  });
});
