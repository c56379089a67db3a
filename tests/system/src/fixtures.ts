import type { Classifier } from '@logclass/classifier';
import { Cascade, type BreakerSettings, type CascadeTier, type UndecidedPolicy } from '@logclass/cascade';
import { EmbeddingClassifier, HashingEmbedder, trainArtifact } from '@logclass/embedding-tier';
import { gatewaySettings, startGateway, type RunningGateway } from '@logclass/gateway-server';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { silentLogger } from '@logclass/observability';
import { defineServiceConfig } from '@logclass/service-config';
import { LOOPBACK_GATEWAY_ENV, TOY_EXAMPLES, TOY_LABELS } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';

/** Serves a classifier as a real gRPC tier on 127.0.0.1 (any free port). */
export function startTier(classifier: Classifier): Promise<RunningClassifierServer> {
  return startClassifierServer({ classifier, host: '127.0.0.1', port: 0, maxBatchSize: 100_000, maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE', maxInFlight: 16, maxQueued: 100, log: silentLogger() });
}

const PATIENT_BREAKER: BreakerSettings = { timeoutMs: 10_000, errorThresholdPercentage: 100, volumeThreshold: 1_000, resetTimeoutMs: 1_000 };

/** A tier of a cascade in this process, reached over gRPC. */
export function remoteTier(name: string, address: string): CascadeTier {
  return { name, breaker: PATIENT_BREAKER, classifier: new GrpcClassifier({ tier: name, address, timeoutMs: PATIENT_BREAKER.timeoutMs, batchSize: 100_000 }) };
}

/** A cascade of the given tiers, with the gateway's policy for records no tier decided. */
export function cascadeOf(tiers: CascadeTier[], undecided?: UndecidedPolicy): Cascade {
  return new Cascade({ tiers, log: silentLogger(), ...(undecided ? { undecided } : {}) });
}

/** A real gateway on free ports, configured through its own settings schema like production. */
export function startTestGateway(env: Record<string, string>): Promise<RunningGateway> {
  const cfg = defineServiceConfig('gateway', gatewaySettings()).load({
    ...LOOPBACK_GATEWAY_ENV,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startGateway(cfg, silentLogger());
}

/**
 * What `npm start` runs without an LLM key, each tier served over gRPC: a
 * real embedding tier (a toy model whose threshold nothing reaches, so it
 * abstains on every row with its best guess) and the real LLM tier with no
 * API key (it abstains on every row).
 */
export async function startTiersWithoutLlmKey(): Promise<{ embedding: RunningClassifierServer; llm: RunningClassifierServer }> {
  const embedder = new HashingEmbedder({ dimension: 256 });
  const artifact = await trainArtifact(embedder, TOY_EXAMPLES, { name: 'toy', version: '1', labels: TOY_LABELS, threshold: 0.999, l2: 0.01 });
  // Built as the LLM service builds it from an environment without a key.
  const llm = buildLlmClassifier(llmTierConfig.load({}), { maxBatchSize: 100 });
  return { embedding: await startTier(new EmbeddingClassifier(artifact, embedder, { cacheSize: 0 })), llm: await startTier(llm) };
}

/**
 * startTiersWithoutLlmKey for one describe block: the tiers start before its
 * first test and stop after its last, once whatever a test handed to
 * `closeAtEnd` (a cascade, a gateway over them) is closed.
 */
export function tiersWithoutLlmKeyForBlock(): {
  addresses: () => { embedding: string; llm: string };
  closeAtEnd: <T>(opened: T, close: (opened: T) => Promise<unknown>) => T;
} {
  let tiers: Awaited<ReturnType<typeof startTiersWithoutLlmKey>> | undefined;
  const closes: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    tiers = await startTiersWithoutLlmKey();
  });
  afterAll(async () => {
    await Promise.all(closes.splice(0).map((close) => close()));
    await Promise.all([tiers?.embedding.stop(100), tiers?.llm.stop(100)]);
  });
  return {
    addresses: () => {
      if (!tiers) throw new Error('the tiers start in beforeAll: ask for their addresses inside a test');
      return { embedding: tiers.embedding.address, llm: tiers.llm.address };
    },
    closeAtEnd: (opened, close) => {
      closes.push(() => close(opened));
      return opened;
    },
  };
}
