/** What a generalised position holds (followed by the position's delimiters). */
export const WILDCARD = '<*>';

/**
 * The tokens of a masked line: split after each run of spaces, commas and
 * semicolons, each token keeping its delimiters (`"a, "`, `"b"`), so
 * `tokens.join('')` is the line again. Commas split JSON and key=value
 * lists too: `{"verb":"get","code":403}` is a token per field, not one
 * token whose generalisation would hide every field.
 */
export function tokenise(masked: string): string[] {
  // A token ends where a run of delimiters does (a split on a lookbehind pattern took twice as long, and every line the miner has not seen is split).
  const tokens: string[] = [];
  let start = 0;
  for (let i = 1; i < masked.length; i++) {
    if (isDelimiter(masked.charCodeAt(i - 1)) && !isDelimiter(masked.charCodeAt(i))) {
      tokens.push(masked.slice(start, i));
      start = i;
    }
  }
  if (masked.length > 0) tokens.push(masked.slice(start));
  return tokens;
}

/** The delimiters a token ends with (`", "` of `"a, "`). */
export function delimiterTail(token: string): string {
  let end = token.length;
  while (end > 0 && isDelimiter(token.charCodeAt(end - 1))) end--;
  return token.slice(end);
}

const isDelimiter = (c: number): boolean => c === 32 || c === 44 || c === 59;

/** A token that is a wildcard: `<*>` and its delimiters. */
export function isWildcard(token: string): boolean {
  return token.startsWith(WILDCARD) && delimiterTail(token).length === token.length - WILDCARD.length;
}

/**
 * The key part of a `key=value` token (`user=`), or '' when it has none. Two
 * tokens with the same key and different values generalise to `key=<*>`, so
 * the key still tells templates apart.
 */
export function keyPrefix(token: string): string {
  const eq = token.indexOf('=');
  return eq > 0 && eq < 64 ? token.slice(0, eq + 1) : '';
}

/**
 * Whether a template token is a wildcard (`<*>` or `key=<*>`, with its
 * delimiters) that accepts `token`: `true`, `false` (a wildcard that does
 * not), or undefined (not a wildcard).
 */
export function wildcardAccepts(templateToken: string, token: string): boolean | undefined {
  // Called for every position of every compared template: indices, no slices.
  const bodyEnd = tailStart(templateToken);
  const wildcardAt = bodyEnd - WILDCARD.length;
  if (wildcardAt < 0 || !templateToken.startsWith(WILDCARD, wildcardAt)) return undefined;
  const tailLength = templateToken.length - bodyEnd;
  const tokenBodyEnd = tailStart(token);
  if (token.length - tokenBodyEnd !== tailLength) return false;
  for (let i = 0; i < tailLength; i++) if (token.charCodeAt(tokenBodyEnd + i) !== templateToken.charCodeAt(bodyEnd + i)) return false;
  if (wildcardAt === 0) return true;
  if (templateToken.charCodeAt(wildcardAt - 1) !== 61 || token.length < wildcardAt) return false; // '='
  for (let i = 0; i < wildcardAt; i++) if (token.charCodeAt(i) !== templateToken.charCodeAt(i)) return false;
  return true;
}

/** Where a token's trailing delimiters start. */
function tailStart(token: string): number {
  let end = token.length;
  while (end > 0 && isDelimiter(token.charCodeAt(end - 1))) end--;
  return end;
}

/** The generalisation of two different tokens at one position (they end with the same delimiters, or the result keeps the template's). */
export function generalise(templateToken: string, token: string): string {
  const tail = delimiterTail(templateToken);
  const key = keyPrefix(templateToken);
  return (key !== '' && token.startsWith(key) ? key + WILDCARD : WILDCARD) + tail;
}
