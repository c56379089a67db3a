import type { Readable, Writable } from 'node:stream';

/** Where a command reads its environment and input and writes: the process in main.ts, buffers in tests. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** What `classify -` reads; absent = nothing (an empty input). */
  stdin?: Readable;
}
