// A sender process: the OpenTelemetry JS SDK's LoggerProvider with one of its
// OTLP log exporters, as an application would run it. It runs outside Jest
// because the SDK's HTTP transport loads node:http with a dynamic import,
// which Jest's module sandbox refuses.
// argv[2]: JSON { protocol: grpc|http/protobuf|http/json, url, service, timeoutMillis, records: [{ body, attributes, timestamp }] }
// Prints one JSON line: { code } (0 = the batch was acknowledged).
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { LoggerProvider } = require('@opentelemetry/sdk-logs');

const args = JSON.parse(process.argv[2]);
const exporters = {
  grpc: () => require('@opentelemetry/exporter-logs-otlp-grpc'),
  'http/protobuf': () => require('@opentelemetry/exporter-logs-otlp-proto'),
  'http/json': () => require('@opentelemetry/exporter-logs-otlp-http'),
};
const { OTLPLogExporter } = exporters[args.protocol]();
const exporter = new OTLPLogExporter({ url: args.url, timeoutMillis: args.timeoutMillis });

// The batch processor would hide the export result: collect the records, then export them as one batch ourselves.
const captured = [];
const provider = new LoggerProvider({
  resource: resourceFromAttributes({ 'service.name': args.service }),
  processors: [{ onEmit: (record) => captured.push(record), forceFlush: async () => {}, shutdown: async () => {} }],
});
const logger = provider.getLogger('sender', '1.0.0');
for (const r of args.records) logger.emit({ body: r.body, attributes: r.attributes, timestamp: r.timestamp, severityNumber: 9, severityText: 'INFO' });
exporter.export(captured, (result) => {
  process.stdout.write(`${JSON.stringify({ code: result.code, error: result.error ? String(result.error.message) : undefined })}\n`);
  exporter.shutdown().finally(() => process.exit(0));
});
