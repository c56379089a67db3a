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

const ALPHABET = 128;

export class LiteralScanner {
  /** state * ALPHABET + folded char code -> next state (the full automaton, failures resolved). */
  private readonly next: Int32Array;
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
    literalsByRule.forEach((literals, rule) => {
      if (!literals || literals.length === 0 || literals.some((l) => l.length === 0 || [...l].some((ch) => ch.charCodeAt(0) >= ALPHABET))) return;
      this.filtered[rule] = 1;
      for (const literal of literals) {
        let state = 0;
        for (const code of foldedCodes(literal)) {
          let child = children[state].get(code);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push(new Set());
            children[state].set(code, child);
          }
          state = child;
        }
        ends[state].add(rule);
      }
    });

    // Breadth first, so a state's failure state (shallower) is complete before it.
    this.next = new Int32Array(children.length * ALPHABET);
    const fail = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [code, child] of children[0]) {
      this.next[code] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const rule of ends[fail[state]]) ends[state].add(rule);
      for (let code = 0; code < ALPHABET; code++) {
        const child = children[state].get(code);
        const onFailure = this.next[fail[state] * ALPHABET + code];
        if (child === undefined) {
          this.next[state * ALPHABET + code] = onFailure;
        } else {
          this.next[state * ALPHABET + code] = child;
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
    const { next, found, seen } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= ALPHABET) {
        state = 0;
        continue;
      }
      if (code >= 65 && code <= 90) code += 32;
      state = next[state * ALPHABET + code];
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
