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
  LOG_LEVEL_LENGTH,
  PATH,
  OCTAL_QUOTED,
  SELINUX_LEVEL,
  QUOTED,
  QUOTED_STATUS,
  QUOTED_STATUS_LENGTH,
  STATUS_CONTEXT,
  TIMESTAMP,
  URL,
  USER_AGENT,
  UUID,
  PADDED_BRACKET,
  UNEVEN_WHITESPACE,
} from './patterns';
import { CONTEXT_WORD, KEPT_QUOTED, mayBeKey, mayFollowContext } from './context-clues';
import * as SHAPES from './pass-shapes';

/**
 * Bumped whenever maskTemplate's output changes for some input. Anything that
 * stores templates beyond one process (a persisted cache, a model trained on
 * templates) should record it and treat another version as a miss.
 */
export const MASK_VERSION = 9;

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

function mergeRestatedSize(line: string): string {
  return line.includes(' (<SIZE>)') ? line.replace(SIZE_RESTATED, PLACEHOLDERS.size) : line;
}

/** How far back the status/exit/id context of a number is looked for (the longest context is ~25 chars). */
const CONTEXT_CHARS = 32;

const DIGIT = /\d/;

/** A whitespace character other than a space, as `\s` has them (tabs, line breaks, no-break and other Unicode spaces, the BOM). */
function isOtherWhitespace(c: number): boolean {
  if (c < 0x80) return c >= 0x09 && c <= 0x0d;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether normaliseWhitespace would change the line: it holds whitespace
 * other than a space, two spaces in a row, a space at either end, or one
 * inside a bracket's edge (`[ `, `( `, ` ]`, ` )`). A loop over the
 * characters: the one pattern with these five alternatives cost about 6% of
 * the whole mask, tried at every position of every line.
 */
function needsWhitespaceFix(line: string): boolean {
  const last = line.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === last) return true;
      const next = line.charCodeAt(i + 1);
      if (next === 0x20 || next === 0x5d || next === 0x29) return true;
    } else if (c === 0x5b || c === 0x28) {
      if (i < last && line.charCodeAt(i + 1) === 0x20) return true;
    } else if (c < 0x20 || c >= 0x80) {
      if (isOtherWhitespace(c)) return true;
    }
  }
  return false;
}

/** One space for each run of whitespace, none at the ends or inside a bracket's edges (PADDED_BRACKET). */
function normaliseWhitespace(message: string): string {
  const line = message.replace(UNEVEN_WHITESPACE, ' ').trim();
  return line.includes('[ ') || line.includes('( ') || line.includes(' ]') || line.includes(' )') ? line.replace(PADDED_BRACKET, '$1$2') : line;
}

/**
 * Quoted single tokens are values, except two kinds that carry structure or
 * meaning: keys (`"severity":` in JSON) and log levels (`"ERROR"`).
 */
function maskQuoted(match: string, offset: number, whole: string): string {
  const end = offset + match.length;
  if (mayBeKey(whole, end) && KEY_AFTER.test(whole.slice(end, end + 4))) return match;
  if (match.length >= LOG_LEVEL_LENGTH.min && match.length <= LOG_LEVEL_LENGTH.max && LOG_LEVEL.test(match)) return match;
  // A quoted status code ("status": "404") is kept like an unquoted one; the number pass decides.
  if (match.length <= QUOTED_STATUS_LENGTH.max && QUOTED_STATUS.test(match) && mayFollowContext(whole, offset) && STATUS_CONTEXT.test(contextBefore(whole, offset))) return match;
  return PLACEHOLDERS.quoted;
}

function contextBefore(whole: string, offset: number): string {
  return whole.slice(Math.max(0, offset - CONTEXT_CHARS), offset);
}

function isIpv6(candidate: string): boolean {
  if (!/[0-9a-fA-F]/.test(candidate)) return false;
  const colons = candidate.split(':').length - 1;
  return candidate.includes('::') ? !candidate.includes(':::') : colons === 7;
}

function maskNumber(match: string, digits: string, unit: string, offset: number, whole: string): string {
  if (unit === '' && mayFollowContext(whole, offset) && /^\d+$/.test(digits)) {
    const before = contextBefore(whole, offset);
    // Status and exit codes decide what a line means ("status: 200" vs "status: 500"): they stay.
    if (EXIT_CONTEXT.test(before)) return match;
    if (/^[1-5]\d\d$/.test(digits) && STATUS_CONTEXT.test(before)) return match;
    if (ID_CONTEXT.test(before)) return PLACEHOLDERS.id;
  }
  return PLACEHOLDERS.number + unit;
}

/**
 * One masking pass: what it replaces (its pattern and what each match becomes),
 * and what a line must hold for the pass to change it (a digit, substrings, a
 * shape), tested cheapest first. Most lines hold no URL, email, quote or `=`;
 * skipping is most of the speed. The test is data read by one function
 * (passApplies) rather than a closure per pass: the loop then calls one
 * function on objects of one shape. A replacer called per match costs more
 * than the match: where a line shows that the replacer would give every match
 * the same text, `plain` gives that text without the calls (context-clues.ts).
 */
interface Pass {
  /** The line must hold a digit. */
  readonly digit: boolean;
  /** The line must hold this substring, or `orNeedle` when there is one. */
  readonly needle: string | undefined;
  readonly orNeedle: string | undefined;
  /** The line must hold this substring too. */
  readonly andNeedle: string | undefined;
  /** A shape every match of the pass holds (pass-shapes.ts), looked for after the substrings (a substring search is cheaper still). */
  readonly shape: RegExp | undefined;
  readonly pattern: RegExp;
  readonly replacement: string | ((match: string, ...rest: never[]) => string);
  /** What runs on the line after the replacement, if anything. */
  readonly then: ((line: string) => string) | undefined;
  /** A replacement without a call per match, equal to `replacement` on lines that lack `unless`. */
  readonly plain: { readonly unless: RegExp; readonly replacement: string } | undefined;
}

type PassSpec = Pick<Pass, 'pattern' | 'replacement'> & Partial<Pass>;

/** Every pass with every field, so that the loop reads one shape of object. */
const definePass = (spec: PassSpec): Pass => ({ digit: false, needle: undefined, orNeedle: undefined, andNeedle: undefined, shape: undefined, then: undefined, plain: undefined, ...spec });

/** Whether `pass` may change `line`: without what its test asks for, it cannot. */
export function passApplies(p: Pass, line: string, hasDigit: boolean): boolean {
  if (p.digit && !hasDigit) return false;
  if (p.needle !== undefined && !line.includes(p.needle) && (p.orNeedle === undefined || !line.includes(p.orNeedle))) return false;
  if (p.andNeedle !== undefined && !line.includes(p.andNeedle)) return false;
  return p.shape === undefined || p.shape.test(line);
}

/** Order matters: containers first (a URL or path holds numbers and dates), then the specific forms, then the generic number and id passes. */
export const PASSES: readonly Pass[] = [
  definePass({ needle: ' *', pattern: BITNESS_MARK, replacement: `*${PLACEHOLDERS.number}` }),
  definePass({ needle: '://', pattern: URL, replacement: PLACEHOLDERS.url }),
  definePass({ needle: '/', orNeedle: '\\', pattern: PATH, replacement: PLACEHOLDERS.path }),
  definePass({ needle: '@', pattern: EMAIL, replacement: PLACEHOLDERS.email }),
  definePass({ digit: true, needle: ':s', pattern: SELINUX_LEVEL, replacement: PLACEHOLDERS.id }),
  definePass({ needle: '"', orNeedle: "'", pattern: QUOTED, replacement: maskQuoted, plain: { unless: KEPT_QUOTED, replacement: PLACEHOLDERS.quoted } }),
  definePass({ needle: '\\042', pattern: OCTAL_QUOTED, replacement: PLACEHOLDERS.quoted }),
  definePass({ digit: true, needle: '"', shape: SHAPES.USER_AGENT_SHAPE, pattern: USER_AGENT, replacement: PLACEHOLDERS.quoted }),
  definePass({ digit: true, shape: SHAPES.TIMESTAMP_SHAPE, pattern: TIMESTAMP, replacement: PLACEHOLDERS.timestamp }),
  definePass({ digit: true, needle: '-', shape: SHAPES.UUID_SHAPE, pattern: UUID, replacement: PLACEHOLDERS.uuid }),
  definePass({ needle: ':', orNeedle: '-', shape: SHAPES.MAC_SHAPE, pattern: MAC, replacement: PLACEHOLDERS.hex }),
  definePass({ needle: ':', shape: SHAPES.IPV6_CANDIDATE_SHAPE, pattern: IPV6_CANDIDATE, replacement: (m: string) => (isIpv6(m) ? PLACEHOLDERS.ip : m) }),
  definePass({ digit: true, needle: '.', shape: SHAPES.IPV4_SHAPE, pattern: IPV4, replacement: PLACEHOLDERS.ip }),
  definePass({ digit: true, needle: ':', shape: SHAPES.HOST_PORT_SHAPE, pattern: HOST_PORT, replacement: PLACEHOLDERS.host }),
  definePass({ needle: '.', shape: SHAPES.HOSTNAME_SHAPE, pattern: HOSTNAME, replacement: PLACEHOLDERS.host }),
  definePass({ digit: true, needle: '-', shape: SHAPES.POD_SUFFIX_SHAPE, pattern: POD_SUFFIX, replacement: PLACEHOLDERS.id }),
  definePass({ digit: true, shape: SHAPES.HEX_ID_SHAPE, pattern: HEX_ID, replacement: PLACEHOLDERS.hex }),
  definePass({ needle: '#', pattern: HASH_ID, replacement: PLACEHOLDERS.id }),
  definePass({ digit: true, shape: SHAPES.GLUED_ID_SHAPE, pattern: GLUED_ID, replacement: PLACEHOLDERS.id }),
  definePass({ digit: true, shape: SHAPES.QUANTITY_SHAPE, pattern: QUANTITY, replacement: (m: string) => (SIZE_TAIL.test(m) ? PLACEHOLDERS.size : PLACEHOLDERS.duration), then: mergeRestatedSize }),
  definePass({ digit: true, pattern: NUMBER, replacement: maskNumber, plain: { unless: CONTEXT_WORD, replacement: `${PLACEHOLDERS.number}$2` } }),
  definePass({ digit: true, shape: SHAPES.ENTITY_ID_SHAPE, pattern: ENTITY_ID, replacement: PLACEHOLDERS.id }),
  definePass({ digit: true, needle: '=', pattern: KEY_ID_VALUE, replacement: `$1${PLACEHOLDERS.id}` }),
  // Last: it looks for the placeholders the passes above left.
  definePass({ needle: '[', andNeedle: '<', pattern: BRACKETED, replacement: PLACEHOLDERS.bracketed }),
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
  let line = needsWhitespaceFix(message) ? normaliseWhitespace(message) : message;
  let hasDigit = DIGIT.test(line);
  for (const pass of PASSES) {
    if (!passApplies(pass, line, hasDigit)) continue;
    const replacement = pass.plain && !pass.plain.unless.test(line) ? pass.plain.replacement : pass.replacement;
    let masked = line.replace(pass.pattern, replacement as string);
    if (pass.then) masked = pass.then(masked);
    // A pass that changed nothing took no digit away.
    if (masked === line) continue;
    line = masked;
    hasDigit = hasDigit && DIGIT.test(line);
  }
  return line;
}
