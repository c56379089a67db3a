import { wrap } from './envelopes';
import { Prng } from './prng';
import { expandPattern } from './template';
import { ALL_LABEL_TEMPLATES, templateId, type LabelTemplates } from './templates';

export interface CorpusRow {
  source: string;
  logMessage: string;
  targetLabel: string;
  templateId: string;
}

/** What `npm run corpus` uses to build the committed training/data/corpus.csv. */
export const DEFAULT_CORPUS_OPTIONS = { seed: 20251127, rowsPerTemplate: 64 } as const;

export interface CorpusOptions {
  seed: number;
  /** Distinct rows wanted per template (fewer when a template cannot produce that many distinct lines). */
  rowsPerTemplate: number;
  labels?: readonly LabelTemplates[];
}

/**
 * Generate the labelled corpus. Each template draws from its own PRNG forked
 * by template id, so editing one template does not reshuffle every other row.
 * Rows are distinct within a template; the order is label, then template.
 */
export function generateCorpus(options: CorpusOptions): CorpusRow[] {
  const root = new Prng(options.seed);
  const rows: CorpusRow[] = [];
  for (const labelTemplates of options.labels ?? ALL_LABEL_TEMPLATES) {
    labelTemplates.templates.forEach((spec, index) => {
      const id = templateId(labelTemplates, index);
      const rng = root.fork(id);
      const seen = new Set<string>();
      const maxAttempts = options.rowsPerTemplate * 4;
      for (let attempt = 0; attempt < maxAttempts && seen.size < options.rowsPerTemplate; attempt++) {
        const level = rng.weighted(labelTemplates.levels);
        const message = wrap(expandPattern(spec.pattern, rng), spec.envelope ?? 'any', level, rng);
        if (seen.has(message)) continue;
        seen.add(message);
        rows.push({
          source: rng.pick(spec.sources ?? labelTemplates.sources),
          logMessage: message,
          targetLabel: labelTemplates.label,
          templateId: id,
        });
      }
    });
  }
  return rows;
}
