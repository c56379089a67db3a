import { breakerSettings, DEFAULT_BATCH_SIZE, DEFAULT_BREAKER_SETTINGS, DEFAULT_MAX_BATCHES_IN_FLIGHT, DEFAULT_ROUTING } from '@logclass/cascade';
import { serverSettings, setting, type ConfigOf } from '@logclass/service-config';
import { feedbackSettings } from './http/feedback-settings';
import { reviewSettings } from './http/review-settings';
import { otlpSettings } from './otlp/otlp-settings';
import { parseTierList } from './tier-list';
import { securitySettings } from './security-settings';
import { templateSettings } from './templates/template-settings';

const MiB = 1024 * 1024;

/**
 * Every setting of the gateway (GATEWAY_*). apps/gateway/src/config.ts wraps
 * these in defineServiceConfig; tests load the same schema with their own env.
 */
export function gatewaySettings() {
  return {
    ...serverSettings('GATEWAY', 50050),
    // The same address serves both APIs; say so where operators read it.
    host: setting.string('GATEWAY_HOST', '127.0.0.1', 'Address the gRPC and REST servers bind to (0.0.0.0 in containers).'),
    httpPort: setting.port('GATEWAY_HTTP_PORT', 8080, 'REST listen port (CSV and JSON classification, /healthz, /readyz); 0 = any free port.'),
    tiers: setting.custom(
      'GATEWAY_TIERS',
      'regex=127.0.0.1:50051,embedding=127.0.0.1:50052,llm=127.0.0.1:50053',
      'Tiers in cascade order (cheapest first) as name=host:port, comma-separated; an address may be any gRPC target such as dns:///regex:50051.',
      parseTierList,
    ),
    routing: setting.string(
      'GATEWAY_ROUTING',
      DEFAULT_ROUTING,
      'JSON object from source to the tiers (in order) that classify it; "*" is the fallback, other sources use every tier.',
    ),
    tierBatchSize: setting.int(
      'GATEWAY_TIER_BATCH_SIZE',
      DEFAULT_BATCH_SIZE,
      'Most records per batch call to a tier (at most the tier\'s own MAX_BATCH_SIZE); rows of concurrent requests share calls.',
      { min: 1, max: 100_000 },
    ),
    tierBatchesInFlight: setting.int(
      'GATEWAY_TIER_BATCHES_IN_FLIGHT',
      DEFAULT_MAX_BATCHES_IN_FLIGHT,
      'Batch calls to one tier in flight at once, shared by all requests; rows wait in the gateway for a free call.',
      { min: 1, max: 1_000 },
    ),
    tierStreams: setting.int(
      'GATEWAY_TIER_STREAMS',
      2,
      'Long-lived ClassifyStreams per tier that carry the batch calls (each retired after 30 s so batches spread over new pods); 0 = one unary ClassifyBatch call per batch.',
      { min: 0, max: 64 },
    ),
    undecided: setting.oneOf(
      'GATEWAY_UNDECIDED',
      ['best-guess', 'unclassified'] as const,
      'best-guess',
      'Records no tier decided (every tier abstained or was unreachable, e.g. no LLM key): best-guess answers the embedding tier\'s top label below its threshold, outcome DECIDED, reason starting "best guess", confidence its probability; unclassified answers Unclassified.',
    ),
    ...breakerSettings('regex', DEFAULT_BREAKER_SETTINGS.regex),
    ...breakerSettings('embedding', DEFAULT_BREAKER_SETTINGS.embedding),
    ...breakerSettings('llm', DEFAULT_BREAKER_SETTINGS.llm),
    tierApiKey: setting.optionalString('GATEWAY_TIER_API_KEY', 'API key sent to the tiers (x-api-key), when they require one.', { secret: true }),
    tierTlsCaFile: setting.optionalString('GATEWAY_TIER_TLS_CA_FILE', 'PEM CA that signed the tiers\' certificates: when set, tiers are called over TLS.'),
    tierTlsCertFile: setting.optionalString('GATEWAY_TIER_TLS_CERT_FILE', 'PEM client certificate for tiers that require mutual TLS.'),
    tierTlsKeyFile: setting.optionalString('GATEWAY_TIER_TLS_KEY_FILE', 'PEM key of the client certificate.'),
    healthTimeoutMs: setting.int('GATEWAY_HEALTH_TIMEOUT_MS', 1000, 'Deadline of each tier health check made by GET /readyz.', { min: 1, max: 60_000 }),
    maxUploadBytes: setting.int('GATEWAY_MAX_UPLOAD_BYTES', 512 * MiB, 'Largest body (CSV, plain lines or JSON lines) accepted by POST /classify, in bytes; larger uploads get 413, and a stream ends with an error there.', { min: 1 }),
    maxCsvRecordBytes: setting.int('GATEWAY_MAX_CSV_RECORD_BYTES', 4 * MiB, 'Longest CSV record, plain line or JSON line accepted (a multi-line record of plain lines is split there); bounds memory on an unterminated quote or input without line ends.', { min: 1024 }),
    // As many as one tier call carries by default (DEFAULT_BATCH_SIZE, GATEWAY_TIER_BATCH_SIZE's default), so a batch
    // makes full tier calls.
    csvBatchSize: setting.int('GATEWAY_CSV_BATCH_SIZE', DEFAULT_BATCH_SIZE, 'Records (CSV rows, lines) handed to the cascade at once; a partial batch goes after 200 ms, so a slow stream is answered as it comes.', { min: 1, max: 100_000 }),
    csvBatchesInFlight: setting.int('GATEWAY_CSV_BATCHES_IN_FLIGHT', 4, 'Batches classified at once per upload (records are still written in order).', { min: 1, max: 1_000 }),
    maxConcurrentUploads: setting.int('GATEWAY_MAX_CONCURRENT_UPLOADS', 4, 'Uploads to POST /classify classified at once (a stream holds its slot while it lasts).', { min: 1, max: 10_000 }),
    maxQueuedUploads: setting.int('GATEWAY_MAX_QUEUED_UPLOADS', 0, 'Uploads allowed to wait for a slot; past it uploads get 429.', { min: 0, max: 10_000 }),
    maxJsonBytes: setting.int('GATEWAY_MAX_JSON_BYTES', 16 * MiB, 'Largest body accepted by POST /classify/json, in bytes; larger bodies get 413.', { min: 1 }),
    maxJsonRecords: setting.int('GATEWAY_MAX_JSON_RECORDS', 10_000, 'Most records in one POST /classify/json request; more get 413 (use the CSV upload).', { min: 1 }),
    maxConcurrentJson: setting.int('GATEWAY_MAX_CONCURRENT_JSON', 16, 'POST /classify/json requests classified at once.', { min: 1, max: 10_000 }),
    maxQueuedJson: setting.int('GATEWAY_MAX_QUEUED_JSON', 64, 'JSON requests allowed to wait; past it they get 429.', { min: 0, max: 100_000 }),
    ...feedbackSettings(),
    ...reviewSettings(),
    ...templateSettings(),
    ...otlpSettings(),
    ...securitySettings(),
  };
}

export type GatewaySettings = ReturnType<typeof gatewaySettings>;
export type GatewayConfig = ConfigOf<GatewaySettings>;
