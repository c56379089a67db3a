import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineServiceConfig } from '@logclass/service-config';
import { gatewaySettings, startGateway, type RunningGateway } from '@logclass/gateway-server';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { loadRules, RegexClassifier } from '@logclass/regex-tier';
import { EXIT } from './exit-codes';
import { cli } from '../test/run-cli';

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('logclass classify (against a real gateway in-process, over the real regex tier)', () => {
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;
  let dir: string;

  beforeAll(async () => {
    tier = await startClassifierServer({
      classifier: new RegexClassifier(loadRules()),
      host: '127.0.0.1',
      port: 0,
      maxBatchSize: 10_000,
      maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE',
      maxInFlight: 8,
      maxQueued: 100,
      log: silentLogger(),
    });
    const cfg = defineServiceConfig('gateway', gatewaySettings()).load({
      GATEWAY_GRPC_PORT: '0',
      GATEWAY_HTTP_PORT: '0',
      GATEWAY_METRICS_PORT: '-1',
      GATEWAY_OTLP_GRPC_PORT: '-1',
      GATEWAY_OTLP_HTTP_PORT: '-1',
      GATEWAY_TIERS: `regex=${tier.address}`,
      GATEWAY_ROUTING: '{}',
      GATEWAY_CSV_BATCH_SIZE: '20',
      GATEWAY_TEMPLATE_STATE_FILE: 'none',
    });
    gateway = await startGateway(cfg, silentLogger());
    dir = await mkdtemp(join(tmpdir(), 'logclass-cli-'));
  });

  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };

  it('writes the classified CSV to -o, and to stdout without it', async () => {
    const input = await file('in.csv', 'source,log_message\nModernCRM,"User User123 logged in."\nB,"nothing, really"\n');
    const output = join(dir, 'out.csv');
    const toFile = await cli('classify', input, '-o', output, '--gateway', gateway.httpUrl);
    expect(toFile).toEqual({ code: EXIT.OK, stdout: '', stderr: '' });
    expect(await readFile(output, 'utf8')).toBe(
      'source,log_message,target_label\nModernCRM,User User123 logged in.,User Action\nB,"nothing, really",Unclassified\n',
    );
    const toStdout = await cli('classify', input, '--columns', 'tier', '-g', gateway.httpUrl);
    expect(toStdout.code).toBe(EXIT.OK);
    expect(toStdout.stdout).toBe('source,log_message,target_label,tier\nModernCRM,User User123 logged in.,User Action,regex\nB,"nothing, really",Unclassified,\n');
  });

  it('asks the gateway to neutralise spreadsheet formulas with --neutralize-formulas', async () => {
    const input = await file('formulas.csv', 'source,log_message\n=cmd,"@SUM(A1) User User123 logged in."\n');
    expect((await cli('classify', input, '-g', gateway.httpUrl)).stdout).toBe('source,log_message,target_label\n=cmd,@SUM(A1) User User123 logged in.,User Action\n');
    expect((await cli('classify', input, '--neutralize-formulas', '-g', gateway.httpUrl)).stdout).toBe(
      "source,log_message,target_label\n'=cmd,'@SUM(A1) User User123 logged in.,User Action\n",
    );
  });

  it('exits 2 with the gateway\'s reason when the file is refused, or cannot be read', async () => {
    const bad = await cli('classify', await file('bad.csv', 'source,message\nA,x\n'), '-g', gateway.httpUrl);
    expect(bad.code).toBe(EXIT.INPUT);
    expect(bad.stderr).toMatch(/^logclass: the gateway answered 400 INVALID_ARGUMENT: missing required column "log_message"/);
    const missing = await cli('classify', join(dir, 'nope.csv'), '-g', gateway.httpUrl);
    expect(missing).toMatchObject({ code: EXIT.INPUT, stderr: expect.stringMatching(/cannot read .*nope\.csv: ENOENT/) });
  });

  it('exits 3 and writes nothing when the answer breaks off midway', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `S,line ${i}`).join('\n');
    const input = await file('late.csv', `source,log_message\n${rows}\nS,ragged,row\n`);
    const output = join(dir, 'late-out.csv');
    const res = await cli('classify', input, '-o', output, '-g', gateway.httpUrl);
    expect(res.code).toBe(EXIT.CLASSIFIER);
    expect(res.stderr).toMatch(/broke off its answer midway.*was not written/);
    await expect(readFile(output)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFile(`${output}.partial`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 3 when the gateway is unreachable', async () => {
    const res = await cli('classify', await file('ok.csv', 'source,log_message\nA,x\n'), '-g', `http://127.0.0.1:${await closedPort()}`);
    expect(res).toMatchObject({ code: EXIT.CLASSIFIER, stderr: expect.stringMatching(/cannot reach the gateway .*ECONNREFUSED/) });
  });

  it('exits 1 on usage errors and 0 for --help', async () => {
    expect((await cli('classify')).code).toBe(EXIT.USAGE);
    expect((await cli('classify', 'x.csv', '--columns', 'colour')).stderr).toMatch(/--columns: unknown column "colour"/);
    expect((await cli('frobnicate')).code).toBe(EXIT.USAGE);
    const help = await cli('classify', '--help');
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toMatch(/Usage: logclass classify \[options\] <input>/);
  });
});
