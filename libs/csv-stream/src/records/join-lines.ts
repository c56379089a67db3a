import type { LogRecord } from '@logclass/contract';
import { INTERRUPTED, Lookahead } from '../lookahead';
import type { ContinuationRule } from './continuation-rule';
import type { Line } from './read-lines';

/** One record read from the input: what to classify, or why it cannot be. */
export interface InputRecord {
  record: LogRecord;
  /** Set when the input could not be read as a record: it is answered Unclassified with this reason, not classified. */
  problem?: string;
  /** The input's own fields (a JSON line's object), echoed back in JSON output. */
  fields?: Record<string, unknown>;
}

export interface JoinOptions {
  rule: ContinuationRule | undefined;
  source: string;
  /** A record is complete once no continuation line came for this long (a stream waits for the next line otherwise). */
  idleMs: number;
  /** A record grows no longer than this (characters); the next line then starts a new one. */
  maxRecordChars: number;
}

/**
 * Plain log lines to records: each line starts a record unless the rule says
 * it continues the one above (joined with "\n"). The last record of a burst
 * is complete once the input has been quiet for `idleMs`, so `tail -f` output
 * is answered without waiting for the next line.
 */
export async function* joinLines(lines: AsyncIterable<Line[]>, opts: JoinOptions): AsyncGenerator<InputRecord[]> {
  let open: { parts: string[]; chars: number; problem?: string } | undefined;
  const close = (): InputRecord => {
    const done = open as { parts: string[]; problem?: string };
    open = undefined;
    const record = { source: opts.source, logMessage: done.parts.join('\n') };
    return done.problem ? { record, problem: done.problem } : { record };
  };
  const input = new Lookahead(lines[Symbol.asyncIterator]());
  try {
    for (;;) {
      const read = await input.nextOr(open ? opts.idleMs : undefined);
      if (read === INTERRUPTED) {
        yield [close()];
        continue;
      }
      if (read.done) break;
      const out: InputRecord[] = [];
      for (const line of read.value) {
        if (open && opts.rule?.continues(line.text) && open.chars + 1 + line.text.length <= opts.maxRecordChars) {
          open.parts.push(line.text);
          open.chars += 1 + line.text.length;
          open.problem ??= line.problem;
          continue;
        }
        if (open) out.push(close());
        open = { parts: [line.text], chars: line.text.length, problem: line.problem };
      }
      if (out.length > 0) yield out;
    }
    if (open) yield [close()];
  } finally {
    input.close();
  }
}
