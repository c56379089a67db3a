import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a benchmark's `main` with a scratch directory of its own (in `parent`,
 * the system's temporary directory unless told), removed when `main` ends
 * however it ends; a failure prints and exits non-zero.
 */
export function runBench(prefix: string, main: (dir: string) => Promise<void>, parent = tmpdir()): void {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  void main(dir)
    .finally(() => rmSync(dir, { recursive: true, force: true }))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
