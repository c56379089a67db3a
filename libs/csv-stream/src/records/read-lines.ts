import { invalidArgument } from '@logclass/classifier';

const NEWLINE = 0x0a;

/** One line of a plain or JSON-lines input. */
export interface Line {
  text: string;
  /** 1-based line number in the input. */
  number: number;
  /** Why the line is not usable as it stands (bytes that are not UTF-8). */
  problem?: string;
}

/**
 * Splits a byte stream into lines (LF or CRLF), yielding the complete lines
 * of each input chunk as one array. Blank lines are not records and are left
 * out (their numbers still count). A line that is not UTF-8 is kept, decoded
 * with U+FFFD for the bad bytes and marked with the problem, so it is
 * answered rather than lost, and does not stop the stream. A line longer
 * than `maxLineBytes` fails the stream: that bounds memory on input with no
 * line ends at all.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<Line[]> {
  const splitter = new LineSplitter();
  let carry: Buffer[] = [];
  let carried = 0;
  const tooLong = () => invalidArgument(`line ${splitter.lines + 1} is longer than ${maxLineBytes} bytes: send one record per line`);
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      carried += chunk.length;
      if (carried > maxLineBytes) throw tooLong();
      carry.push(chunk);
      continue;
    }
    const first = chunk.indexOf(NEWLINE);
    if (carried + first > maxLineBytes) throw tooLong();
    const block = carry.length > 0 ? Buffer.concat([...carry, chunk.subarray(0, last + 1)]) : chunk.subarray(0, last + 1);
    const rest = chunk.subarray(last + 1);
    // A copy: a view would keep the whole chunk alive while the line waits for its end.
    carry = rest.length > 0 ? [Buffer.from(rest)] : [];
    carried = rest.length;
    const lines = splitter.split(block, maxLineBytes);
    if (lines.length > 0) yield lines;
  }
  if (carried > 0) {
    const lines = splitter.split(Buffer.concat(carry), maxLineBytes);
    if (lines.length > 0) yield lines;
  }
}

/** Turns blocks of whole lines into Lines, numbering them across blocks. */
class LineSplitter {
  /** Lines seen so far, blank ones included. */
  lines = 0;
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });

  /** `block` holds whole lines: it ends with a newline, or is the input's last line. */
  split(block: Buffer, maxLineBytes: number): Line[] {
    let texts: string[];
    try {
      texts = this.strict.decode(block).split('\n');
      if (texts[texts.length - 1] === '') texts.pop();
    } catch {
      return this.splitBytes(block, maxLineBytes);
    }
    const out: Line[] = [];
    for (const raw of texts) {
      const number = ++this.lines;
      // Checked on characters here (cheap), bytes on the slow path: a bound on memory, not an exact count.
      if (raw.length > maxLineBytes) throw invalidArgument(`line ${number} is longer than ${maxLineBytes} bytes: send one record per line`);
      const text = clean(raw, number);
      if (!isBlank(text)) out.push({ text, number });
    }
    return out;
  }

  /** The slow path for a block holding bytes that are not UTF-8: each line decoded alone, the bad ones marked. */
  private splitBytes(block: Buffer, maxLineBytes: number): Line[] {
    const out: Line[] = [];
    for (let from = 0; from < block.length; ) {
      const end = block.indexOf(NEWLINE, from);
      const stop = end < 0 ? block.length : end;
      const bytes = block.subarray(from, stop);
      from = stop + 1;
      const number = ++this.lines;
      if (bytes.length > maxLineBytes) throw invalidArgument(`line ${number} is longer than ${maxLineBytes} bytes: send one record per line`);
      let decoded: string;
      let problem: string | undefined;
      try {
        decoded = this.strict.decode(bytes);
      } catch {
        decoded = this.lenient.decode(bytes);
        problem = `line ${number} is not UTF-8 text (its bad bytes are shown as \uFFFD)`;
      }
      const text = clean(decoded, number);
      if (!isBlank(text)) out.push(problem ? { text, number, problem } : { text, number });
    }
    return out;
  }
}

/** Strips the line's CR (CRLF files) and, on the first line, a byte-order mark. */
function clean(raw: string, number: number): string {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  return number === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}
