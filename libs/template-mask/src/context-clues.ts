/**
 * Cheap tests that run before the context patterns of patterns.ts
 * (STATUS_CONTEXT, EXIT_CONTEXT, ID_CONTEXT, KEY_AFTER) on each number or
 * quoted token: when they say no, the pattern cannot match, and most numbers
 * ("port 4312", "took 12") are decided without slicing out their context and
 * running three patterns over it. context-clues.spec.ts checks each
 * implication on generated contexts.
 */

/** At most this many quotes, spaces, `:`, `=` or `#` stand between a context word and its value (`"status": "`). */
const MAX_GAP = 5;

/** A character a context pattern's tail may hold (`["'\s:=#]`); more than that (any control or non-ASCII character) is harmless: none can end a context word. */
function inGap(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3a || c === 0x3d || c === 0x23 || c >= 0x80;
}

/**
 * False when no status, exit or id context can end at `offset` of `line`:
 * every context word (status, code, http or http/1.1, returned, response,
 * exit ... code, id) ends in s, e, p, d or a digit, and only a gap of at most
 * MAX_GAP quote, space, `:`, `=` or `#` characters follows it.
 */
export function mayFollowContext(line: string, offset: number): boolean {
  let start = offset;
  while (start > 0 && offset - start <= MAX_GAP && inGap(line.charCodeAt(start - 1))) start--;
  if (start === 0 || offset - start > MAX_GAP) return false;
  // ASCII letters to lower case; a few other characters land on digits or letters too, which only lets more through.
  const c = line.charCodeAt(start - 1) | 0x20;
  return c === 0x73 || c === 0x65 || c === 0x70 || c === 0x64 || (c >= 0x30 && c <= 0x39);
}

/** False when KEY_AFTER (`^\s*:`) cannot match what follows a quoted token at `end`: that starts with a colon or a space. */
export function mayBeKey(line: string, end: number): boolean {
  const c = line.charCodeAt(end);
  return c === 0x3a || c <= 0x20 || c >= 0x80;
}

/**
 * False when no number of `line` can follow a status, exit or id context: each
 * context ends in one of these words (the exit ones in code or status), then
 * 1 to MAX_GAP gap characters before the number's first digit (at least one,
 * as a number does not start inside a word). Case is ignored as by the
 * context patterns. The number pass then masks every number alike, without
 * a call per number.
 */
export const CONTEXT_WORD = /(?:status|code|http(?:\/\d(?:\.\d)?)?|returned|response|id)["'\s:=#]{1,5}\d/i;

/**
 * False when no quoted token of `line` can be kept by the quoted pass: a kept
 * one is a key (its closing quote then, maybe after spaces, a colon), a log
 * level right after its opening quote, or a status code right after it. The
 * quoted pass then masks every quoted token alike, without a call per token.
 */
export const KEPT_QUOTED = /["']\s*:|["'](?:trace|debug|info|notice|warn|err|crit|alert|emerg|fatal|severe)|["'][1-5]\d\d/i;
