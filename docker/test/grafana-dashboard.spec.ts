import { join } from 'node:path';
import { startGateway, type GatewayConfig, type RunningGateway } from '@logclass/gateway-server';
import { silentLogger, type Logger } from '@logclass/observability';
import { answerByKeyword, LOOPBACK_GATEWAY_ENV, scrapeMetrics, startFakeGroq, type FakeGroq } from '@logclass/test-support';
import { ROOT, readText } from './repo';
import { loadServiceConfig, type ServiceName } from './service-configs';

/**
 * The example Grafana dashboard only queries series the services really
 * export: every metric name in its PromQL is looked up in what a running
 * gateway and its three tiers serve on /metrics after a little traffic.
 */

interface Panel {
  title?: string;
  type?: string;
  targets?: Array<{ expr?: string }>;
  panels?: Panel[];
}

const DASHBOARD = JSON.parse(readText('docker', 'grafana', 'logclass-dashboard.json')) as { title: string; panels: Panel[] };

function allPanels(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
}

/** PromQL words that are not metric names. */
const PROMQL_WORDS = new Set([
  'sum', 'min', 'max', 'avg', 'count', 'rate', 'increase', 'irate', 'histogram_quantile', 'clamp_min', 'clamp_max',
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'topk', 'bottomk', 'offset',
]);

/** Metric names in a PromQL expression: identifiers outside strings, label matchers, ranges and by/without lists. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    // Numbers (1e-9, 0.99) and durations (5m) before identifiers, so "e" or "m" is never taken for a name.
    .replace(/(?<![a-zA-Z0-9_:])\d[\d.]*(?:e[+-]?\d+|[smhdwy]+)?/gi, '0')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  const words = bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(words.filter((w) => !PROMQL_WORDS.has(w)))];
}

const load = async <T>(app: ServiceName, file: string, fn: string) =>
  ((await import(join(ROOT, 'apps', app, 'src', file))) as Record<string, T>)[fn];

type TierStart = (cfg: unknown, log: Logger) => Promise<{ grpc: { address: string }; metricsPort: number | undefined; stop(): Promise<void> }>;

describe('docker/grafana/logclass-dashboard.json', () => {
  const panels = allPanels(DASHBOARD.panels).filter((p) => p.type !== 'row');
  const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));

  it('has queries in every panel, each naming at least one logclass metric', () => {
    expect(panels.length).toBeGreaterThan(10);
    expect(panels.filter((p) => !p.targets?.length).map((p) => p.title)).toEqual([]);
    for (const expr of exprs) expect({ expr, names: metricNames(expr) }).toEqual({ expr, names: expect.arrayContaining([expect.stringMatching(/^logclass_/)]) });
  });

  it('finds metric names the way PromQL reads them', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, tier) (rate(logclass_tier_call_duration_seconds_bucket{tier="llm"}[5m])))')).toEqual([
      'logclass_tier_call_duration_seconds_bucket',
    ]);
    expect(metricNames('sum(rate(a_total{x=~"hit|b c"}[$__rate_interval])) / clamp_min(sum(rate(b_total[1m])), 1e-9)')).toEqual(['a_total', 'b_total']);
  });

  describe('against running services', () => {
    let fake: FakeGroq;
    const tiers: Array<Awaited<ReturnType<TierStart>>> = [];
    let gateway: RunningGateway;
    const exported = new Set<string>();

    beforeAll(async () => {
      fake = await startFakeGroq({ respond: answerByKeyword([[/escalation/, 'Workflow Error']]) });
      const common = { LOG_LEVEL: 'silent' };
      const starts: Array<[ServiceName, string, string, Record<string, string>]> = [
        ['regex', 'service', 'startRegexService', { REGEX_GRPC_PORT: '0', REGEX_METRICS_PORT: '0' }],
        ['embedding', 'service', 'startEmbeddingService', { EMBEDDING_GRPC_PORT: '0', EMBEDDING_METRICS_PORT: '0' }],
        ['llm', 'llm-service', 'startLlmService', { LLM_GRPC_PORT: '0', LLM_METRICS_PORT: '0', GROQ_API_KEY: 'k', GROQ_BASE_URL: fake.baseUrl, LLM_STORE: 'none' }],
      ];
      for (const [app, file, fn, env] of starts) {
        const start = await load<TierStart>(app, file, fn);
        tiers.push(await start((await loadServiceConfig(app)).load({ ...common, ...env }), silentLogger()));
      }
      const gatewayConfig = (await loadServiceConfig('gateway')).load({
        ...common,
        // Free loopback ports; mined templates stay in memory: a test writes nothing into the working tree.
        ...LOOPBACK_GATEWAY_ENV,
        GATEWAY_TIERS: `regex=${tiers[0].grpc.address},embedding=${tiers[1].grpc.address},llm=${tiers[2].grpc.address}`,
      }) as unknown as GatewayConfig;
      gateway = await startGateway(gatewayConfig, silentLogger());

      const form = new FormData();
      const csv = 'source,log_message\nModernCRM,User 12 logged in.\nLegacyCRM,Case 7 escalation failed\nBillingSystem,zzz qqq\n';
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'logs.csv');
      const res = await fetch(`${gateway.httpUrl}/classify`, { method: 'POST', body: form });
      expect(res.status).toBe(200);
      await res.text();

      const urls = [`${gateway.httpUrl}/metrics`, ...tiers.map((t) => `http://127.0.0.1:${t.metricsPort}/metrics`)];
      for (const url of urls) {
        const scrape = await scrapeMetrics(url);
        for (const name of scrape.families) exported.add(name);
        for (const s of scrape.samples) exported.add(s.name);
      }
    });

    afterAll(async () => {
      await gateway?.stop();
      await Promise.all(tiers.map((t) => t.stop()));
      await fake?.close();
    });

    it('uses only metric names the gateway and the tiers export', () => {
      const used = [...new Set(exprs.flatMap(metricNames))].sort();
      expect(used.filter((name) => !exported.has(name))).toEqual([]);
    });

    it('covers the families an operator needs (records, latency, breakers, caches, LLM spend)', () => {
      const used = new Set(exprs.flatMap(metricNames));
      for (const name of [
        'logclass_records_total',
        'logclass_rpc_duration_seconds_bucket',
        'logclass_tier_call_duration_seconds_bucket',
        'logclass_tier_calls_total',
        'logclass_breaker_state',
        'logclass_embedding_cache_lookups_total',
        'logclass_llm_cache_lookups_total',
        'logclass_llm_calls_total',
        'logclass_llm_tokens_total',
        'logclass_llm_call_failures_total',
        'logclass_http_requests_total',
      ]) {
        expect(used).toContain(name);
      }
    });
  });
});
