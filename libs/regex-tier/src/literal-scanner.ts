/**
 * Finds in one pass over a line which rules' required literals it contains:
 * an Aho-Corasick automaton over ASCII with ASCII case folded. Testing each
 * rule's literals with `includes` costs as much as the regexes it saves (a
 * hundred rules, several literals each); one pass costs a few nanoseconds
 * per character.
 *
 * Folding case for every rule is a weaker test than a case-sensitive rule's
 * literal needs, so it can let through a line the regex then rejects, but it
 * never skips a line the regex would match. Literals are ASCII
 * (required-literals.ts), so a non-ASCII character ends every partial match.
 */

const ASCII = 128;

export class LiteralScanner {
  /**
   * Folded ASCII char code -> its column in `next`: the characters some literal holds get
   * one each, every other character column 0 (it ends every partial match). The rules' ~50
   * characters instead of 128 columns, and 16-bit states when they fit, make the table a
   * quarter of the bytes: it is read once per character of every line, and between batches
   * a busy machine evicts it from the caches.
   */
  private readonly column = new Uint8Array(ASCII);
  private readonly columns: number;
  /** state * columns + column -> next state (the full automaton, failures resolved). */
  private readonly next: Uint16Array | Int32Array;
  /** state -> the rules one of whose literals ends at that state (directly or by a suffix). */
  private readonly found: (readonly number[] | undefined)[];
  /** Rules with literals; the others are always admitted. */
  private readonly filtered: Uint8Array;
  /** seen[rule] === stamp: the last scanned line contains one of the rule's literals. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** `literalsByRule[i]`: rule i's literals (one must occur), or undefined for a rule that always runs. */
  constructor(literalsByRule: readonly (readonly string[] | undefined)[]) {
    const children: Map<number, number>[] = [new Map()];
    const ends: Set<number>[] = [new Set()];
    this.filtered = new Uint8Array(literalsByRule.length);
    this.seen = new Uint32Array(literalsByRule.length);
    let columns = 1;
    literalsByRule.forEach((literals, rule) => {
      if (!literals || literals.length === 0 || literals.some((l) => l.length === 0 || [...l].some((ch) => ch.charCodeAt(0) >= ASCII))) return;
      this.filtered[rule] = 1;
      for (const literal of literals) {
        let state = 0;
        for (const code of foldedCodes(literal)) {
          if (this.column[code] === 0) this.column[code] = columns++;
          const column = this.column[code];
          let child = children[state].get(column);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push(new Set());
            children[state].set(column, child);
          }
          state = child;
        }
        ends[state].add(rule);
      }
    });
    // Upper-case letters read as their lower-case column.
    for (let code = 65; code <= 90; code++) this.column[code] = this.column[code + 32];
    this.columns = columns;

    // Breadth first, so a state's failure state (shallower) is complete before it.
    this.next = children.length <= 0xffff ? new Uint16Array(children.length * columns) : new Int32Array(children.length * columns);
    const next = this.next;
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [column, child] of children[0]) {
      next[column] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const rule of ends[fail[state]]) ends[state].add(rule);
      for (let column = 0; column < columns; column++) {
        const child = children[state].get(column);
        const onFailure = next[fail[state] * columns + column];
        if (child === undefined) {
          next[state * columns + column] = onFailure;
        } else {
          next[state * columns + column] = child;
          fail[child] = onFailure;
          queue.push(child);
        }
      }
    }
    this.found = ends.map((rules) => (rules.size > 0 ? [...rules] : undefined));
  }

  /** Reads a line; admits() then answers for it. */
  scan(text: string): void {
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { next, found, seen, column, columns } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[state * columns + (code < ASCII ? column[code] : 0)];
      const rules = found[state];
      if (rules !== undefined) for (const rule of rules) seen[rule] = stamp;
    }
  }

  /** Whether rule `rule` may match the last scanned line: it has no literals, or the line contains one. */
  admits(rule: number): boolean {
    return this.filtered[rule] === 0 || this.seen[rule] === this.stamp;
  }
}

function foldedCodes(literal: string): number[] {
  return [...literal].map((ch) => ch.toLowerCase().charCodeAt(0));
}
