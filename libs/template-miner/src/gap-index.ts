import { gapAnchors } from './gap-slots';

/**
 * The templates of one token count that may take a gap (isGapCapable), by
 * their first and last anchors (gapAnchors): the templates a line a few
 * tokens longer may fit through a multi-token value at one wildcard. A line
 * fits a template only if it holds the template's first anchor at its place
 * (the gap comes after it) or its last anchor shifted by the extra tokens
 * (the gap comes before it), so these few are all fitsGap need look at.
 * Nearly no line fits any; ranking every template of the count by shared
 * wording to find that out was a quarter of the miner's time on lines it
 * had not seen.
 */
export class GapIndex<T> {
  private readonly byFirst: Map<string, Set<T>>[] = [];
  private readonly byLast: Map<string, Set<T>>[] = [];
  /** Templates without an anchor (every word of theirs takes other tokens): looked at for every line. */
  private readonly unanchored = new Set<T>();

  add(item: T, tokens: readonly string[], marks: Uint8Array): void {
    const anchors = gapAnchors(tokens, marks);
    if (!anchors) {
      this.unanchored.add(item);
      return;
    }
    const [first, last] = anchors;
    postingOf(this.byFirst, first, tokens[first]).add(item);
    postingOf(this.byLast, last, tokens[last]).add(item);
  }

  remove(item: T, tokens: readonly string[], marks: Uint8Array): void {
    const anchors = gapAnchors(tokens, marks);
    if (!anchors) {
      this.unanchored.delete(item);
      return;
    }
    const [first, last] = anchors;
    removeFrom(this.byFirst, first, tokens[first], item);
    removeFrom(this.byLast, last, tokens[last], item);
  }

  /** The templates a line `extra` tokens longer than them may fit through a gap: its tokens hold their first anchor in place or their last one shifted. */
  mayFit(line: readonly string[], extra: number): Set<T> {
    const found = new Set(this.unanchored);
    const length = line.length - extra;
    for (let i = 0; i < length; i++) {
      const first = this.byFirst[i]?.get(line[i]);
      if (first) for (const item of first) found.add(item);
      const last = this.byLast[i]?.get(line[i + extra]);
      if (last) for (const item of last) found.add(item);
    }
    return found;
  }
}

function postingOf<T>(byPosition: Map<string, Set<T>>[], at: number, token: string): Set<T> {
  let postings = byPosition[at];
  if (!postings) byPosition[at] = postings = new Map();
  let items = postings.get(token);
  if (!items) postings.set(token, (items = new Set()));
  return items;
}

function removeFrom<T>(byPosition: Map<string, Set<T>>[], at: number, token: string, item: T): void {
  const items = byPosition[at]?.get(token);
  if (!items) return;
  items.delete(item);
  if (items.size === 0) byPosition[at].delete(token);
}
