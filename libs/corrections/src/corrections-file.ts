import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** One operator correction: this line should have had this label. */
export interface Correction {
  source: string;
  logMessage: string;
  /** A taxonomy label, spelled canonically. */
  label: string;
}

/** The corrections file is a labelled CSV that `logclass train` reads like the corpus. */
export const CORRECTIONS_HEADER = ['source', 'log_message', 'target_label', 'corrected_at'] as const;

/**
 * Appends corrections to a CSV file. Appends to one path are queued one
 * after another in this process, and each append is a single write to a file
 * opened O_APPEND, so concurrent requests never interleave rows; the header
 * is written when the file is new or empty.
 */
export class CorrectionsFile {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Resolves once the rows are on disk (in order with earlier appends). */
  append(rows: readonly Correction[]): Promise<void> {
    const run = this.tail.then(() => this.write(rows));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async write(rows: readonly Correction[]): Promise<void> {
    if (rows.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    const file = await open(this.path, 'a+');
    try {
      const { size } = await file.stat();
      let prefix = '';
      if (size === 0) prefix = stringify([[...CORRECTIONS_HEADER]]);
      else if (!(await endsWithNewline(file, size))) prefix = '\n'; // a hand-edited file without a final newline
      const at = this.now().toISOString();
      await file.writeFile(prefix + stringify(rows.map((r) => [r.source, r.logMessage, r.label, at])));
    } finally {
      await file.close();
    }
  }
}

async function endsWithNewline(file: import('node:fs/promises').FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

const openFiles = new Map<string, CorrectionsFile>();

/** The one appender per file in this process, so the gateway and the CLI (or two routes) share its queue. */
export function correctionsFile(path: string): CorrectionsFile {
  const key = resolve(path);
  let file = openFiles.get(key);
  if (!file) openFiles.set(key, (file = new CorrectionsFile(key)));
  return file;
}
