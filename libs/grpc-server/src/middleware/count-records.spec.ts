import { abstained, decided } from '@logclass/classifier';
import { ServiceMetrics } from '@logclass/observability';
import { parsePrometheusText } from '@logclass/test-support';
import { countRecords } from './count-records';
import { testCall } from '../../test/middleware-calls';

describe('countRecords', () => {
  it('counts each answered record by tier, outcome and label', async () => {
    const metrics = new ServiceMetrics('test');
    const answer = [decided('regex', 'User Action', 1, 'rule'), decided('regex', 'User Action', 1, 'rule'), abstained('regex', 'no rule')];
    await expect(countRecords(metrics)(async () => answer)('r', testCall())).resolves.toBe(answer);
    const scrape = parsePrometheusText((await metrics.render()).body);
    expect(scrape.value('logclass_records_total', { tier: 'regex', outcome: 'decided', label: 'User Action' })).toBe(2);
    expect(scrape.value('logclass_records_total', { tier: 'regex', outcome: 'abstained', label: 'none' })).toBe(1);
  });
});
