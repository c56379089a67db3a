import { createHash } from 'node:crypto';
import type { Taxonomy } from '@logclass/taxonomy';

/**
 * Identifies a taxonomy by what the LLM is shown (names and descriptions, in
 * order): a decision made under another one is not served as current.
 */
export function taxonomyHash(taxonomy: Taxonomy): string {
  const shown = taxonomy.labels.map((l) => [l.name, l.description ?? '']);
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 16);
}
