import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome, type LogRecord } from '@logclass/contract';
import { silentLogger } from '@logclass/observability';
import { RuleFileError } from '@logclass/regex-tier';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startRegexService } from './service';

const rec = (logMessage: string, source = 'ModernCRM'): LogRecord => ({ source, logMessage });
const BASE_ENV = { REGEX_GRPC_PORT: '0', REGEX_METRICS_PORT: '-1', LOG_LEVEL: 'silent' };

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'regex-service-')), name);
  writeFileSync(path, text);
  return path;
}

describe('regex service over gRPC', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  async function serve(env: Record<string, string> = {}) {
    const running = await startRegexService(config.load({ ...BASE_ENV, ...env }), silentLogger());
    const client = new GrpcClassifier({ tier: 'regex', address: running.grpc.address, timeoutMs: 5000, batchSize: 2 });
    stops.push(async () => {
      await client.close();
      await running.stop();
    });
    return { running, client };
  }

  it('serves the shipped rules: SERVING, decides simple lines, abstains on the rest, in order', async () => {
    const { running, client } = await serve();
    expect(await checkHealth(running.grpc.address)).toBe('SERVING');
    expect(await checkHealth(running.grpc.address, 'logclass.v1.LogClassifier')).toBe('SERVING');
    const results = await client.classify([
      rec('User User123 logged in.'),
      rec('Backup completed successfully.'),
      rec('User User123 failed to log in'),
      rec(''),
      rec('nova.osapi_compute.wsgi.server [req-1 - - - - -] 10.11.10.1 "GET /v2/x/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2675118'),
    ]);
    expect(results.map((r) => [r.outcome, r.label, r.reason])).toEqual([
      [Outcome.OUTCOME_DECIDED, 'User Action', 'rule user-logged-in'],
      [Outcome.OUTCOME_DECIDED, 'System Notification', 'rule backup-completed'],
      [Outcome.OUTCOME_ABSTAINED, '', 'no rule matched'],
      [Outcome.OUTCOME_ABSTAINED, '', 'empty log_message'],
      [Outcome.OUTCOME_DECIDED, 'HTTP Status', 'rule openstack-wsgi-access'],
    ]);
    const described = await client.fetchDescription();
    expect(described.tier).toBe('regex');
    expect(described.model).toMatch(/^rules sha256:[0-9a-f]{12} \(\d+ rules\)$/);
    expect(described.maxBatchSize).toBe(4096);
  });

  it('reads REGEX_RULES_FILE and REGEX_TAXONOMY_FILE', async () => {
    const taxonomyFile = writeTemp('taxonomy.json', JSON.stringify([{ name: 'Greeting', description: 'hello lines' }]));
    const rulesFile = writeTemp('rules.yaml', "rules:\n  - id: hello\n    label: Greeting\n    pattern: '^hello\\b'\n    sources: [Chat]\n");
    const { client } = await serve({ REGEX_RULES_FILE: rulesFile, REGEX_TAXONOMY_FILE: taxonomyFile });
    const results = await client.classify([rec('hello world', 'chat'), rec('hello world', 'mail')]);
    expect(results.map((r) => r.reason)).toEqual(['rule hello', 'no rule matched']);
    expect((await client.fetchDescription()).labels).toEqual([{ name: 'Greeting', description: 'hello lines' }]);
  });

  it('refuses to start on a bad rules file, naming the rule', async () => {
    const rulesFile = writeTemp('bad.yaml', "rules:\n  - id: ok\n    label: User Action\n    pattern: 'logged in'\n  - id: broken-rule\n    label: User Action\n    pattern: 'user (logged'\n");
    const cfg = config.load({ ...BASE_ENV, REGEX_RULES_FILE: rulesFile });
    await expect(startRegexService(cfg, silentLogger())).rejects.toThrow(RuleFileError);
    await expect(startRegexService(cfg, silentLogger())).rejects.toThrow(/rule "broken-rule": pattern does not compile/);
  });

  it('names a bad variable', () => {
    expect(() => config.load({ REGEX_MAX_MESSAGE_CHARS: '3' })).toThrow(/REGEX_MAX_MESSAGE_CHARS="3"/);
    expect(config.load({}).grpcPort).toBe(50051);
  });
});
