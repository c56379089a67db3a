import type { Embedder } from './embedder';

/**
 * A trained version's exact-template memory (model.json's `templateMemory`):
 * templates whose label training was told outright (operators' corrections,
 * template-label store entries) and whose rows all agree, that the logistic
 * regression alone would leave under its threshold or label otherwise. The
 * tier decides such a template by exact match, before the threshold: this
 * memorises, it does not generalise, and no held-out figure includes it.
 */
export interface TemplateMemory {
  /**
   * What a key is: the embedder's own template (Embedder.templateOf, the text
   * the vector depends on; the message itself for an embedder without one) of
   * a message's first DEFAULT_MAX_MESSAGE_CHARS characters. The source is not
   * part of it: the model never sees the source, and a key whose rows of any
   * source disagree is not remembered.
   */
  keyedBy: 'embedder-template';
  /** [key, label] pairs, sorted by key (a diffable, byte-reproducible model.json). */
  entries: Array<[string, string]>;
  /** How the memory was chosen, for the record (counts of templates). */
  chosen?: Record<string, number>;
}

/** The reason of every answer the memory gives. */
export const TEMPLATE_MEMORY_REASON = 'template memory: this exact template was labelled in training';

/** A remembered label, as the classifier uses it: the label's index in the artifact's labels. */
export type MemoryIndex = ReadonlyMap<string, number>;

/**
 * The key of a message: the text the classifier caches its prediction under
 * (embedding-classifier.ts), with the default message cap.
 */
export function memoryKeyOf(embedder: Pick<Embedder, 'templateOf'>, message: string, maxChars: number): string {
  const capped = message.length > maxChars ? message.slice(0, maxChars) : message;
  return embedder.templateOf ? embedder.templateOf(capped) : capped;
}

/** The memory as label indexes; undefined when there is none. A label the model lacks is refused (the artifact is inconsistent). */
export function memoryIndexOf(memory: TemplateMemory | undefined, labels: readonly string[], artifactName: string): MemoryIndex | undefined {
  if (!memory || memory.entries.length === 0) return undefined;
  if (memory.keyedBy !== 'embedder-template') throw new Error(`model artifact ${artifactName}: template memory keyed by "${String(memory.keyedBy)}", this build reads "embedder-template"`);
  const index = new Map<string, number>();
  for (const [key, label] of memory.entries) {
    const k = labels.indexOf(label);
    if (k < 0) throw new Error(`model artifact ${artifactName}: template memory label "${label}" is not one of the model's labels`);
    index.set(key, k);
  }
  return index;
}
