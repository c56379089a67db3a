import { register } from 'prom-client';
import { Outcome } from '@logclass/contract';
import { countRecords, readGauge, ServiceMetrics, totalsCounter } from './index';

describe('families read at scrape time', () => {
  it('a totals counter shows the running totals it reads, per label set, without double counting across scrapes', async () => {
    const metrics = new ServiceMetrics('demo');
    const totals = { hit: 0, miss: 0 };
    totalsCounter(metrics, 'demo_lookups_total', 'Lookups.', ['result'], () => Object.entries(totals).map(([result, n]) => [{ result }, n] as const));
    totals.hit = 3;
    totals.miss = 1;
    expect((await metrics.render()).body).toContain('demo_lookups_total{result="hit",service="demo"} 3');
    totals.hit = 5;
    const body = (await metrics.render()).body;
    expect(body).toContain('demo_lookups_total{result="hit",service="demo"} 5');
    expect(body).toContain('demo_lookups_total{result="miss",service="demo"} 1');
    expect(body).toContain('# TYPE demo_lookups_total counter');
    // In the service's registry only: prom-client's global one would be shared by every service of a process.
    expect(register.getSingleMetric('demo_lookups_total')).toBeUndefined();
  });

  it('a read gauge shows the current value and drops label sets that are gone', async () => {
    const metrics = new ServiceMetrics('demo');
    let states: Array<[string, number]> = [['a', 2], ['b', 0]];
    readGauge(metrics, 'demo_state', 'State.', ['tier'], () => states.map(([tier, v]) => [{ tier }, v] as const));
    expect((await metrics.render()).body).toContain('demo_state{tier="a",service="demo"} 2');
    states = [['b', 1]];
    const body = (await metrics.render()).body;
    expect(body).toContain('demo_state{tier="b",service="demo"} 1');
    expect(body).not.toContain('tier="a"');
  });

  it('countRecords counts by tier, outcome name and label; an empty tier or label reads "none"', async () => {
    const metrics = new ServiceMetrics('demo');
    countRecords(metrics, [
      { outcome: Outcome.OUTCOME_DECIDED, tier: 'regex', label: 'User Action', confidence: 1, reason: 'r', template: '' },
      { outcome: Outcome.OUTCOME_DECIDED, tier: 'regex', label: 'User Action', confidence: 1, reason: 'r', template: '' },
      { outcome: Outcome.OUTCOME_ABSTAINED, tier: 'embedding', label: '', confidence: 0, reason: 'r', template: '' },
    ]);
    const body = (await metrics.render()).body;
    expect(body).toContain('logclass_records_total{tier="regex",outcome="decided",label="User Action",service="demo"} 2');
    expect(body).toContain('logclass_records_total{tier="embedding",outcome="abstained",label="none",service="demo"} 1');
  });
});
