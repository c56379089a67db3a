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
