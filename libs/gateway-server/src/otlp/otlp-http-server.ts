import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { presentedApiKey } from '@logclass/grpc-server';
import type { Logger } from '@logclass/observability';
import type { CallerGate } from '../security/caller-gate';
import { passGate } from './gate-refusal';
import { requestFromJson, responseToJson } from './otlp-json';
import type { OtlpMetrics } from './otlp-metrics';
import type { OtlpPipeline, ReceiveOutcome } from './otlp-pipeline';
import { ExportLogsServiceRequest, ExportLogsServiceResponse, type ExportLogsRequest } from './otlp-proto';
import { RejectedRecords } from './rejected-records';
import { encodeRpcStatus, rpcStatusJson, type StatusName } from './rpc-status';

export interface OtlpHttpOptions {
  host: string;
  port: number;
  maxRequestBytes: number;
  /** Served over HTTPS with the REST API's certificate when it has one. */
  https: { cert: Buffer; key: Buffer } | undefined;
  pipeline: OtlpPipeline;
  gate: CallerGate;
  metrics: OtlpMetrics;
  log: Logger;
}

type BodyFormat = 'protobuf' | 'json';

class TooLarge extends Error {}

const BODY_TIMEOUT_MS = 30_000;

/** POST /v1/logs, protobuf or JSON, identity/gzip/deflate; resolves once listening. */
export async function startOtlpHttp(opts: OtlpHttpOptions): Promise<{ server: http.Server; port: number }> {
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void handle(opts, req, res);
  // A sender holds a slot while its body arrives: one that trickles or stalls loses it after BODY_TIMEOUT_MS instead of keeping the gateway full.
  const limits = { requestTimeout: BODY_TIMEOUT_MS, headersTimeout: Math.min(BODY_TIMEOUT_MS, 10_000) };
  const server = opts.https ? https.createServer({ ...limits, cert: opts.https.cert, key: opts.https.key }, handler) : http.createServer(limits, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

function formatOf(contentType: string | undefined): BodyFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

async function handle(opts: OtlpHttpOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/v1/logs') return plain(req, res, 404, 'not found: OTLP logs are POSTed to /v1/logs');
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return plain(req, res, 405, 'method not allowed: POST /v1/logs');
  }
  const format = formatOf(req.headers['content-type']);
  if (!format) return plain(req, res, 415, 'unsupported content type: send application/x-protobuf or application/json');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (!['identity', 'gzip', 'deflate'].includes(encoding)) return plain(req, res, 415, `unsupported content encoding ${JSON.stringify(encoding)}: send gzip, deflate or none`);

  const outcome = await receive(opts, req, format, encoding).catch((err: unknown): ReceiveOutcome => {
    // A fault of ours: the sender keeps the batch and tries again.
    opts.log.error({ err: (err as Error).message }, 'OTLP/HTTP request failed');
    return { kind: 'unavailable', message: 'internal error', retryAfterSeconds: 1 };
  });
  opts.metrics.requests.inc({ transport: 'http', result: outcome.kind === 'ok' && outcome.rejected > 0 ? 'partial' : outcome.kind });
  // Shutting down: the sender's keep-alive connection ends with this answer instead of holding the close up.
  if (opts.pipeline.isStopping) res.setHeader('connection', 'close');
  answer(req, res, format, outcome);
}

async function receive(opts: OtlpHttpOptions, req: http.IncomingMessage, format: BodyFormat, encoding: string): Promise<ReceiveOutcome> {
  const header = (name: string) => [req.headers[name]].flat()[0];
  const refusedByGate = passGate(opts.gate, { apiKey: presentedApiKey(header('x-api-key'), header('authorization')), address: req.socket.remoteAddress, what: 'OTLP POST /v1/logs' });
  if (refusedByGate) return refusedByGate;
  // Refused before the body is read: a full gateway holds no more bodies in memory.
  const refused = opts.pipeline.admit();
  if (refused) return refused;
  try {
    let body: Buffer;
    try {
      body = await readBody(req, encoding, opts.maxRequestBytes);
    } catch (err) {
      if (err instanceof TooLarge) return { kind: 'too-large', message: `the request exceeds ${opts.maxRequestBytes} bytes (GATEWAY_OTLP_MAX_REQUEST_BYTES)` };
      return { kind: 'invalid', message: `the body could not be read (${(err as Error).message})` };
    }
    const rejected = new RejectedRecords();
    let request: ExportLogsRequest;
    try {
      request = format === 'json' ? requestFromJson(body.toString('utf8'), rejected) : ExportLogsServiceRequest.decode(body);
    } catch (err) {
      return { kind: 'invalid', message: `not an ExportLogsServiceRequest: ${(err as Error).message}` };
    }
    return await opts.pipeline.process(request, rejected, 'http');
  } finally {
    opts.pipeline.release();
  }
}

/** The whole body, decompressed, at most `limit` bytes. */
function readBody(req: http.IncomingMessage, encoding: string, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (encoding === 'identity' && Number.isFinite(declared) && declared > limit) return Promise.reject(new TooLarge());
  const stream: Readable = encoding === 'gzip' ? req.pipe(createGunzip()) : encoding === 'deflate' ? req.pipe(createInflate()) : req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', reject);
    req.on('error', reject);
    // A sender that hangs up (or outlasts the request timeout) mid-body: no 'end' will come, and the slot must be freed.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the sender closed the connection before the body ended'));
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const HTTP_STATUS: Record<Exclude<ReceiveOutcome['kind'], 'ok'>, [number, StatusName]> = {
  invalid: [400, 'INVALID_ARGUMENT'],
  'too-large': [413, 'RESOURCE_EXHAUSTED'],
  unauthenticated: [401, 'UNAUTHENTICATED'],
  busy: [429, 'RESOURCE_EXHAUSTED'],
  unavailable: [503, 'UNAVAILABLE'],
};

function answer(req: http.IncomingMessage, res: http.ServerResponse, format: BodyFormat, outcome: ReceiveOutcome): void {
  const contentType = format === 'json' ? 'application/json' : 'application/x-protobuf';
  if (outcome.kind === 'ok') {
    const body =
      format === 'json'
        ? responseToJson(outcome.rejected, outcome.message)
        : Buffer.from(ExportLogsServiceResponse.encode(outcome.rejected > 0 || outcome.message ? { partialSuccess: { rejectedLogRecords: outcome.rejected, errorMessage: outcome.message } } : {}).finish());
    return send(req, res, 200, contentType, body);
  }
  const [code, status] = HTTP_STATUS[outcome.kind];
  if (outcome.kind === 'busy' || outcome.kind === 'unavailable') res.setHeader('retry-after', String(outcome.retryAfterSeconds));
  send(req, res, code, contentType, format === 'json' ? rpcStatusJson(status, outcome.message) : encodeRpcStatus(status, outcome.message));
}

function plain(req: http.IncomingMessage, res: http.ServerResponse, code: number, message: string): void {
  send(req, res, code, 'text/plain; charset=utf-8', `${message}\n`);
}

function send(req: http.IncomingMessage, res: http.ServerResponse, code: number, contentType: string, body: string | Buffer): void {
  res.writeHead(code, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
  // A body left unread (refused early) is discarded as it arrives, never buffered.
  if (!req.readableEnded) req.resume();
}
