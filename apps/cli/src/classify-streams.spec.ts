import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import type { RunningGateway } from '@logclass/gateway-server';
import { EXIT } from './exit-codes';
import { startRegexGateway, type RegexGateway } from '../test/regex-gateway';
import { cli, cliWithInput } from '../test/run-cli';

const jsonLines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const TRACE = ['2024-05-01 10:00:00 ERROR Request failed', 'java.lang.IllegalStateException: boom', '\tat com.example.Service.run(Service.java:42)', 'Caused by: java.io.IOException: disk full', '\t... 12 more'];

/** The real CLI as a separate process (as `tail -f app.log | logclass classify -` runs it), its stdout read line by line. */
function spawnCli(args: string[]): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string>; stderr: () => string } {
  const root = join(__dirname, '..', '..', '..');
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.base.json', 'apps/cli/src/main.ts', ...args], { cwd: root, env: { PATH: process.env.PATH } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator](), stderr: () => stderr };
}

describe('logclass classify with plain lines and JSON lines, from stdin (a real gateway over the real regex tier)', () => {
  let gateway: RunningGateway;
  let dir: string;
  let system: RegexGateway;

  beforeAll(async () => {
    system = await startRegexGateway();
    ({ gateway, dir } = system);
  });

  afterAll(() => system?.stop());

  it('reads plain lines from stdin (-), joining a stack trace into one record, with --source for all', async () => {
    const input = `${TRACE.join('\n')}\nUser User123 logged in.\n`;
    const res = await cliWithInput(input, 'classify', '-', '--source', 'ModernCRM', '--columns', 'tier', '-g', gateway.httpUrl);
    expect(res).toMatchObject({ code: EXIT.OK, stderr: '' });
    expect(parse(res.stdout)).toEqual([
      ['source', 'log_message', 'target_label', 'tier'],
      ['ModernCRM', TRACE[0], 'Unclassified', ''],
      ['ModernCRM', TRACE.slice(1).join('\n'), 'Unclassified', ''],
      ['ModernCRM', 'User User123 logged in.', 'User Action', 'regex'],
    ]);
    // The same in this process, as JSON lines.
    const local = await cliWithInput(input, 'classify', '-', '--source', 'ModernCRM', '--in-process', '--output-format', 'jsonl', '--quiet');
    expect(local.code).toBe(EXIT.OK);
    expect(jsonLines(local.stdout).map((o) => [o.log_message, o.target_label === 'User Action'])).toEqual([
      [TRACE[0], false],
      [TRACE.slice(1).join('\n'), false],
      ['User User123 logged in.', true],
    ]);
  });

  it('reads JSON lines at dotted fields, through the gateway and in process alike, bad lines answered in place', async () => {
    const input = ['{"ts":1,"log":{"msg":"User User123 logged in."},"svc":"ModernCRM"}', '{"ts":2, broken', '{"ts":3,"log":{"msg":"User User9 logged out."}}'].join('\n');
    const file = join(dir, 'app.jsonl');
    await writeFile(file, input);
    const viaGateway = await cli('classify', file, '--message-field', 'log.msg', '--source-field', 'svc', '--source', 'web', '-g', gateway.httpUrl);
    const inProcess = await cli('classify', file, '--message-field', 'log.msg', '--source-field', 'svc', '--source', 'web', '--in-process', '-q');
    for (const res of [viaGateway, inProcess]) {
      expect(res.code).toBe(EXIT.OK);
      const out = jsonLines(res.stdout);
      expect(out.map((o) => [o.ts, o.target_label])).toEqual([
        [1, 'User Action'],
        [undefined, 'Unclassified'],
        [3, 'User Action'],
      ]);
      expect(out[1]).toMatchObject({ source: 'web', log_message: '{"ts":2, broken', reason: expect.stringMatching(/^line 2 is not valid JSON/) });
    }
  });

  it('takes the format from the file name or the flag, and refuses bad flags as usage errors', async () => {
    const log = join(dir, 'app.log');
    await writeFile(log, 'User User123 logged in.\n');
    expect((await cli('classify', log, '-g', gateway.httpUrl)).stdout).toBe('source,log_message,target_label\n,User User123 logged in.,User Action\n');
    const csvFromStdin = await cliWithInput('source,log_message\nModernCRM,User User123 logged in.\n', 'classify', '-', '--input-format', 'csv', '-g', gateway.httpUrl);
    expect(csvFromStdin.stdout).toBe('source,log_message,target_label\nModernCRM,User User123 logged in.,User Action\n');
    expect(await cli('classify', log, '--continuation', '(a+)+')).toMatchObject({ code: EXIT.USAGE, stderr: expect.stringMatching(/--continuation: continuation pattern refused/) });
    expect(await cli('classify', log, '--input-format', 'xml')).toMatchObject({ code: EXIT.USAGE, stderr: expect.stringMatching(/--input-format: unknown input format "xml": choose from csv, lines, jsonl/) });
    expect(await cli('classify', log, '--output-format', 'tsv')).toMatchObject({ code: EXIT.USAGE });
    expect(await cli('classify', log, '--message-field', 'msg')).toMatchObject({ code: EXIT.USAGE, stderr: 'logclass: --message-field applies to --input-format jsonl (the input is read as lines)\n' });
  });

  describe('behind tail -f: lines written slowly to a child process are answered before stdin closes', () => {
    const slowly = async (args: string[]) => {
      const { child, lines, stderr } = spawnCli(['classify', '-', '--output-format', 'jsonl', '--source', 'ModernCRM', ...args]);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const latencies: number[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          const sent = Date.now();
          child.stdin.write(`User User${i} logged in.\n`);
          const line = await lines.next();
          expect(line.done).toBe(false);
          expect(JSON.parse(line.value as string)).toMatchObject({ log_message: `User User${i} logged in.`, target_label: 'User Action' });
          latencies.push(Date.now() - sent);
        }
        // Still open: everything above came back while the CLI was waiting for more input.
        expect(child.exitCode).toBeNull();
        child.stdin.end('User User9 logged out.\n');
        expect(JSON.parse((await lines.next()).value as string)).toMatchObject({ log_message: 'User User9 logged out.' });
        expect(await exited).toBe(0);
      } catch (err) {
        child.kill();
        throw new Error(`${(err as Error).message}\nstderr: ${stderr()}`);
      }
      // The first answer includes the start-up; later ones only the ~200 ms flush and the classification.
      expect(latencies.slice(1).every((ms) => ms < 2000)).toBe(true);
    };

    it('through the gateway', () => slowly(['-g', gateway.httpUrl]), 60_000);
    it('in process', () => slowly(['--in-process', '--quiet']), 60_000);
  });
});
