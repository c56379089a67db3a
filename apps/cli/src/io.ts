import type { Writable } from 'node:stream';

/** Where a command reads its environment and writes: the process in main.ts, buffers in tests. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}
