import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a benchmark's `main` with a scratch directory of its own, removed
 * when `main` ends however it ends; a failure prints and exits non-zero.
 */
export function runBench(prefix: string, main: (dir: string) => Promise<void>): void {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  void main(dir)
    .finally(() => rmSync(dir, { recursive: true, force: true }))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
