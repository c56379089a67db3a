import {
  BITNESS_MARK,
  BRACKETED,
  EMAIL,
  GLUED_ID,
  HOSTNAME,
  HOST_PORT,
  QUANTITY,
  SIZE_TAIL,
  ENTITY_ID,
  EXIT_CONTEXT,
  HASH_ID,
  HEX_ID,
  ID_CONTEXT,
  IPV4,
  IPV6_CANDIDATE,
  KEY_ID_VALUE,
  MAC,
  NUMBER,
  POD_SUFFIX,
  KEY_AFTER,
  LOG_LEVEL,
  PATH,
  QUOTED,
  STATUS_CONTEXT,
  TIMESTAMP,
  URL,
  UUID,
  WHITESPACE,
} from './patterns';
import * as SHAPES from './pass-shapes';

/**
 * Bumped whenever maskTemplate's output changes for some input. Anything that
 * stores templates beyond one process (a persisted cache, a model trained on
 * templates) should record it and treat another version as a miss.
 */
export const MASK_VERSION = 5;

/** The placeholders a template may contain. They hold no digits, quotes or slashes, so masking a template again leaves it unchanged. */
export const PLACEHOLDERS = {
  url: '<URL>',
  path: '<PATH>',
  email: '<EMAIL>',
  quoted: '<QUOTED>',
  timestamp: '<TS>',
  uuid: '<UUID>',
  hex: '<HEX>',
  ip: '<IP>',
  host: '<HOST>',
  id: '<ID>',
  size: '<SIZE>',
  duration: '<DUR>',
  number: '<NUM>',
  bracketed: '[<VALUES>]',
} as const;

/**
 * A size restated in friendlier units (`1234 bytes (1.20 KB)`) is one value:
 * programs add the parenthesis only past a magnitude, which would change the
 * token count of one template.
 */
const SIZE_RESTATED = /<SIZE> \(<SIZE>\)/g;

/** How far back the status/exit/id context of a number is looked for (the longest context is ~25 chars). */
const CONTEXT_CHARS = 32;

const DIGIT = /\d/;
/** Tabs, newlines, runs of spaces, or space at either end: only then is the whitespace pass needed. */
const NEEDS_WHITESPACE_FIX = /[^\S ]| {2}|^ | $/;

/**
 * Quoted single tokens are values, except two kinds that carry structure or
 * meaning: keys (`"severity":` in JSON) and log levels (`"ERROR"`).
 */
function maskQuoted(match: string, offset: number, whole: string): string {
  if (KEY_AFTER.test(whole.slice(offset + match.length, offset + match.length + 4))) return match;
  if (LOG_LEVEL.test(match)) return match;
  // A quoted status code ("status": "404") is kept like an unquoted one; the number pass decides.
  if (QUOTED_STATUS.test(match) && STATUS_CONTEXT.test(contextBefore(whole, offset))) return match;
  return PLACEHOLDERS.quoted;
}

const QUOTED_STATUS = /^\\?["'][1-5]\d\d\\?["']$/;

function contextBefore(whole: string, offset: number): string {
  return whole.slice(Math.max(0, offset - CONTEXT_CHARS), offset);
}

function isIpv6(candidate: string): boolean {
  if (!/[0-9a-fA-F]/.test(candidate)) return false;
  const colons = candidate.split(':').length - 1;
  return candidate.includes('::') ? !candidate.includes(':::') : colons === 7;
}

function maskNumber(match: string, digits: string, unit: string, offset: number, whole: string): string {
  const before = contextBefore(whole, offset);
  if (unit === '' && /^\d+$/.test(digits)) {
    // Status and exit codes decide what a line means ("status: 200" vs "status: 500"): they stay.
    if (EXIT_CONTEXT.test(before)) return match;
    if (/^[1-5]\d\d$/.test(digits) && STATUS_CONTEXT.test(before)) return match;
    if (ID_CONTEXT.test(before)) return PLACEHOLDERS.id;
  }
  return PLACEHOLDERS.number + unit;
}

/**
 * One masking pass: what it replaces, and a cheap test (a substring search)
 * that skips it on lines it cannot change. Most lines hold no URL, email,
 * quote or `=`; skipping is most of the speed.
 */
interface Pass {
  readonly applies: (line: string, hasDigit: boolean) => boolean;
  readonly mask: (line: string) => string;
}

const withDigit = (_line: string, hasDigit: boolean) => hasDigit;
const withDigitAnd = (needle: string) => (line: string, hasDigit: boolean) => hasDigit && line.includes(needle);
const containing =
  (...needles: string[]) =>
  (line: string) =>
    needles.some((n) => line.includes(n));
/**
 * A shape every match of the pass holds (pass-shapes.ts), looked for only on
 * lines holding one of the needles (a substring search is cheaper still):
 * without it the pass cannot change the line. `holding` wants a digit too.
 */
const shaped =
  (shape: RegExp, ...needles: string[]) =>
  (line: string) =>
    (needles.length === 0 || needles.some((n) => line.includes(n))) && shape.test(line);
const holding = (shape: RegExp, ...needles: string[]) => {
  const test = shaped(shape, ...needles);
  return (line: string, hasDigit: boolean) => hasDigit && test(line);
};

/** Order matters: containers first (a URL or path holds numbers and dates), then the specific forms, then the generic number and id passes. */
const PASSES: readonly Pass[] = [
  { applies: containing(' *'), mask: (l) => l.replace(BITNESS_MARK, `*${PLACEHOLDERS.number}`) },
  { applies: containing('://'), mask: (l) => l.replace(URL, PLACEHOLDERS.url) },
  { applies: containing('/', '\\'), mask: (l) => l.replace(PATH, PLACEHOLDERS.path) },
  { applies: containing('@'), mask: (l) => l.replace(EMAIL, PLACEHOLDERS.email) },
  { applies: containing('"', "'"), mask: (l) => l.replace(QUOTED, maskQuoted) },
  { applies: holding(SHAPES.TIMESTAMP_SHAPE), mask: (l) => l.replace(TIMESTAMP, PLACEHOLDERS.timestamp) },
  { applies: holding(SHAPES.UUID_SHAPE, '-'), mask: (l) => l.replace(UUID, PLACEHOLDERS.uuid) },
  { applies: shaped(SHAPES.MAC_SHAPE, ':', '-'), mask: (l) => l.replace(MAC, PLACEHOLDERS.hex) },
  { applies: shaped(SHAPES.IPV6_CANDIDATE_SHAPE, ':'), mask: (l) => l.replace(IPV6_CANDIDATE, (m) => (isIpv6(m) ? PLACEHOLDERS.ip : m)) },
  { applies: holding(SHAPES.IPV4_SHAPE, '.'), mask: (l) => l.replace(IPV4, PLACEHOLDERS.ip) },
  { applies: holding(SHAPES.HOST_PORT_SHAPE, ':'), mask: (l) => l.replace(HOST_PORT, PLACEHOLDERS.host) },
  { applies: shaped(SHAPES.HOSTNAME_SHAPE, '.'), mask: (l) => l.replace(HOSTNAME, PLACEHOLDERS.host) },
  { applies: holding(SHAPES.POD_SUFFIX_SHAPE, '-'), mask: (l) => l.replace(POD_SUFFIX, PLACEHOLDERS.id) },
  { applies: holding(SHAPES.HEX_ID_SHAPE), mask: (l) => l.replace(HEX_ID, PLACEHOLDERS.hex) },
  { applies: containing('#'), mask: (l) => l.replace(HASH_ID, PLACEHOLDERS.id) },
  { applies: holding(SHAPES.GLUED_ID_SHAPE), mask: (l) => l.replace(GLUED_ID, PLACEHOLDERS.id) },
  { applies: holding(SHAPES.QUANTITY_SHAPE), mask: (l) => l.replace(QUANTITY, (m) => (SIZE_TAIL.test(m) ? PLACEHOLDERS.size : PLACEHOLDERS.duration)).replace(SIZE_RESTATED, PLACEHOLDERS.size) },
  { applies: withDigit, mask: (l) => l.replace(NUMBER, maskNumber) },
  { applies: holding(SHAPES.ENTITY_ID_SHAPE), mask: (l) => l.replace(ENTITY_ID, PLACEHOLDERS.id) },
  { applies: withDigitAnd('='), mask: (l) => l.replace(KEY_ID_VALUE, (_m, key: string) => key + PLACEHOLDERS.id) },
  // Last: it looks for the placeholders the passes above left.
  { applies: (l) => l.includes('[') && l.includes('<'), mask: (l) => l.replace(BRACKETED, PLACEHOLDERS.bracketed) },
];

/**
 * The shape of a log line: its variable parts (ids, numbers, addresses,
 * times, paths, quoted values...) replaced by placeholders, so lines that
 * differ only by those parts share a template, and lines whose words differ
 * ("logged in" / "logged out", "status: 200" / "status: 500") do not.
 * Caches of the expensive tiers are keyed by it.
 *
 * Conservative by design: a part is masked only when its form says it is a
 * value. Words are never touched, and case is kept. Idempotent:
 * maskTemplate(maskTemplate(x)) === maskTemplate(x). Linear time in the
 * length of the line, and never throws.
 */
export function maskTemplate(message: string): string {
  if (typeof message !== 'string' || message.length === 0) return '';
  let line = NEEDS_WHITESPACE_FIX.test(message) ? message.replace(WHITESPACE, ' ').trim() : message;
  let hasDigit = DIGIT.test(line);
  for (const pass of PASSES) {
    if (!pass.applies(line, hasDigit)) continue;
    line = pass.mask(line);
    hasDigit = hasDigit && DIGIT.test(line);
  }
  return line;
}
