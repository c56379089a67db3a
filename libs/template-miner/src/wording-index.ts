import { MAY_ACCEPT, WORDING } from './template-shape';

/**
 * Postings longer than this are skipped when looking for candidates: a word
 * that many templates of one token count share at one position (a JSON
 * logger's keys, `the`) tells them apart no better than scanning them all.
 */
const MAX_POSTING = 512;

/**
 * The templates of one token count by the wording they hold at each
 * position: which templates a line shares words with, at the same places,
 * without scoring every template of its count. Used when the line's own
 * branch holds no template similar enough (its routing word was a value).
 */
export class WordingIndex<T> {
  private readonly byPosition: Map<string, Set<T>>[] = [];
  private readonly items = new Set<T>();

  get size(): number {
    return this.items.size;
  }

  add(item: T, tokens: readonly string[], marks: Uint8Array): void {
    this.items.add(item);
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0) continue;
      let postings = this.byPosition[i];
      if (!postings) this.byPosition[i] = postings = new Map();
      let items = postings.get(tokens[i]);
      if (!items) postings.set(tokens[i], (items = new Set()));
      items.add(item);
    }
  }

  remove(item: T, tokens: readonly string[], marks: Uint8Array): void {
    this.items.delete(item);
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0) continue;
      const postings = this.byPosition[i];
      const items = postings?.get(tokens[i]);
      if (!postings || !items) continue;
      items.delete(item);
      if (items.size === 0) postings.delete(tokens[i]);
    }
  }

  /**
   * Templates that equal the line's token at some wording position, most
   * shared positions first (ties: first indexed first), at most `limit`.
   */
  candidates(tokens: readonly string[], limit: number): T[] {
    const shared = new Map<T, number>();
    let skipped: Set<T> | undefined;
    for (let i = 0; i < tokens.length && i < this.byPosition.length; i++) {
      const items = this.byPosition[i]?.get(tokens[i]);
      if (!items) continue;
      if (items.size > MAX_POSTING) {
        if (!skipped || items.size < skipped.size) skipped = items;
        continue;
      }
      for (const item of items) shared.set(item, (shared.get(item) ?? 0) + 1);
    }
    // Only common words in common: the first templates that share the rarest of them.
    if (shared.size === 0 && skipped) return [...take(skipped, limit)];
    return [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([item]) => item);
  }

  /**
   * Templates holding every wording token of `tokens` at its position (the
   * only ones a template with that wording can cover; `key=<*>` accepts
   * other tokens, so it is not required): the shortest posting of those
   * positions; every template when there are none.
   */
  holdingAll(tokens: readonly string[], marks: Uint8Array): T[] {
    let shortest: Set<T> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if ((marks[i] & WORDING) === 0 || (marks[i] & MAY_ACCEPT) !== 0) continue;
      const items = this.byPosition[i]?.get(tokens[i]);
      if (!items) return [];
      if (!shortest || items.size < shortest.size) shortest = items;
    }
    return [...(shortest ?? this.items)];
  }
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n === 0) return;
  }
}
