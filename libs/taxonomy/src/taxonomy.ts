import { readFileSync } from 'node:fs';
import type { Label } from '@logclass/contract';
import defaultLabels from './default-taxonomy.json';

/** The label every unresolved record gets. Never part of a taxonomy. */
export const UNCLASSIFIED = 'Unclassified';

/** Case, spacing and punctuation do not distinguish labels ("http-status" = "HTTP Status"). */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The fixed set of labels a deployment classifies into. It is data: a
 * deployment may load its own from a JSON file of `{name, description}`.
 */
export class Taxonomy {
  readonly labels: readonly Label[];
  readonly names: readonly string[];
  private readonly byKey: Map<string, string>;

  constructor(labels: readonly Label[]) {
    if (labels.length === 0) throw new Error('taxonomy: at least one label is required');
    this.byKey = new Map();
    for (const label of labels) {
      const name = label.name?.trim();
      if (!name) throw new Error('taxonomy: a label has an empty name');
      const key = labelKey(name);
      if (key === labelKey(UNCLASSIFIED)) throw new Error(`taxonomy: "${UNCLASSIFIED}" is reserved`);
      const clash = this.byKey.get(key);
      if (clash) throw new Error(`taxonomy: labels "${clash}" and "${name}" differ only in case or punctuation`);
      this.byKey.set(key, name);
    }
    this.labels = labels.map((l) => ({ name: l.name.trim(), description: l.description ?? '' }));
    this.names = this.labels.map((l) => l.name);
  }

  has(name: string): boolean {
    return this.byKey.get(labelKey(name)) === name;
  }

  /** The canonical label for a loosely written one, or undefined if none matches. */
  resolve(text: string): string | undefined {
    return this.byKey.get(labelKey(text));
  }
}

export const defaultTaxonomy = new Taxonomy(defaultLabels);

/** Load a taxonomy file (JSON array of `{name, description}`), or the default when no path is given. */
export function loadTaxonomy(path?: string): Taxonomy {
  if (!path) return defaultTaxonomy;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`taxonomy: cannot read ${path}: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`taxonomy: ${path} must hold a JSON array of {name, description}`);
  return new Taxonomy(parsed as Label[]);
}
