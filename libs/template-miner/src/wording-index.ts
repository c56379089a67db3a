import { MAY_ACCEPT, WORDING } from './template-shape';

/**
 * Postings longer than this are skipped when looking for candidates: a word
 * that many templates of one token count share at one position (a JSON
 * logger's keys, `the`) tells them apart no better than scanning them all.
 */
const MAX_POSTING = 512;

/**
 * One indexed item and its tally in the search under way: postings hold
 * these, so a search counts shared words on the entries themselves instead
 * of in a map it allocates per line (the miner searches several times for
 * every line it has not seen, and those maps were most of its garbage).
 */
interface Entry<T> {
  readonly item: T;
  /** The search that last counted this entry (WordingIndex.search); its tally is stale otherwise. */
  search: number;
  shared: number;
}

/**
 * The templates of one token count by the wording they hold at each
 * position: which templates a line shares words with, at the same places,
 * without scoring every template of its count. Used when the line's own
 * branch holds no template similar enough (its routing word was a value).
 */
export class WordingIndex<T> {
  private readonly byPosition: Map<string, Set<Entry<T>>>[] = [];
  private readonly entries = new Map<T, Entry<T>>();
  private search = 0;
  /** The entries the search under way has counted, first counted first (reused: one search at a time). */
  private readonly counted: Entry<T>[] = [];

  get size(): number {
    return this.entries.size;
  }

  add(item: T, tokens: readonly string[], marks: Uint8Array): void {
    let entry = this.entries.get(item);
    if (!entry) this.entries.set(item, (entry = { item, search: 0, shared: 0 }));
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0) continue;
      let postings = this.byPosition[i];
      if (!postings) this.byPosition[i] = postings = new Map();
      let entries = postings.get(tokens[i]);
      if (!entries) postings.set(tokens[i], (entries = new Set()));
      entries.add(entry);
    }
  }

  remove(item: T, tokens: readonly string[], marks: Uint8Array): void {
    const entry = this.entries.get(item);
    if (!entry) return;
    this.entries.delete(item);
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0) continue;
      const postings = this.byPosition[i];
      const entries = postings?.get(tokens[i]);
      if (!postings || !entries) continue;
      entries.delete(entry);
      if (entries.size === 0) postings.delete(tokens[i]);
    }
  }

  /**
   * Templates that equal the line's token at some wording position, most
   * shared positions first (ties: first counted first), at most `limit`.
   */
  candidates(tokens: readonly string[], limit: number): T[] {
    const search = ++this.search;
    const counted = this.counted;
    counted.length = 0;
    let skipped: Set<Entry<T>> | undefined;
    for (let i = 0; i < tokens.length && i < this.byPosition.length; i++) {
      const entries = this.byPosition[i]?.get(tokens[i]);
      if (!entries) continue;
      if (entries.size > MAX_POSTING) {
        if (!skipped || entries.size < skipped.size) skipped = entries;
        continue;
      }
      for (const entry of entries) {
        if (entry.search !== search) {
          entry.search = search;
          entry.shared = 0;
          counted.push(entry);
        }
        entry.shared++;
      }
    }
    // Only common words in common: the first templates that share the rarest of them.
    if (counted.length === 0 && skipped) return take(skipped, limit);
    const chosen = mostShared(counted, limit);
    counted.length = 0;
    return chosen;
  }

  /** Templates holding wording token `a` at position `p` and `b` at `q` (the same position and token for one). */
  holdingBoth(p: number, a: string, q: number, b: string): T[] {
    const first = this.byPosition[p]?.get(a);
    const second = this.byPosition[q]?.get(b);
    if (!first || !second) return [];
    const [fewer, more] = first.size <= second.size ? [first, second] : [second, first];
    const items: T[] = [];
    for (const entry of fewer) if (more.has(entry)) items.push(entry.item);
    return items;
  }

  /** Every template held, first indexed first. */
  all(): T[] {
    return [...this.entries.keys()];
  }

  /**
   * Templates holding every wording token of `tokens` at its position (the
   * only ones a template with that wording can cover; `key=<*>` accepts
   * other tokens, so it is not required): the shortest posting of those
   * positions; every template when there are none.
   */
  holdingAll(tokens: readonly string[], marks: Uint8Array): T[] {
    let shortest: Set<Entry<T>> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0 || (marks[i] & MAY_ACCEPT) !== 0) continue;
      const entries = this.byPosition[i]?.get(tokens[i]);
      if (!entries) return [];
      if (!shortest || entries.size < shortest.size) shortest = entries;
    }
    return shortest ? take(shortest, shortest.size) : this.all();
  }
}

/**
 * The `limit` entries with the highest tallies, highest first, ties in the
 * order counted: what a stable sort of them all would put first, without
 * sorting the hundreds a common word brings in. The tallies are counts of
 * positions, so a histogram finds the lowest tally that makes the cut.
 */
function mostShared<T>(counted: readonly Entry<T>[], limit: number): T[] {
  let chosen: Entry<T>[];
  if (counted.length <= limit) chosen = [...counted];
  else {
    let highest = 0;
    for (const entry of counted) if (entry.shared > highest) highest = entry.shared;
    const withTally = new Uint32Array(highest + 1);
    for (const entry of counted) withTally[entry.shared]++;
    // Every entry above `cut` is taken; of those at `cut`, the first ones counted until `limit` is reached.
    let cut = highest;
    let above = 0;
    while (above + withTally[cut] < limit) above += withTally[cut--];
    let atCut = limit - above;
    chosen = [];
    for (const entry of counted) {
      if (entry.shared > cut) chosen.push(entry);
      else if (entry.shared === cut && atCut > 0) {
        chosen.push(entry);
        atCut--;
      }
    }
  }
  // Stable: entries of one tally keep the order they were counted in.
  return chosen.sort((a, b) => b.shared - a.shared).map((entry) => entry.item);
}

function take<T>(entries: Iterable<Entry<T>>, n: number): T[] {
  const items: T[] = [];
  if (n <= 0) return items;
  for (const entry of entries) {
    items.push(entry.item);
    if (items.length === n) break;
  }
  return items;
}
