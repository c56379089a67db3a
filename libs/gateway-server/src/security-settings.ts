import { setting } from '@logclass/service-config';

/**
 * The gateway's authentication and abuse limits (spread into
 * gatewaySettings). Defaults are safe for a single internal deployment:
 * keys off until listed, a per-caller request rate far above one service's
 * honest use but low enough to stop a loop hammering the tiers.
 */
export function securitySettings() {
  return {
    apiKeys: setting.list(
      'GATEWAY_API_KEYS',
      [],
      'API keys accepted by the REST and gRPC APIs (x-api-key or authorization: Bearer), comma-separated; empty = no authentication. /healthz and /readyz stay open.',
      { aliases: ['API_KEYS'], secret: true },
    ),
    authMetrics: setting.boolean('GATEWAY_AUTH_METRICS', true, 'With GATEWAY_API_KEYS set, GET /metrics needs a key too.'),
    authDocs: setting.boolean('GATEWAY_AUTH_DOCS', false, 'With GATEWAY_API_KEYS set, the web page and API docs (/, /docs, /openapi.json) need a key too.'),
    rateLimitRps: setting.number(
      'GATEWAY_RATE_LIMIT_RPS',
      200,
      'Requests per second allowed per API key (per client address when keys are off), REST and gRPC together; a CSV upload or a gRPC stream counts as one. 0 = no limit.',
      { min: 0, max: 1_000_000 },
    ),
    rateLimitBurst: setting.int('GATEWAY_RATE_LIMIT_BURST', 400, 'Requests a caller may send at once above the steady GATEWAY_RATE_LIMIT_RPS.', { min: 1, max: 10_000_000 }),
    maxCsvRows: setting.int('GATEWAY_MAX_CSV_ROWS', 10_000_000, 'Most records (CSV data rows, lines) in one upload to POST /classify; past it the response fails with a message naming this limit.', { min: 1 }),
    httpTlsCertFile: setting.optionalString('GATEWAY_HTTP_TLS_CERT_FILE', 'PEM certificate chain: when set (with the key), the REST API is served over HTTPS.'),
    httpTlsKeyFile: setting.optionalString('GATEWAY_HTTP_TLS_KEY_FILE', 'PEM private key of the HTTPS certificate.'),
  };
}
