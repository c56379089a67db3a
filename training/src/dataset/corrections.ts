import { existsSync } from 'node:fs';
import { DEFAULT_CORRECTIONS_FILE } from '@logclass/corrections';
import { maskTemplate } from '@logclass/template-mask';
import type { LabelledRow } from './labelled-csv';

/**
 * How many training rows one corrected template counts as. A corpus template
 * has ~60 rows; a single row would barely move a class-balanced fit, while
 * hundreds would let one operator's click outweigh a label's whole corpus.
 */
export const DEFAULT_CORRECTION_WEIGHT = 20;

export interface MergedCorrections {
  /** The corpus without rows whose masked template was corrected. */
  corpus: LabelledRow[];
  /** One row per corrected template (the latest correction wins), repeated `weight` times: training only. */
  trainOnly: LabelledRow[];
  /** Distinct corrected templates. */
  templates: number;
  /** Corpus rows dropped because a correction overrides their template. */
  overridden: number;
}

/**
 * Corrections override the corpus by masked template: "user 12 logged in"
 * corrected to X replaces every corpus row of "user <NUM> logged in". Later
 * corrections of the same template win (the file is append-only, in time
 * order). Corrections always go to training, never to the held-out parts, so
 * the held-out templates stay the corpus's and a new version can be compared
 * with the old one on the same rows.
 */
export function mergeCorrections(corpus: readonly LabelledRow[], corrections: readonly LabelledRow[], weight = DEFAULT_CORRECTION_WEIGHT): MergedCorrections {
  const latest = new Map<string, LabelledRow>();
  for (const row of corrections) latest.set(maskTemplate(row.logMessage), row);
  const kept = corpus.filter((row) => !latest.has(maskTemplate(row.logMessage)));
  const trainOnly = [...latest.values()].flatMap((row) => Array.from({ length: weight }, () => ({ ...row })));
  return { corpus: kept, trainOnly, templates: latest.size, overridden: corpus.length - kept.length };
}

/** `--corrections` default: the shared file when it exists, nothing otherwise. */
export function defaultCorrectionsPath(cwd = process.cwd()): string | undefined {
  const path = `${cwd}/${DEFAULT_CORRECTIONS_FILE}`;
  return existsSync(path) ? DEFAULT_CORRECTIONS_FILE : undefined;
}
