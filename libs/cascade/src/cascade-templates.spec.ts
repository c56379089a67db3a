import type { LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { TemplateMiner } from '@logclass/template-miner';
import { PATIENT_BREAKER, remoteTier, startTierServer } from '../test/tier-servers';
import { Cascade, parseRouting } from './index';

describe('Cascade carrying mined templates to tiers (templateTiers)', () => {
  const tiers = { regex: new MarkerTier('regex'), llm: new MarkerTier('llm') };
  const servers: RunningClassifierServer[] = [];
  let cascade: Cascade;
  let miner: TemplateMiner;

  beforeAll(async () => {
    for (const t of Object.values(tiers)) servers.push(await startTierServer(t));
  });

  beforeEach(() => {
    for (const t of Object.values(tiers)) {
      t.sources.length = 0;
      t.templates.length = 0;
    }
    miner = new TemplateMiner();
    cascade = new Cascade({
      tiers: [remoteTier('regex', servers[0].address, PATIENT_BREAKER), remoteTier('llm', servers[1].address, PATIENT_BREAKER)],
      routing: parseRouting('{"*": ["regex", "llm"]}', ['regex', 'llm']),
      log: silentLogger(),
      templateMiner: miner,
      templateTiers: ['llm'],
    });
  });

  afterEach(() => cascade.close());
  afterAll(() => Promise.all(servers.map((s) => s.stop(100))));

  it('sends the records that reach a template tier with their mined template, over the wire, and mines nothing else', async () => {
    const records: LogRecord[] = [
      { source: 'app', logMessage: 'Worker pool-alpha.7 restarted after heartbeat loss' },
      { source: 'app', logMessage: 'user login @regex label=User Action' },
      { source: 'app', logMessage: 'Worker pool-beta.3 restarted after heartbeat loss' },
    ];
    await cascade.classify(records);
    expect(tiers.regex.templates).toEqual([undefined, undefined, undefined]);
    // The regex tier decided the second record: only the other two reached the LLM tier, and only they were mined.
    // Both carry the template their ids mean once the call's records are mined: the second line generalised the first's.
    expect(tiers.llm.templates).toEqual(['Worker <*> restarted after heartbeat loss', 'Worker <*> restarted after heartbeat loss']);
    expect([...miner.templates()].map((t) => t.template)).toEqual(['Worker <*> restarted after heartbeat loss']);
  });

  it('drops a template a caller sent: only the gateway fills it', async () => {
    const logMessage = 'Backup of volume data-7 did not finish';
    await cascade.classify([{ source: 'app', logMessage, template: 'User <*> logged in' }]);
    expect(tiers.regex.templates).toEqual([undefined]);
    expect(tiers.llm.templates).toEqual([miner.match(logMessage)?.template]);
    expect(tiers.llm.templates[0]).not.toBe('User <*> logged in');
  });

  it('gives every record of a call the template its id means at the end of the call, in the template column too', async () => {
    const lines = ['Backup of volume alpha did not finish', 'Backup of volume beta did not finish', 'Backup of volume gamma did not finish'];
    const results = await cascade.classify(lines.map((logMessage) => ({ source: 'app', logMessage })), { includeTemplate: true });
    const general = 'Backup of volume <*> did not finish';
    expect(results.map((r) => r.template)).toEqual([general, general, general]);
    expect(tiers.llm.templates).toEqual([general, general, general]);
  });

  it('carries an outcome state the line prints in the template a tier keys its answers by, while the template column pools the states', async () => {
    const lines = ['Container c_1 transitioned from NEW to RUNNING', 'Container c_2 transitioned from RUNNING to FAILED', 'Container c_3 transitioned from NEW to FAILED'];
    const results = await cascade.classify(lines.map((logMessage) => ({ source: 'app', logMessage })), { includeTemplate: true });
    const general = 'Container <ID> transitioned from <*> to <*>';
    expect(results.map((r) => r.template)).toEqual([general, general, general]);
    expect(tiers.llm.templates).toEqual([general, 'Container <ID> transitioned from <*> to FAILED', 'Container <ID> transitioned from <*> to FAILED']);
  });

  it('mines a record once per call when the caller also asks for templates', async () => {
    const [result] = await cascade.classify([{ source: 'app', logMessage: 'Cache shard s-12 evicted 40 keys' }], { includeTemplate: true });
    expect(result.template).toBe(tiers.llm.templates[0]);
    expect([...miner.templates()].map((t) => t.count)).toEqual([1]);
  });
});
