import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RunningGateway } from '@logclass/gateway-server';
import { EXIT } from './exit-codes';
import { startRegexGateway, type RegexGateway } from '../test/regex-gateway';
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
  let gateway: RunningGateway;
  let dir: string;
  let system: RegexGateway;

  beforeAll(async () => {
    system = await startRegexGateway({ GATEWAY_CSV_BATCH_SIZE: '20' });
    ({ gateway, dir } = system);
  });

  afterAll(() => system?.stop());

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
