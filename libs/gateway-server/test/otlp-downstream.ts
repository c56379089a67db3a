import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';

// The official protos as the OpenTelemetry JS SDK compiles them: the stand-in decodes with them, not with the gateway's code.
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root');
const { ExportLogsServiceRequest, ExportLogsServiceResponse } = root.opentelemetry.proto.collector.logs.v1;

export interface ReceivedRecord {
  service: string;
  body: unknown;
  attributes: Record<string, unknown>;
  timeUnixNano: string;
  traceId: string;
}

/**
 * The next hop after the gateway: a real OTLP logs server (gRPC and
 * HTTP/protobuf and HTTP/JSON on one port each) that records what it
 * acknowledged. It can be stopped and started again on the same ports.
 */
export class OtlpDownstream {
  readonly received: ReceivedRecord[] = [];
  /** Requests answered, acknowledged or not. */
  requests = 0;
  grpcPort = 0;
  httpPort = 0;
  private grpc: Server | undefined;
  private http: http.Server | undefined;

  async start(): Promise<this> {
    const grpc = new Server();
    grpc.addService(
      {
        Export: {
          path: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
          requestStream: false,
          responseStream: false,
          requestDeserialize: (b: Buffer) => ExportLogsServiceRequest.decode(b),
          requestSerialize: (m: unknown) => Buffer.from(ExportLogsServiceRequest.encode(m).finish()),
          responseSerialize: (m: unknown) => Buffer.from(ExportLogsServiceResponse.encode(m).finish()),
          responseDeserialize: (b: Buffer) => ExportLogsServiceResponse.decode(b),
        },
      },
      {
        Export: (call: ServerUnaryCall<unknown, unknown>, cb: sendUnaryData<unknown>) => {
          this.requests++;
          this.record(ExportLogsServiceRequest.toObject(call.request, { longs: String, bytes: String }));
          cb(null, {});
        },
      },
    );
    this.grpcPort = await new Promise<number>((resolve, reject) =>
      grpc.bindAsync(`127.0.0.1:${this.grpcPort}`, ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    this.grpc = grpc;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        const body = Buffer.concat(chunks);
        if (req.headers['content-type'] === 'application/json') {
          const doc = JSON.parse(body.toString('utf8'));
          // OTLP/JSON ids are hex: make them the base64 the decoder's object form uses, to compare both paths alike.
          for (const rl of doc.resourceLogs ?? []) for (const sl of rl.scopeLogs ?? []) for (const r of sl.logRecords ?? []) if (r.traceId) r.traceId = Buffer.from(r.traceId, 'hex').toString('base64');
          this.record(ExportLogsServiceRequest.toObject(ExportLogsServiceRequest.fromObject(doc), { longs: String, bytes: String }));
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else {
          this.record(ExportLogsServiceRequest.toObject(ExportLogsServiceRequest.decode(body), { longs: String, bytes: String }));
          res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from(ExportLogsServiceResponse.encode({}).finish()));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(this.httpPort, '127.0.0.1', resolve));
    this.httpPort = (server.address() as AddressInfo).port;
    this.http = server;
    return this;
  }

  async stop(): Promise<void> {
    this.grpc?.forceShutdown();
    this.http?.closeAllConnections();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    this.grpc = undefined;
    this.http = undefined;
  }

  private record(request: { resourceLogs?: { resource?: { attributes?: KV[] }; scopeLogs?: { logRecords?: Rec[] }[] }[] }): void {
    for (const rl of request.resourceLogs ?? []) {
      const service = String(valueOf(rl.resource?.attributes?.find((a) => a.key === 'service.name')?.value) ?? '');
      for (const sl of rl.scopeLogs ?? []) {
        for (const r of sl.logRecords ?? []) {
          this.received.push({
            service,
            body: valueOf(r.body),
            attributes: Object.fromEntries((r.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
            timeUnixNano: String(r.timeUnixNano ?? ''),
            traceId: r.traceId ? Buffer.from(r.traceId, 'base64').toString('hex') : '',
          });
        }
      }
    }
  }
}

interface KV {
  key: string;
  value?: Any;
}
interface Any {
  stringValue?: string;
  intValue?: string;
  doubleValue?: number;
  boolValue?: boolean;
  kvlistValue?: { values?: KV[] };
}
interface Rec {
  body?: Any;
  attributes?: KV[];
  timeUnixNano?: string;
  traceId?: string;
}

function valueOf(v: Any | undefined): unknown {
  if (!v) return undefined;
  if (v.kvlistValue) return Object.fromEntries((v.kvlistValue.values ?? []).map((kv) => [kv.key, valueOf(kv.value)]));
  return v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
}

export { status as grpcStatus };
