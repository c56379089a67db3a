import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewaySettings, startGateway, type RunningGateway } from '@logclass/gateway-server';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import { defineServiceConfig } from '@logclass/service-config';
import { LOOPBACK_GATEWAY_ENV } from '@logclass/test-support';

export interface RegexGateway {
  gateway: RunningGateway;
  /** A fresh folder for the spec's files, removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

/**
 * What the CLI specs talk to: the shipped regex tier served on a free port and a real
 * gateway in front of it, every source routed to it, configured through the
 * gateway's own settings schema (plus `env`).
 */
export async function startRegexGateway(env: Record<string, string> = {}): Promise<RegexGateway> {
  const tier: RunningClassifierServer = await startClassifierServer({
    classifier: buildRegexClassifier(regexTierConfig.load({})),
    host: '127.0.0.1',
    port: 0,
    maxBatchSize: 10_000,
    maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE',
    maxInFlight: 8,
    maxQueued: 100,
    log: silentLogger(),
  });
  const cfg = defineServiceConfig('gateway', gatewaySettings()).load({
    ...LOOPBACK_GATEWAY_ENV,
    GATEWAY_TIERS: `regex=${tier.address}`,
    GATEWAY_ROUTING: '{}',
    ...env,
  });
  const gateway = await startGateway(cfg, silentLogger());
  const dir = await mkdtemp(join(tmpdir(), 'logclass-cli-'));
  return {
    gateway,
    dir,
    async stop() {
      await gateway.stop();
      await tier.stop(100);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
