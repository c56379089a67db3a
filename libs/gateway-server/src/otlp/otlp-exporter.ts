import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { credentials, Client, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { ConfigError } from '@logclass/service-config';
import { rejectedFromJson, requestToJson } from './otlp-json';
import { EXPORT_LOGS_PATH, ExportLogsServiceRequest, ExportLogsServiceResponse, int64ToNumber, type ExportLogsRequest } from './otlp-proto';

/**
 * What the downstream made of a batch. `retry`: it did not take it (down,
 * slow, overloaded, refusing our credentials), so the sender must keep it;
 * `refused`: it says the data itself is invalid, which no retry changes.
 * Reasons are fixed categories: /readyz shows them, and the raw errors name
 * internal hosts.
 */
export type ExportOutcome =
  | { kind: 'accepted'; rejected: number; message: string }
  | { kind: 'retry'; reason: string; retryAfterSeconds?: number }
  | { kind: 'refused'; reason: string };

export type OtlpExportProtocol = 'grpc' | 'http/protobuf' | 'http/json';

export interface OtlpExporterOptions {
  endpoint: string;
  protocol: OtlpExportProtocol;
  headers: Record<string, string>;
  timeoutMs: number;
  caFile?: string;
  clientCertFile?: string;
  clientKeyFile?: string;
}

export interface OtlpExporter {
  export(request: ExportLogsRequest): Promise<ExportOutcome>;
  close(): void;
}

/** The client of the next hop, for the protocol configured. */
export function otlpExporter(opts: OtlpExporterOptions): OtlpExporter {
  const tls = tlsFiles(opts);
  return opts.protocol === 'grpc' ? grpcExporter(opts, tls) : httpExporter(opts, tls);
}

interface TlsFiles {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

function tlsFiles(opts: OtlpExporterOptions): TlsFiles {
  if (Boolean(opts.clientCertFile) !== Boolean(opts.clientKeyFile)) {
    throw new ConfigError('gateway', ['GATEWAY_OTLP_EXPORT_CLIENT_CERT_FILE and GATEWAY_OTLP_EXPORT_CLIENT_KEY_FILE must be set together']);
  }
  const read = (env: string, path: string | undefined) => {
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (err) {
      throw new ConfigError('gateway', [`${env}=${JSON.stringify(path)}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
  };
  return {
    ca: read('GATEWAY_OTLP_EXPORT_CA_FILE', opts.caFile),
    cert: read('GATEWAY_OTLP_EXPORT_CLIENT_CERT_FILE', opts.clientCertFile),
    key: read('GATEWAY_OTLP_EXPORT_CLIENT_KEY_FILE', opts.clientKeyFile),
  };
}

function endpointUrl(endpoint: string, protocol: OtlpExportProtocol): URL {
  // gRPC endpoints are often written host:port; OTLP's convention reads those as plain-text http.
  const withScheme = protocol === 'grpc' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? `http://${endpoint}` : endpoint;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError('gateway', [`GATEWAY_OTLP_EXPORT_ENDPOINT=${JSON.stringify(endpoint)}: expected http(s)://host:port`]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('gateway', [`GATEWAY_OTLP_EXPORT_ENDPOINT=${JSON.stringify(endpoint)}: expected http:// or https://`]);
  }
  return url;
}

/** Codes OTLP calls retryable, and every code that means "not taken, for a reason that is not the data": only INVALID_ARGUMENT is final. */
function grpcOutcome(err: ServiceError): ExportOutcome {
  const name = GrpcStatus[err.code] ?? String(err.code);
  if (err.code === GrpcStatus.INVALID_ARGUMENT) return { kind: 'refused', reason: `downstream answered gRPC ${name}` };
  return { kind: 'retry', reason: err.code === GrpcStatus.DEADLINE_EXCEEDED ? 'downstream timed out' : `downstream answered gRPC ${name}` };
}

function grpcExporter(opts: OtlpExporterOptions, tls: TlsFiles): OtlpExporter {
  const url = endpointUrl(opts.endpoint, 'grpc');
  // The scheme alone decides, as for the HTTP protocols: https:// is TLS (system CAs unless a CA file is given).
  const secure = url.protocol === 'https:';
  const port = url.port || (secure ? '443' : '80');
  const channel = secure ? credentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null) : credentials.createInsecure();
  const client = new Client(`${url.hostname}:${port}`, channel, {
    'grpc.max_send_message_length': -1,
    'grpc.max_receive_message_length': -1,
    // A downstream back after a long outage is found within seconds (grpc-js would otherwise back off up to two minutes).
    'grpc.max_reconnect_backoff_ms': 5000,
  });
  const metadata = new Metadata();
  for (const [k, v] of Object.entries(opts.headers)) metadata.set(k, v);
  return {
    export: (request) =>
      new Promise((resolve) => {
        client.makeUnaryRequest(
          EXPORT_LOGS_PATH,
          (r: ExportLogsRequest) => Buffer.from(ExportLogsServiceRequest.encode(r).finish()),
          (b: Buffer) => ExportLogsServiceResponse.decode(b),
          request,
          metadata.clone(),
          { deadline: Date.now() + opts.timeoutMs },
          (err, response) => {
            if (err) return resolve(grpcOutcome(err));
            const partial = response?.partialSuccess;
            resolve({ kind: 'accepted', rejected: int64ToNumber(partial?.rejectedLogRecords), message: partial?.errorMessage ?? '' });
          },
        );
      }),
    close: () => client.close(),
  };
}

const RETRYABLE_HTTP = new Set([429, 502, 503, 504]);

function httpExporter(opts: OtlpExporterOptions, tls: TlsFiles): OtlpExporter {
  const url = endpointUrl(opts.endpoint, opts.protocol);
  // OTEL_EXPORTER_OTLP_ENDPOINT style: a bare base URL gets the signal's path.
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1/logs';
  const json = opts.protocol === 'http/json';
  const secure = url.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true, ca: tls.ca, cert: tls.cert, key: tls.key }) : new http.Agent({ keepAlive: true });
  const send = secure ? https.request : http.request;
  return {
    export: (request) =>
      new Promise((resolve) => {
        const body = json ? Buffer.from(requestToJson(request)) : Buffer.from(ExportLogsServiceRequest.encode(request).finish());
        let settled = false;
        const done = (outcome: ExportOutcome) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
        };
        const req = send(url, {
          method: 'POST',
          agent,
          headers: { ...opts.headers, 'content-type': json ? 'application/json' : 'application/x-protobuf', 'content-length': body.length },
        });
        const timer = setTimeout(() => {
          done({ kind: 'retry', reason: 'downstream timed out' });
          req.destroy();
        }, opts.timeoutMs);
        req.on('error', (err: NodeJS.ErrnoException) => done({ kind: 'retry', reason: `cannot reach downstream (${err.code ?? 'error'})` }));
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', () => done({ kind: 'retry', reason: 'downstream answer cut off' }));
          res.on('end', () => {
            const code = res.statusCode ?? 0;
            const text = Buffer.concat(chunks);
            if (code >= 200 && code < 300) {
              const answer = json ? rejectedFromJson(text.toString('utf8')) : protobufRejected(text);
              return done({ kind: 'accepted', rejected: answer.rejected, message: answer.message });
            }
            if (code === 400) return done({ kind: 'refused', reason: 'downstream answered HTTP 400' });
            const retryAfter = Number(res.headers['retry-after']);
            done({
              kind: 'retry',
              reason: `downstream answered HTTP ${code}${RETRYABLE_HTTP.has(code) ? '' : ' (treated as retryable: not a verdict on the data)'}`,
              ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
            });
          });
        });
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

function protobufRejected(body: Buffer): { rejected: number; message: string } {
  try {
    const partial = ExportLogsServiceResponse.decode(body).partialSuccess;
    return { rejected: int64ToNumber(partial?.rejectedLogRecords), message: partial?.errorMessage ?? '' };
  } catch {
    // A 2xx with an unreadable body still acknowledged the batch.
    return { rejected: 0, message: '' };
  }
}
