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
/** Every TIMESTAMP form holds a clock (`7:06`), a dated separator (`2025-05`, `14/05`, `10/Oct`) or a day before a month (`14 May`). */
export const TIMESTAMP_SHAPE = new RegExp(`\\d:\\d|\\d[/-][\\dA-Za-z]|\\d ${MONTH_ABBREVIATION}`, 'i');
/** A UUID holds 4 hex digits, a dash, 4 more and a dash (the end of its first group, its second). */
export const UUID_SHAPE = /[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/;
/** A MAC address: three pairs of hex digits joined by `:` or `-`. */
export const MAC_SHAPE = /[0-9a-fA-F]{2}[:-][0-9a-fA-F]{2}[:-][0-9a-fA-F]{2}/;
/** An IPv6 candidate holds two colons with at most 4 hex digits between them. */
export const IPV6_CANDIDATE_SHAPE = /:[0-9a-fA-F]{0,4}:/;
/** A dotted quad. */
export const IPV4_SHAPE = /\d\.\d{1,3}\.\d{1,3}\.\d/;
/** A 0x literal or 8 hex digits in a row. */
export const HEX_ID_SHAPE = /0x|[0-9a-fA-F]{8}/;
/** `host:port`: a host character, a colon, a digit. */
export const HOST_PORT_SHAPE = /[\w-]:\d/;
/** A host name ends in a dot and a known top-level or private domain. */
export const HOSTNAME_SHAPE = new RegExp(`\\.${TLD}(?![\\w-])`, 'i');
/** A glued id joins a letter or digit to its next part with `_` or `-`. */
export const GLUED_ID_SHAPE = /[A-Za-z\d][_-]{1,2}[A-Za-z0-9]/;
/** A size or a duration: a digit, maybe a space, then its unit. */
export const QUANTITY_SHAPE = /\d ?[A-Za-zµ]/;
/** An entity id: a letter, then a digit or a `_`. */
export const ENTITY_ID_SHAPE = /[A-Za-z](?:[_-]?\d|_)/;
/** A pod name's generated parts: `-` then 6 to 10 characters, `-` and 5 more. */
export const POD_SUFFIX_SHAPE = /[a-z]-[a-z0-9]{6,10}-[a-z0-9]{5}/;
