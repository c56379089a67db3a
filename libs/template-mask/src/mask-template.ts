import {
  EMAIL,
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
  PATH,
  QUOTED,
  STATUS_CONTEXT,
  TIMESTAMP,
  URL,
  UUID,
  WHITESPACE,
} from './patterns';

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
  id: '<ID>',
  number: '<NUM>',
} as const;

/** How far back the status/exit/id context of a number is looked for (the longest context is ~25 chars). */
const CONTEXT_CHARS = 32;

function isIpv6(candidate: string): boolean {
  if (!/[0-9a-fA-F]/.test(candidate)) return false;
  const colons = candidate.split(':').length - 1;
  return candidate.includes('::') ? !candidate.includes(':::') : colons === 7;
}

function maskNumber(match: string, digits: string, unit: string, offset: number, whole: string): string {
  const before = whole.slice(Math.max(0, offset - CONTEXT_CHARS), offset);
  if (unit === '' && /^\d+$/.test(digits)) {
    // Status and exit codes decide what a line means ("status: 200" vs "status: 500"): they stay.
    if (EXIT_CONTEXT.test(before)) return match;
    if (/^[1-5]\d\d$/.test(digits) && STATUS_CONTEXT.test(before)) return match;
    if (ID_CONTEXT.test(before)) return PLACEHOLDERS.id;
  }
  return PLACEHOLDERS.number + unit;
}

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
  // Order matters: containers first (a URL or path holds numbers and dates),
  // then the specific forms, then the generic number and id passes.
  return message
    .replace(WHITESPACE, ' ')
    .trim()
    .replace(URL, PLACEHOLDERS.url)
    .replace(PATH, PLACEHOLDERS.path)
    .replace(EMAIL, PLACEHOLDERS.email)
    .replace(QUOTED, PLACEHOLDERS.quoted)
    .replace(TIMESTAMP, PLACEHOLDERS.timestamp)
    .replace(UUID, PLACEHOLDERS.uuid)
    .replace(MAC, PLACEHOLDERS.hex)
    .replace(IPV6_CANDIDATE, (m) => (isIpv6(m) ? PLACEHOLDERS.ip : m))
    .replace(IPV4, PLACEHOLDERS.ip)
    .replace(HEX_ID, PLACEHOLDERS.hex)
    .replace(HASH_ID, PLACEHOLDERS.id)
    .replace(NUMBER, maskNumber)
    .replace(ENTITY_ID, PLACEHOLDERS.id)
    .replace(KEY_ID_VALUE, (_m, key: string) => key + PLACEHOLDERS.id);
}
