import { createHash } from 'node:crypto';

/** Hex characters of the id: 48 bits, collisions negligible for the millions of templates a cache holds. */
const ID_LENGTH = 12;

/**
 * A short, stable key for a template (first 12 hex digits of its SHA-1), the
 * same in every process and release, so caches and reports can share it.
 * Lone surrogates are hashed as U+FFFD (UTF-8 encoding); it never throws.
 */
export function templateId(template: string): string {
  return createHash('sha1').update(template, 'utf8').digest('hex').slice(0, ID_LENGTH);
}
