import { setting } from '@logclass/service-config';

const MiB = 1024 * 1024;

/** GATEWAY_OTLP_* settings of the OpenTelemetry logs receiver and its exporter (spread into gatewaySettings()). */
export function otlpSettings() {
  const port = (env: string, def: number, what: string) =>
    setting.int(env, def, `${what} listen port of the OTLP logs receiver; 0 = any free port, -1 = off.`, { min: -1, max: 65535 });
  return {
    otlpGrpcPort: port('GATEWAY_OTLP_GRPC_PORT', 4317, 'OTLP/gRPC (opentelemetry.proto.collector.logs.v1.LogsService/Export)'),
    otlpHttpPort: port('GATEWAY_OTLP_HTTP_PORT', 4318, 'OTLP/HTTP (POST /v1/logs, protobuf or JSON)'),
    otlpBodyFields: setting.list(
      'GATEWAY_OTLP_BODY_FIELD',
      ['message', 'log', 'msg'],
      'For a log record whose body is not a string: the keys tried in order, in a map body first, then in the record\'s attributes; the first string found is classified (comma-separated).',
    ),
    otlpSourceAttribute: setting.string('GATEWAY_OTLP_SOURCE_ATTRIBUTE', 'service.name', 'Resource attribute whose value is the record\'s source (routing); absent = empty source.'),
    otlpReason: setting.boolean('GATEWAY_OTLP_REASON', false, 'Also add the attribute logclass.reason (why the tier decided) to every forwarded record.'),
    otlpMaxRequestBytes: setting.int('GATEWAY_OTLP_MAX_REQUEST_BYTES', 8 * MiB, 'Largest OTLP export request, in bytes (after decompression); larger ones are refused (HTTP 413, gRPC RESOURCE_EXHAUSTED).', { min: 1024 }),
    otlpMaxInFlight: setting.int(
      'GATEWAY_OTLP_MAX_IN_FLIGHT',
      8,
      'OTLP export requests handled at once (classified, then waiting for the downstream); more are refused as retryable (HTTP 429, gRPC RESOURCE_EXHAUSTED), so memory stays bounded by this x GATEWAY_OTLP_MAX_REQUEST_BYTES.',
      { min: 1, max: 10_000 },
    ),
    otlpRetryAfterSeconds: setting.int('GATEWAY_OTLP_RETRY_AFTER_SECONDS', 2, 'Seconds a refused sender is told to wait (HTTP Retry-After, gRPC RetryInfo) when the gateway is full or the downstream down; a longer Retry-After of the downstream is passed on.', { min: 0, max: 3600 }),
    otlpExportEndpoint: setting.optionalString(
      'GATEWAY_OTLP_EXPORT_ENDPOINT',
      'Downstream OTLP endpoint the enriched records are forwarded to (like OTEL_EXPORTER_OTLP_ENDPOINT): http(s)://host:port; for http/* a URL without a path gets /v1/logs. Unset = classify and count only, nothing is forwarded.',
    ),
    otlpExportProtocol: setting.oneOf(
      'GATEWAY_OTLP_EXPORT_PROTOCOL',
      ['grpc', 'http/protobuf', 'http/json'] as const,
      'grpc',
      'Protocol of the downstream (like OTEL_EXPORTER_OTLP_PROTOCOL).',
    ),
    otlpExportHeaders: setting.custom(
      'GATEWAY_OTLP_EXPORT_HEADERS',
      '',
      'Headers (gRPC metadata) sent downstream as key=value pairs, comma-separated, values URL-encoded (like OTEL_EXPORTER_OTLP_HEADERS).',
      parseOtlpHeaders,
      { secret: true },
    ),
    otlpExportTimeoutMs: setting.int('GATEWAY_OTLP_EXPORT_TIMEOUT_MS', 10_000, 'Deadline of one downstream export (like OTEL_EXPORTER_OTLP_TIMEOUT); past it the sender gets a retryable answer.', { min: 1, max: 600_000 }),
    otlpExportCaFile: setting.optionalString('GATEWAY_OTLP_EXPORT_CA_FILE', 'PEM CA that signed the downstream\'s certificate (like OTEL_EXPORTER_OTLP_CERTIFICATE); https:// endpoints otherwise use the system CAs.'),
    otlpExportClientCertFile: setting.optionalString('GATEWAY_OTLP_EXPORT_CLIENT_CERT_FILE', 'PEM client certificate for a downstream that requires mutual TLS (like OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE).'),
    otlpExportClientKeyFile: setting.optionalString('GATEWAY_OTLP_EXPORT_CLIENT_KEY_FILE', 'PEM key of the client certificate (like OTEL_EXPORTER_OTLP_CLIENT_KEY).'),
  };
}

/** `k1=v1,k2=v2` with URL-encoded values, as the OTEL_EXPORTER_OTLP_HEADERS convention has it. */
export function parseOtlpHeaders(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  raw.split(',').forEach((pair, i) => {
    if (!pair.trim()) return;
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim().toLowerCase();
    // Never the item itself in the message: it may be a token.
    if (eq <= 0 || !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) throw new Error(`item ${i + 1} is not key=value with a valid header name`);
    headers[key] = decodeURIComponent(pair.slice(eq + 1).trim());
  });
  return headers;
}
