import { isSlotPair } from './slot-pairs';
import { isBareValue, type StatusPairTest } from './template-shape';
import { delimiterTail, isWildcard, keyPrefix, WILDCARD, wildcardAccepts } from './tokens';

/**
 * Variable-length slots: a `key=` whose value runs to the end of the line
 * over a varying number of tokens, as a command line does
 * (`... ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`). Drain
 * compares lines of one token count only, so such a template splits by the
 * number of arguments. The slot starts at the key and holds the rest of the
 * line when the value starts alike in both lines (`COMMAND=<PATH>`) and the
 * rest is plain arguments: no other `key=`, no brackets, quotes or `word:`.
 *
 * Measured and left out (training/src/mining/evaluate-grouping.ts: each lost
 * more true templates than it won): slots after a colon, inside quotes or
 * inside brackets, and key values followed by more fields. What follows a
 * colon or sits in brackets is as often the wording that tells two
 * templates apart ("cm init: all clusters initialized" / "cm init:
 * initializing cds", "(Too many connections)"), and a field that is there in
 * some lines only (`rhost=<IP> user=backup`) is another template.
 */
export interface SpanOpener {
  /** Templates with a slot here, and lines that may fill one, share it: the position and the key. */
  readonly key: string;
  readonly at: number;
}

/** Wording a template keeps outside its span, at least: a span must not swallow what tells templates apart. */
const MIN_FIXED_WORDING = 2;

/** A plain command-line argument: no bracket, quote, `=` or trailing colon. */
const PLAIN_ARG = /^[^()[\]{}"'=]*[^()[\]{}"'=:\s]\s*$/;

/** Every position a span could start at: each `key=` token whose value is not quoted and does not end in a colon. */
export function spanOpeners(tokens: readonly string[]): SpanOpener[] {
  const openers: SpanOpener[] = [];
  for (let at = 0; at < tokens.length; at++) if (opensValue(tokens[at])) openers.push(spanOpener(tokens, at));
  return openers;
}

export function spanOpener(tokens: readonly string[], at: number): SpanOpener {
  return { key: `${at}\u0000${keyPrefix(tokens[at])}`, at };
}

/** Whether a template's tokens may hold a span at `at` (a snapshot's claim, checked): the last token, a `key=`. */
export function canOpenAt(tokens: readonly string[], at: number): boolean {
  return Number.isInteger(at) && at === tokens.length - 1 && keyPrefix(tokens[at]) !== '';
}

function opensValue(token: string): boolean {
  const key = keyPrefix(token);
  if (key === '') return false;
  const first = token[key.length];
  return first !== '"' && first !== "'" && !token.trimEnd().endsWith(':');
}

export interface SpanFit {
  /** The template's tokens after the line joined it, the span its last token. */
  readonly tokens: string[];
  /** Wording positions outside the span: the better fit keeps more. */
  readonly fixed: number;
}

/**
 * How a line fits a template whose last position is a span (`span` true) or
 * would become one at the opener (`span` false: the values from the key to
 * the end of the line differ in length between the two): undefined when it
 * does not. Every position before the span must fit the line's token at the
 * same place: equal, accepted by a wildcard, or a slot pair (which
 * generalises), never a different meaning word.
 */
export function fitSpan(
  template: readonly string[],
  line: readonly string[],
  opener: SpanOpener,
  span: boolean,
  isMeaning: (token: string) => boolean,
  sameStatus: StatusPairTest,
): SpanFit | undefined {
  const at = opener.at;
  if (at >= template.length || at >= line.length || (span && at !== template.length - 1)) return undefined;
  const lineValue = line.slice(at);
  if (!isPlainValue(lineValue)) return undefined;
  let spanToken = template[at];
  if (!span) {
    const templateValue = template.slice(at);
    // Values of one length are what the token-count match already weighed (and left apart): a span is learnt from lengths that differ.
    if (templateValue.length === lineValue.length || !isPlainValue(templateValue)) return undefined;
    // The value starts alike (`COMMAND=<PATH>`): `status=sent ...` and `status=deferred ...` say different things.
    if (fitToken(template[at], line[at], isMeaning, sameStatus) === undefined) return undefined;
    spanToken = keyPrefix(template[at]) + WILDCARD;
  }
  const tokens: string[] = [];
  let fixed = 0;
  for (let i = 0; i < at; i++) {
    const fitted = fitToken(template[i], line[i], isMeaning, sameStatus);
    if (fitted === undefined) return undefined;
    tokens.push(fitted);
    if (!isWildcard(fitted) && !isBareValue(fitted)) fixed++;
  }
  tokens.push(spanToken);
  return fixed >= MIN_FIXED_WORDING ? { tokens, fixed } : undefined;
}

/** A key's value and the arguments after it, to the end of the line. */
function isPlainValue(value: readonly string[]): boolean {
  if (!opensValue(value[0])) return false;
  for (let i = 1; i < value.length; i++) if (!PLAIN_ARG.test(value[i])) return false;
  return true;
}

/** A template position and a line's token there: what the position becomes, or undefined when they do not fit. */
function fitToken(t: string, s: string, isMeaning: (token: string) => boolean, sameStatus: StatusPairTest): string | undefined {
  if (t === s || wildcardAccepts(t, s) === true) return t;
  if ((isMeaning(s) || isMeaning(t)) && !sameStatus(t, s)) return undefined;
  if (!isSlotPair(t, s, sameStatus)) return undefined;
  const key = keyPrefix(t);
  return (key !== '' && s.startsWith(key) ? key + WILDCARD : WILDCARD) + delimiterTail(t);
}
