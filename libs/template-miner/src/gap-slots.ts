import { PLACEHOLDERS } from '@logclass/template-mask';
import { isValueShaped, MAY_ACCEPT, WORDING } from './template-shape';
import { delimiterTail, isWildcard, keyPrefix, WILDCARD, wildcardAccepts } from './tokens';

/**
 * Multi-token values at a wildcard: a value that is sometimes one token and
 * sometimes a few (`(zoom.us)` / `(Google Chrome)`, `Safari` / `Microsoft
 * Word`, `mdworker(13023)` / `Slack Helper (Renderer)(38160)`). Drain compares
 * lines of one token count only, so such a template splits by the number of
 * words in its value. A line with a few more tokens than a template joins it
 * when every position but one wildcard matches, before it and after it
 * (aligned from the end), and the extra tokens read as one name rather than
 * as wording. The template's text stays as it is: its wildcard already
 * stands for a value that varies; it now also stands for longer ones.
 */

/** Extra tokens a wildcard may take: names run to a few words; more is a different message. */
export const MAX_EXTRA_TOKENS = 3;

/** Wording the template keeps outside the wildcard, at least: a gap must not swallow what tells templates apart. */
const MIN_FIXED_WORDING = 3;

/** A word of a name: capitalised (`Google`, `Microsoft`, `Helper`), or shaped like a value (isValueShaped). */
const CAPITALISED = /^[A-Z][\w.+'-]*[ ,;]*$/;

/**
 * Whether `line` (longer by 1 to MAX_EXTRA_TOKENS tokens) fits `template`
 * with the extra tokens taken by one of its wildcards: every other position
 * equal or accepted by the template's wildcard there, and the gap one name
 * (readsAsOneValue) ending with the wildcard's delimiters. Also
 * used with another template's tokens as `line`: its positions in the gap
 * may be wildcards and placeholders. `wording`: the template's wording
 * positions (TemplateShape.wording), all of them outside the gap.
 */
export function fitsGap(template: readonly string[], wording: number, line: readonly string[], isMeaning: (token: string) => boolean): boolean {
  const extra = line.length - template.length;
  if (extra < 1 || extra > MAX_EXTRA_TOKENS || wording < MIN_FIXED_WORDING) return false;
  // The longest run of matching positions from the start; the wildcard must sit at or before it.
  let prefix = 0;
  while (prefix < template.length && fits(template[prefix], line[prefix])) prefix++;
  for (let at = Math.min(prefix, template.length - 1); at >= 0; at--) {
    const quoted = isQuotedValue(template[at]);
    if (!quoted && !isWildcard(template[at]) && !template[at].includes('=<*>')) continue;
    // A wildcard beside another is a run of them (a message the envelope's template gave up on): which one takes the gap is anyone's guess.
    if ((at > 0 && isWildcard(template[at - 1])) || (at + 1 < template.length && isWildcard(template[at + 1]))) continue;
    if (!suffixFits(template, line, at, extra)) continue;
    const gap = line.slice(at, at + extra + 1);
    if (quoted ? quotedGapFits(template[at], gap, isMeaning) : gapFits(template[at], gap, isMeaning)) return true;
  }
  return false;
}

const QUOTED_PLACEHOLDER = PLACEHOLDERS.quoted;

/** Whether a template (its text and TemplateShape.wording) may take a gap at all: fitsGap is false for any line otherwise. */
export function isGapCapable(text: string, wording: number): boolean {
  return wording >= MIN_FIXED_WORDING && mayTakeGap(text);
}

/**
 * The positions of a template's first and last anchor, undefined when it has
 * none. An anchor is wording that only an equal token fits (no wildcard, no
 * masked quoted value, which a gap may take), so a line a template's gap
 * fits holds the template's first anchor at its place when the gap comes
 * after it, and its last anchor shifted by the extra tokens when the gap
 * comes before it. The miner finds the few templates a gap may fit by these
 * instead of ranking every template of a token count (gap-index.ts).
 */
export function gapAnchors(tokens: readonly string[], marks: Uint8Array): readonly [first: number, last: number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if ((marks[i] & WORDING) === 0 || (marks[i] & MAY_ACCEPT) !== 0 || tokens[i].includes(QUOTED_PLACEHOLDER)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last];
}

/** Whether a template's text has a position that may take a gap: a wildcard or a field's masked quoted value (a cheap test first). */
export function mayTakeGap(text: string): boolean {
  return text.includes(WILDCARD) || text.includes(QUOTED_PLACEHOLDER);
}

/**
 * A field's quoted value the masker replaced (`tag=<QUOTED>, `): the
 * masker replaces a quoted value of one word only, so the same field with a
 * value of a few words (`tag="View Lock", `) is a longer line of the same
 * template. Not a message's own field (`msg=`, `message=`), whose words are
 * the wording of the line, as logfmt writes it.
 */
function isQuotedValue(token: string): boolean {
  const key = keyPrefix(token);
  if (key === '' || MESSAGE_KEYS.has(key.slice(0, -1).toLowerCase())) return false;
  return token.startsWith(QUOTED_PLACEHOLDER, key.length) && delimiterTail(token).length === token.length - key.length - QUOTED_PLACEHOLDER.length;
}

/** Keys under which structured loggers write the message itself. */
const MESSAGE_KEYS = new Set(['msg', 'message']);

/** Whether the run is that field: its key, one quoted value, the placeholder's delimiters, and no meaning word. */
function quotedGapFits(placeholder: string, gap: readonly string[], isMeaning: (token: string) => boolean): boolean {
  const key = keyPrefix(placeholder);
  const last = gap[gap.length - 1];
  if (!gap[0].startsWith(key) || delimiterTail(last) !== delimiterTail(placeholder) || !insideOneQuote(gap)) return false;
  return gap.every((token) => !isMeaning(token));
}

function fits(t: string, s: string): boolean {
  return t === s || wildcardAccepts(t, s) === true;
}

function suffixFits(template: readonly string[], line: readonly string[], at: number, extra: number): boolean {
  for (let j = at + 1; j < template.length; j++) if (!fits(template[j], line[j + extra])) return false;
  return true;
}

function gapFits(wildcard: string, gap: readonly string[], isMeaning: (token: string) => boolean): boolean {
  // The wildcard takes the run as one token: its key and delimiters must hold for the run as a whole.
  if (wildcardAccepts(wildcard, gap.join('')) !== true) return false;
  for (let i = 0; i < gap.length; i++) {
    const token = gap[i];
    if (isMeaning(token) || token.trimEnd().endsWith(':') || (i > 0 && token.includes('='))) return false;
  }
  return readsAsOneValue(gap);
}

/**
 * A run of tokens that is one value, not a value and more words: one
 * bracketed group from its first token to its last (`(Google Chrome)`), or
 * words of a name (CAPITALISED or value-shaped) but for the last, which may
 * carry more (`Slack Helper (Renderer)(<NUM>)`). `[sshd] Restore` is a
 * value and a word; `invalid user admin`, `the dashboard`, `remove task`
 * are phrases.
 */
function readsAsOneValue(gap: readonly string[]): boolean {
  if (insideOneGroup(gap)) return true;
  // A bracketed group before the last token closes one value, and what follows is more than it (`[sshd] Restore`).
  for (let i = 0; i < gap.length - 1; i++) if (OPENERS.includes(gap[i][0]) || (!CAPITALISED.test(gap[i]) && !isValueShaped(gap[i]))) return false;
  return true;
}

/** Whether the run opens a bracket in its first token that closes in its last, and stays inside it between. */
function insideOneGroup(gap: readonly string[]): boolean {
  if (!OPENERS.includes(gap[0][0])) return false;
  let depth = 0;
  for (let i = 0; i < gap.length; i++) {
    for (const c of gap[i]) {
      if (OPENERS.includes(c)) depth++;
      else if (CLOSERS.includes(c)) depth--;
    }
    if (depth <= 0 && i < gap.length - 1) return false;
  }
  return depth === 0;
}

/** Whether the run is one quoted value after its key: a quote opens its first token's value (`tag="View `) and closes its last token (`Lock", `), with none between. */
function insideOneQuote(gap: readonly string[]): boolean {
  const first = gap[0];
  const open = keyPrefix(first).length;
  const quote = first[open];
  if (quote !== '"' && quote !== "'") return false;
  const joined = gap.join('');
  const close = joined.length - delimiterTail(joined).length - 1;
  return close > open && joined[close] === quote && joined.indexOf(quote, open + 1) === close;
}

const OPENERS = '([{';
const CLOSERS = ')]}';
