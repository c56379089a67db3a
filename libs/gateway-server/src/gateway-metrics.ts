import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';
import type { Classifier } from '@logclass/classifier';
import { instrumentCascade, type Cascade } from '@logclass/cascade';
import { countRecords, ServiceMetrics } from '@logclass/observability';

/**
 * The gateway's one registry, served on its REST port (GET /metrics) and on
 * GATEWAY_METRICS_PORT: the shared families (RPCs, records, admission
 * queue), the cascade's view of each tier (calls, latency, breaker state)
 * and, once the REST API registers them, the HTTP request families.
 */
export function gatewayMetrics(cascade: Cascade): ServiceMetrics {
  const metrics = new ServiceMetrics('gateway');
  instrumentCascade(cascade, metrics);
  return metrics;
}

/**
 * The classifier the REST routes call: the cascade, with every answered
 * record counted in logclass_records_total. The gRPC server counts the
 * records it answers itself and calls the bare cascade, so each record is
 * counted once whichever API it came through.
 */
export function countingClassifier(inner: Classifier, metrics: ServiceMetrics): Classifier {
  return {
    tier: inner.tier,
    async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
      const results = await inner.classify(records, options, signal);
      countRecords(metrics, results);
      return results;
    },
    describe: (): DescribeResponse => inner.describe(),
    isServing: () => inner.isServing?.() ?? true,
  };
}
