import { Cascade, breakerSettingsFrom, DEFAULT_BREAKER_SETTINGS, parseRouting, type BreakerSettings } from '@logclass/cascade';
import { ConfigError } from '@logclass/service-config';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { channelCredentialsFrom, GrpcClassifier } from '@logclass/tier-client';
import type { Logger } from '@logclass/observability';
import type { GatewayConfig } from './settings';
import type { TierAddress } from './tier-list';
import { openTemplateMiner } from './templates/template-state';

/**
 * Breaker settings of a configured tier. Tiers named regex/embedding/llm have
 * their own GATEWAY_<TIER>_* settings; a tier with another name (a user's own
 * classifier) gets the embedding defaults, the middle ground in cost.
 */
function breakerFor(cfg: GatewayConfig, tier: string): BreakerSettings {
  return tier in DEFAULT_BREAKER_SETTINGS ? breakerSettingsFrom(cfg, tier) : { ...DEFAULT_BREAKER_SETTINGS.embedding };
}

/**
 * The cascade the gateway serves: one gRPC client per configured tier, each
 * call bounded by that tier's breaker timeout, routed by GATEWAY_ROUTING.
 * A routing that names an unknown tier is a configuration error (exit 78),
 * caught here because it depends on two settings at once (so is a
 * GATEWAY_TEMPLATE_TIERS name that is not a tier). Its template miner
 * (GATEWAY_TEMPLATE_*) is restored from the state file when it can be.
 */
export function buildCascade(cfg: GatewayConfig, log: Logger): { cascade: Cascade; tiers: TierAddress[]; credentials: ChannelCredentials } {
  const names = cfg.tiers.map((t) => t.name);
  let routing;
  try {
    routing = parseRouting(cfg.routing, names);
  } catch (err) {
    throw new ConfigError('gateway', [`GATEWAY_ROUTING=${JSON.stringify(cfg.routing)}: ${(err as Error).message}`]);
  }
  const unknown = cfg.templateTiers.filter((t) => !names.includes(t));
  if (unknown.length > 0) throw new ConfigError('gateway', [`GATEWAY_TEMPLATE_TIERS names tiers not in GATEWAY_TIERS: ${unknown.join(', ')}`]);
  let credentials: ChannelCredentials;
  try {
    credentials = channelCredentialsFrom({ tlsCaFile: cfg.tierTlsCaFile, tlsCertFile: cfg.tierTlsCertFile, tlsKeyFile: cfg.tierTlsKeyFile });
  } catch (err) {
    throw new ConfigError('gateway', [`GATEWAY_TIER_TLS_*: ${(err as Error).message}`]);
  }
  const cascade = new Cascade({
    tiers: cfg.tiers.map(({ name, address }) => {
      const breaker = breakerFor(cfg, name);
      const classifier = new GrpcClassifier({
        tier: name,
        address,
        timeoutMs: breaker.timeoutMs,
        batchSize: cfg.tierBatchSize,
        streams: cfg.tierStreams,
        credentials,
        apiKey: cfg.tierApiKey,
      });
      return { name, classifier, breaker };
    }),
    routing,
    log,
    batchSize: cfg.tierBatchSize,
    maxBatchesInFlight: cfg.tierBatchesInFlight,
    undecided: cfg.undecided,
    templateMiner: openTemplateMiner(cfg, log),
    templateTiers: cfg.templateTiers,
  });
  // The credentials are returned for the readiness health checks, which call the same tiers.
  return { cascade, tiers: cfg.tiers, credentials };
}
