import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Metadata, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { LogClassifierClient, type ClassifyStreamResponse, type LogRecord } from '@logclass/contract';
import { stringify } from 'csv-stringify/sync';

/** How a load generator reaches the gateway: plaintext or TLS, with or without an API key. */
export interface GatewayAccess {
  httpUrl: string;
  grpcAddress: string;
  grpcCredentials: ChannelCredentials;
  /** Sent as x-api-key on every REST and gRPC request. */
  apiKey?: string;
  /** CA of the REST API's certificate, when it is HTTPS. */
  httpsCa?: Buffer;
}

export type RequestKind = 'csv' | 'json' | 'unary' | 'batch' | 'stream';
export const REQUEST_KINDS: readonly RequestKind[] = ['csv', 'json', 'unary', 'batch', 'stream'];

/** Records per request of each kind: a realistic mix of one-line calls and bulk uploads. */
export const ROWS_PER_REQUEST: Record<RequestKind, number> = { csv: 2000, json: 100, unary: 1, batch: 500, stream: 1000 };
const STREAM_MESSAGES = 4;

/** POST over http(s) with a body in memory; resolves with status and body text. */
function post(access: GatewayAccess, path: string, body: Buffer, contentType: string): Promise<{ status: number; text: string }> {
  const url = new URL(path, access.httpUrl);
  const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': body.length };
  if (access.apiKey) headers['x-api-key'] = access.apiKey;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, ca: access.httpsCa, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })).on('error', reject);
    });
    req.on('error', reject).end(body);
  });
}

/**
 * One client of each API against one gateway. `run(kind)` sends one request
 * of that kind and resolves with the rows classified; it rejects on any
 * error (a non-200, a gRPC status, a wrong row count), which a soak counts.
 */
export class MixedLoad {
  private readonly client: InstanceType<typeof LogClassifierClient>;
  private readonly csv: Buffer;
  private readonly json: Buffer;
  private next = 0;

  constructor(
    private readonly access: GatewayAccess,
    private readonly records: readonly LogRecord[],
  ) {
    this.client = new LogClassifierClient(access.grpcAddress, access.grpcCredentials, { 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
    this.csv = Buffer.from(stringify([['source', 'log_message'], ...this.take(ROWS_PER_REQUEST.csv).map((r) => [r.source, r.logMessage])]));
    this.json = Buffer.from(JSON.stringify(this.take(ROWS_PER_REQUEST.json).map((r) => ({ source: r.source, log_message: r.logMessage }))));
  }

  /** The next n records of the pool, wrapping around. */
  private take(n: number): LogRecord[] {
    const out: LogRecord[] = [];
    for (let i = 0; i < n; i++) out.push(this.records[this.next++ % this.records.length]);
    return out;
  }

  private metadata(): Metadata {
    const md = new Metadata();
    if (this.access.apiKey) md.set('x-api-key', this.access.apiKey);
    return md;
  }

  async run(kind: RequestKind): Promise<number> {
    switch (kind) {
      case 'csv': {
        const { status, text } = await post(this.access, '/classify', this.csv, 'text/csv');
        const rows = text.split('\n').length - 2;
        if (status !== 200 || rows !== ROWS_PER_REQUEST.csv) throw new Error(`csv: HTTP ${status}, ${rows} rows ${text.slice(0, 200)}`);
        return rows;
      }
      case 'json': {
        const { status, text } = await post(this.access, '/classify/json', this.json, 'application/json');
        if (status !== 200) throw new Error(`json: HTTP ${status} ${text.slice(0, 200)}`);
        return (JSON.parse(text) as unknown[]).length;
      }
      case 'unary':
        return new Promise((resolve, reject) =>
          this.client.classify({ record: this.take(1)[0] }, this.metadata(), { deadline: Date.now() + 30_000 }, (err: ServiceError | null) => (err ? reject(err) : resolve(1))),
        );
      case 'batch': {
        const records = this.take(ROWS_PER_REQUEST.batch);
        return new Promise((resolve, reject) =>
          this.client.classifyBatch({ records }, this.metadata(), { deadline: Date.now() + 60_000 }, (err: ServiceError | null, res) =>
            err ? reject(err) : res.results.length === records.length ? resolve(records.length) : reject(new Error('batch: wrong result count')),
          ),
        );
      }
      case 'stream': {
        const call = this.client.classifyStream(this.metadata(), { deadline: Date.now() + 60_000 });
        let rows = 0;
        const done = new Promise<number>((resolve, reject) => {
          call.on('data', (r: ClassifyStreamResponse) => (rows += r.results.length));
          call.on('error', reject);
          call.on('end', () => (rows === ROWS_PER_REQUEST.stream ? resolve(rows) : reject(new Error(`stream: ${rows} rows`))));
        });
        const per = ROWS_PER_REQUEST.stream / STREAM_MESSAGES;
        for (let i = 0; i < STREAM_MESSAGES; i++) call.write({ sequence: i, records: this.take(per) });
        call.end();
        return done;
      }
    }
  }

  close(): void {
    this.client.close();
  }
}
