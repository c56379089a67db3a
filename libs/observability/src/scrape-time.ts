import { Counter, Gauge } from 'prom-client';
import type { ServiceMetrics } from './metrics';

type LabelValues<L extends string> = Partial<Record<L, string>>;

/**
 * A counter whose values are read at scrape time from running totals kept
 * by the code that does the work (e.g. LlmStats, a cache's hit count). The
 * totals stay the single source: nothing is incremented twice, and the
 * worker code needs no Prometheus dependency. The totals must only grow
 * (they are reset with the process, as a counter is).
 */
export function totalsCounter<L extends string>(
  metrics: ServiceMetrics,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => ReadonlyArray<readonly [LabelValues<L>, number]>,
): Counter<L> {
  const counter: Counter<L> = new Counter<L>({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    collect() {
      counter.reset();
      for (const [labels, value] of read()) counter.inc(labels, value);
    },
  });
  return counter;
}

/** A gauge read at scrape time (a cache's size, a breaker's state). */
export function readGauge<L extends string>(
  metrics: ServiceMetrics,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => ReadonlyArray<readonly [LabelValues<L>, number]>,
): Gauge<L> {
  const gauge: Gauge<L> = new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    collect() {
      gauge.reset();
      for (const [labels, value] of read()) gauge.set(labels, value);
    },
  });
  return gauge;
}
