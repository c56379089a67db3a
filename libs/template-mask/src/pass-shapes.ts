import { TLD } from './patterns';

/**
 * For each masking pass that can be skipped by a cheap test: a simple
 * pattern that every match of the pass's own pattern holds. A line without
 * it cannot be changed by the pass, and scanning for it costs a fraction of
 * the pass's pattern (lookbehinds and alternations tried at every position).
 * Each is named after its pattern in patterns.ts with `_SHAPE`;
 * pass-shapes.spec.ts checks each implication on generated values.
 */

const MONTH_ABBREVIATION = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
/** A user agent opens with a quote and a product's name and version: a quote, a letter, and a slash before a digit later on. */
export const USER_AGENT_SHAPE = /"[A-Za-z][\w.+-]{0,63}\/\d/;
/** Every TIMESTAMP form holds a clock (`7:06`), a dated separator (`2025-05`, `14/05`, `10/Oct`) or a day before a month (`14 May`). */
export const TIMESTAMP_SHAPE = new RegExp(`\\d:\\d|\\d[/-][\\dA-Za-z]|\\d ${MONTH_ABBREVIATION}`, 'i');
/** A UUID holds a dash, 4 hex digits, a dash, 4 more and a dash (its second and third groups). Led by the dash, the search skips to dashes; led by hex digits it tried a match at every letter a to f. */
export const UUID_SHAPE = /-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/;
/** A MAC address: three pairs of hex digits joined by `:` or `-`. */
export const MAC_SHAPE = /[0-9a-fA-F]{2}[:-][0-9a-fA-F]{2}[:-][0-9a-fA-F]{2}/;
/** An IPv6 candidate holds two colons with at most 4 hex digits between them. */
export const IPV6_CANDIDATE_SHAPE = /:[0-9a-fA-F]{0,4}:/;
/** A dotted quad. */
export const IPV4_SHAPE = /\d\.\d{1,3}\.\d{1,3}\.\d/;
/**
 * A 0x literal, or a hex id's digit next to one of its letters (it holds both,
 * so somewhere a digit and a letter a-f meet). Led by a digit, the search
 * tries only digits; one for 8 hex digits in a row tried every letter a to f.
 */
export const HEX_ID_SHAPE = /\d(?:[a-fA-Fx]|(?<=[a-fA-F]\d))/;
/** `host:port`: a host character, a colon, a digit. */
export const HOST_PORT_SHAPE = /[\w-]:\d/;
/** A host name ends in a dot and a known top-level or private domain. */
export const HOSTNAME_SHAPE = new RegExp(`\\.${TLD}(?![\\w-])`, 'i');
/**
 * A glued id holds a digit after its first `_` or `-`, so one of its later
 * parts holds one: a `_` or `-`, letters or digits, a digit. Led by the
 * separator, the search skips plain words; hyphenated words without digits
 * (`read-only`) fail it. Each run of letters and digits is scanned from the
 * one separator before it only: linear.
 */
export const GLUED_ID_SHAPE = /[_-][A-Za-z0-9]*\d/;
/** A size or a duration: a digit, maybe a space, then the first letter of a unit (bytes, B, KB, kb, M, ns, µs, s, min, h, days...). */
export const QUANTITY_SHAPE = /\d ?[bBKMGTPEkmgtpnuµshd]/;
/** An entity id: a letter, then a digit or a `_`. */
export const ENTITY_ID_SHAPE = /[A-Za-z](?:[_-]?\d|_)/;
/** A pod name's generated parts: `-` then 6 to 10 characters, `-` and 5 more. */
export const POD_SUFFIX_SHAPE = /[a-z]-[a-z0-9]{6,10}-[a-z0-9]{5}/;
