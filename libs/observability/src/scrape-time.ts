import { Counter, Gauge, type Registry } from 'prom-client';
import type { ServiceMetrics } from './metrics';

type LabelValues<L extends string> = Partial<Record<L, string>>;
/** What a family shows at a scrape: a value per label set. */
type Reading<L extends string> = () => ReadonlyArray<readonly [LabelValues<L>, number]>;

/**
 * A counter whose values are read at scrape time from running totals kept
 * by the code that does the work (e.g. LlmStats, a cache's hit count). The
 * totals stay the single source: nothing is incremented twice, and the
 * worker code needs no Prometheus dependency. The totals must only grow
 * (they are reset with the process, as a counter is).
 */
export function totalsCounter<L extends string>(metrics: ServiceMetrics, name: string, help: string, labelNames: readonly L[], read: Reading<L>): Counter<L> {
  return readAtScrape(metrics, read, (scrape) => new Counter<L>({ name, help, labelNames, ...scrape }), (counter, labels, value) => counter.inc(labels, value));
}

/** A gauge read at scrape time (a cache's size, a breaker's state). */
export function readGauge<L extends string>(metrics: ServiceMetrics, name: string, help: string, labelNames: readonly L[], read: Reading<L>): Gauge<L> {
  return readAtScrape(metrics, read, (scrape) => new Gauge<L>({ name, help, labelNames, ...scrape }), (gauge, labels, value) => gauge.set(labels, value));
}

/**
 * The family `make` builds, in the service's registry, refilled from `read`
 * at every scrape: label sets that `read` no longer returns are gone.
 */
function readAtScrape<L extends string, F extends Counter<L> | Gauge<L>>(
  metrics: ServiceMetrics,
  read: Reading<L>,
  make: (scrape: { registers: [Registry]; collect: () => void }) => F,
  put: (family: F, labels: LabelValues<L>, value: number) => void,
): F {
  const family = make({
    registers: [metrics.registry],
    collect() {
      family.reset();
      for (const [labels, value] of read()) put(family, labels, value);
    },
  });
  return family;
}
