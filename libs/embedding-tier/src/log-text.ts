/**
 * The text an embedder actually sees. Numbers, addresses and ids are replaced
 * by placeholders first, so "user 1234 logged in" and "user 99 logged in" get
 * the same vector: the class of a log line depends on its shape, not its
 * values. Pure and deterministic; its version is part of every embedder id,
 * because changing it changes the vectors.
 */
export const LOG_TEXT_MASK_VERSION = 'm1';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
// 0x-prefixed values, and long hex runs that mix digits and letters (hashes, trace ids).
const HEX = /\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const SPACES = /\s+/g;

export function maskLogText(text: string): string {
  return text.replace(UUID, ' <uuid> ').replace(IPV4, ' <ip> ').replace(HEX, ' <hex> ').replace(NUMBER, '<num>').replace(SPACES, ' ').trim();
}

// Every digit, except the 0 of a "0x" prefix.
const FOLDED_DIGIT = /0(?![xX])|[1-9]/g;

/**
 * The text with every digit made a 1, except the 0 of "0x". The masks above
 * treat all digits alike but for that 0, so maskLogText(foldDigits(t)) ===
 * maskLogText(t) (log-text.spec.ts checks it): lines that differ only in
 * their numbers share one fold, and the fold is several times cheaper to make
 * than the mask.
 */
export function foldDigits(text: string): string {
  return text.replace(FOLDED_DIGIT, '1');
}

/** Characters of folded text a LogTextMasker remembers before it starts over (~16 MB). */
const MASKER_MEMORY_CHARS = 8_000_000;

/**
 * maskLogText, remembering the mask of each digit fold it has seen: a
 * template's lines with fresh ids and numbers pay for one pass over their
 * characters and a lookup instead of five regex passes. The fold is never
 * made as a string: its hash is computed on the fly and a remembered fold is
 * compared character by character. Bounded: past MASKER_MEMORY_CHARS of
 * folded text it forgets everything and starts over.
 */
export class LogTextMasker {
  private readonly byHash = new Map<number, { folded: string; masked: string }[]>();
  private chars = 0;

  constructor(private readonly memoryChars = MASKER_MEMORY_CHARS) {}

  mask(text: string): string {
    const hash = foldedHash(text);
    const known = this.byHash.get(hash);
    if (known) for (const k of known) if (sameFold(text, k.folded)) return k.masked;
    const masked = maskLogText(text);
    if (this.chars + text.length > this.memoryChars) {
      this.byHash.clear();
      this.chars = 0;
    }
    const entry = { folded: foldDigits(text), masked };
    const bucket = this.byHash.get(hash);
    if (bucket) bucket.push(entry);
    else this.byHash.set(hash, [entry]);
    this.chars += text.length;
    return masked;
  }
}

/** The character of foldDigits(text) at i. */
function foldedCode(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 48 || c > 57) return c; // not a digit
  if (c === 48) {
    const next = text.charCodeAt(i + 1);
    if (next === 120 || next === 88) return 48; // the 0 of 0x / 0X
  }
  return 49;
}

/** FNV-1a of foldDigits(text), without making it. */
function foldedHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ foldedCode(text, i), 0x01000193);
  return h >>> 0;
}

function sameFold(text: string, folded: string): boolean {
  if (text.length !== folded.length) return false;
  for (let i = 0; i < text.length; i++) if (foldedCode(text, i) !== folded.charCodeAt(i)) return false;
  return true;
}

// A placeholder, an upper-case run not followed by lower case (HTTP in HTTPServer),
// a capitalised or lower-case word (Connection, timeout), or digits left in a word.
const TOKEN = /<[a-z]+>|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * Lower-case word tokens of a masked line, with camelCase, snake_case and
 * digits split apart: "db_write_failed ConnectionTimeoutError" ->
 * db write failed connection timeout error.
 */
export function logTokens(masked: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(masked); m !== null; m = TOKEN.exec(masked)) out.push(m[0].toLowerCase());
  return out;
}
