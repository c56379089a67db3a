import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TierProcess {
  readonly port: number;
  /** host:port for a client. */
  readonly address: string;
  /** ClassifyBatch calls the process has received so far. */
  readonly calls: number;
  /** SIGKILL: the tier dies at once, mid-request if it is serving one. */
  kill(): Promise<void>;
}

/**
 * Starts a marker tier (see MarkerTier: decides records containing `@<tier>`)
 * as a separate Node process on 127.0.0.1, so a test can kill it for real.
 * `delayMs` holds every answer, to have calls in flight when it dies; `port`
 * restarts it where it was.
 */
export function startTierProcess(opts: { tier: string; port?: number; delayMs?: number }): Promise<TierProcess> {
  const script = join(__dirname, 'processes', 'marker-tier-server.cjs');
  const child = spawn(process.execPath, [script, opts.tier, String(opts.port ?? 0), String(opts.delayMs ?? 0)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let calls = 0;
  return new Promise<TierProcess>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`tier process exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('CALL ')) calls = Number(line.slice(5));
      else if (line.startsWith('LISTENING ')) {
        const port = Number(line.slice(10));
        resolve({
          port,
          address: `127.0.0.1:${port}`,
          get calls() {
            return calls;
          },
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
  });
}
