import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * tools/supervisor.mjs (what `npm start` runs the services under), run for
 * real: a supervisor process over tiny real child processes, killed and
 * signalled as a user or a crash would.
 */
const SUPERVISOR = pathToFileURL(join(__dirname, '..', '..', 'supervisor.mjs')).href;
const LONG_RUNNING = ['-e', 'setInterval(() => {}, 1000)'];
const FAILS_AT_ONCE = ['-e', 'process.exit(3)'];

interface Running {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first log line (from `from` on) matching `pattern`. */
  waitFor(pattern: RegExp, from?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function startSupervisor(services: { name: string; args: string[] }[], options: Record<string, number>): Running {
  const script = `import { runSupervised } from ${JSON.stringify(SUPERVISOR)};
runSupervised(${JSON.stringify(services.map((s) => ({ ...s, command: process.execPath })))}, ${JSON.stringify(options)});`;
  const proc = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffered = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line ${pattern} in:\n${lines.join('\n')}`)), 10_000);
      const look = () => {
        for (const line of lines.slice(from)) {
          const m = pattern.exec(line);
          if (m) {
            clearTimeout(timer);
            return resolve(m);
          }
        }
        waiters.push(look);
      };
      look();
    });
  return { proc, lines, waitFor, exited };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pidOf = async (s: Running, name: string, from = 0) => Number((await s.waitFor(new RegExp(`^\\[supervisor\\] ${name} started \\(pid (\\d+)\\)`), from))[1]);

describe('the npm start supervisor', () => {
  const running: Running[] = [];
  afterEach(async () => {
    for (const s of running.splice(0)) {
      s.proc.kill('SIGTERM');
      await s.exited;
      // Whatever a failed case left behind (a child the supervisor never stopped) is not left running.
      for (const line of s.lines) {
        const pid = Number(/ started \(pid (\d+)\)$/.exec(line)?.[1]);
        if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      }
    }
  });

  it('restarts a service that dies, with a log line, and leaves the others running', async () => {
    const s = startSupervisor(
      [
        { name: 'embedding', args: LONG_RUNNING },
        { name: 'gateway', args: LONG_RUNNING },
      ],
      { backoffMs: 100 },
    );
    running.push(s);
    const embedding = await pidOf(s, 'embedding');
    const gateway = await pidOf(s, 'gateway');
    const mark = s.lines.length;
    process.kill(embedding, 'SIGKILL');
    await s.waitFor(/^\[supervisor\] embedding exited \(SIGKILL\); restarting in 100 ms$/, mark);
    const restarted = await pidOf(s, 'embedding', mark);
    expect(restarted).not.toBe(embedding);
    expect(alive(restarted)).toBe(true);
    expect(alive(gateway)).toBe(true);
    expect(s.lines.filter((l) => l.includes('gateway started'))).toHaveLength(1);
  });

  it('backs off, doubling, and gives up on a service that keeps failing at once; the others keep running', async () => {
    const s = startSupervisor(
      [
        { name: 'broken', args: FAILS_AT_ONCE },
        { name: 'gateway', args: LONG_RUNNING },
      ],
      { backoffMs: 50, maxFastFailures: 4 },
    );
    running.push(s);
    const gateway = await pidOf(s, 'gateway');
    await s.waitFor(/^\[supervisor\] broken exited \(code 3\) 4 times in a row .*: giving up on it; the others keep running$/);
    const delays = s.lines.map((l) => /^\[supervisor\] broken exited \(code 3\); restarting in (\d+) ms$/.exec(l)?.[1]).filter(Boolean);
    expect(delays).toEqual(['50', '100', '200']);
    expect(alive(gateway)).toBe(true);
    expect(s.proc.exitCode).toBeNull();
  });

  it('exits 1 once every service has been given up on', async () => {
    const s = startSupervisor([{ name: 'broken', args: FAILS_AT_ONCE }], { backoffMs: 10, maxFastFailures: 2 });
    running.push(s);
    expect(await s.exited).toBe(1);
    expect(s.lines.at(-1)).toBe('[supervisor] every service has been given up on');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops every service on %s and restarts none', async (signal) => {
    const s = startSupervisor(
      [
        { name: 'regex', args: LONG_RUNNING },
        { name: 'gateway', args: LONG_RUNNING },
      ],
      { backoffMs: 10 },
    );
    running.push(s);
    const pids = [await pidOf(s, 'regex'), await pidOf(s, 'gateway')];
    s.proc.kill(signal);
    expect(await s.exited).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(s.lines.filter((l) => l.includes('started'))).toHaveLength(2);
    expect(s.lines.filter((l) => / stopped \(SIGTERM\)$/.test(l))).toHaveLength(2);
  });
});
