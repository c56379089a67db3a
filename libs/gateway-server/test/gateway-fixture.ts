import type { Classifier } from '@logclass/classifier';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger, type Logger } from '@logclass/observability';
import { LOOPBACK_GATEWAY_ENV, MarkerTier } from '@logclass/test-support';
import { defineServiceConfig } from '@logclass/service-config';
import { gatewaySettings, startGateway, type HttpApiOptions, type RunningGateway } from '../src';

/** Serves a classifier as a real gRPC tier on 127.0.0.1. */
export function startTier(classifier: Classifier): Promise<RunningClassifierServer> {
  return startClassifierServer({
    classifier,
    host: '127.0.0.1',
    port: 0,
    maxBatchSize: 100_000,
    maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE',
    maxInFlight: 16,
    maxQueued: 100,
    log: silentLogger(),
  });
}

/** A real gateway on free ports, configured through its own settings schema like production. */
export function startTestGateway(env: Record<string, string>, log: Logger = silentLogger()): Promise<RunningGateway> {
  const cfg = defineServiceConfig('gateway', gatewaySettings()).load({
    ...LOOPBACK_GATEWAY_ENV,
    LOG_LEVEL: 'silent',
    // A live tier must not read as down on /readyz when a loaded CI machine
    // takes over the default second to open a fresh channel; a down tier's
    // port refuses at once, so the longer deadline costs no test time.
    GATEWAY_HEALTH_TIMEOUT_MS: '15000',
    ...env,
  });
  return startGateway(cfg, log);
}

/** A gateway whose only tier is a real MarkerTier named `tierName`, regex unless told (it decides `@regex` lines), every source routed to it. */
export async function startGatewayOverMarker(env: Record<string, string> = {}, tierName = 'regex'): Promise<{ tier: RunningClassifierServer; gateway: RunningGateway }> {
  const tier = await startTier(new MarkerTier(tierName));
  const gateway = await startTestGateway({ GATEWAY_TIERS: `${tierName}=${tier.address}`, GATEWAY_ROUTING: '{}', ...env });
  return { tier, gateway };
}

/** The REST API over `classifier` with small limits (1 KiB bodies, 10 records) and every queue one deep; override what a test needs. */
export function smallHttpApiOptions(classifier: Classifier, extra: Partial<HttpApiOptions> = {}): HttpApiOptions {
  return {
    classifier,
    readiness: async () => ({ status: 'ready', tiers: [] }),
    log: silentLogger(),
    maxUpload: { bytes: 1024, setting: 'GATEWAY_MAX_UPLOAD_BYTES' },
    maxJsonBody: { bytes: 1024, setting: 'GATEWAY_MAX_JSON_BYTES' },
    maxJsonRecords: { count: 10, setting: 'GATEWAY_MAX_JSON_RECORDS' },
    csv: { batchSize: 10, maxBatchesInFlight: 1, maxRecordBytes: 1024 },
    uploads: { maxInFlight: 1, maxQueued: 0 },
    jsonRequests: { maxInFlight: 1, maxQueued: 0 },
    ...extra,
  };
}
