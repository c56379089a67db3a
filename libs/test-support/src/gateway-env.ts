/**
 * Settings of a gateway under test: every port free (0) on loopback, the
 * metrics and OTLP listeners off, nothing persisted. Spread before a
 * spec's own settings.
 */
export const LOOPBACK_GATEWAY_ENV: Readonly<Record<string, string>> = {
  GATEWAY_HOST: '127.0.0.1',
  GATEWAY_GRPC_PORT: '0',
  GATEWAY_HTTP_PORT: '0',
  GATEWAY_METRICS_PORT: '-1',
  GATEWAY_OTLP_GRPC_PORT: '-1',
  GATEWAY_OTLP_HTTP_PORT: '-1',
  // Specs that persist templates name their own file.
  GATEWAY_TEMPLATE_STATE_FILE: 'none',
};
