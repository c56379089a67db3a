import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root, whatever the working directory Jest runs from. */
export const ROOT = join(__dirname, '..', '..');

export function readText(...path: string[]): string {
  return readFileSync(join(ROOT, ...path), 'utf8');
}

export type YamlObject = Record<string, unknown>;

/**
 * Every document of a YAML file, as plain objects. Merge keys (`<<: *anchor`)
 * are resolved because compose uses them; a syntax error fails loudly.
 */
export function readYamlDocuments(path: string): YamlObject[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
  if (!Array.isArray(docs)) throw new Error(`${path}: not YAML documents`);
  return docs
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as YamlObject | null;
    })
    .filter((doc): doc is YamlObject => doc !== null);
}
