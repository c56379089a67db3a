import { ALL_FAMILIES, familyTemplateId, type LogFamily } from './families';
import { Prng } from './prng';
import { expandPattern } from './template';

export interface CorpusRow {
  source: string;
  logMessage: string;
  targetLabel: string;
  templateId: string;
  /** The program family the template belongs to; evaluation holds out whole families. */
  family: string;
  /**
   * The true template of the line, as a key: template id, the alternatives
   * taken and the line format. Lines with the same key differ only in slot
   * values, the ground truth for template mining. Not written to corpus.csv.
   */
  trueTemplate: string;
}

/** What `npm run corpus` uses to build the committed training/data/corpus.csv. */
export const DEFAULT_CORPUS_OPTIONS = { seed: 20251127, rowsPerTemplate: 32 } as const;

export interface CorpusOptions {
  seed: number;
  /** Distinct rows wanted per template of weight 1 (fewer when a template cannot produce that many distinct lines). */
  rowsPerTemplate: number;
  /** The families to draw from; all of them by default. */
  families?: readonly LogFamily[];
}

/** Rows a template of this weight gets: routine chatter is more of a real stream, within [rows/4, rows*4]. */
export function rowsForWeight(rowsPerTemplate: number, weight = 1): number {
  return Math.max(Math.ceil(rowsPerTemplate / 4), Math.min(rowsPerTemplate * 4, Math.round(rowsPerTemplate * weight)));
}

/**
 * Generate the labelled corpus. Each template draws from its own PRNG forked
 * by template id, so editing one template does not reshuffle every other row.
 * Rows are distinct within a template; the order is family, then template.
 */
export function generateCorpus(options: CorpusOptions): CorpusRow[] {
  const root = new Prng(options.seed);
  const rows: CorpusRow[] = [];
  for (const family of options.families ?? ALL_FAMILIES) {
    const bareShare = family.bareShare ?? 0.3;
    family.templates.forEach((spec, index) => {
      const id = familyTemplateId(family, index);
      const rng = root.fork(id);
      const wanted = rowsForWeight(options.rowsPerTemplate, spec.weight);
      distinctRows(wanted, (seen) => {
        const choices: number[] = [];
        const message = expandPattern(spec.pattern, rng, family.fillers, choices);
        const format = family.formats.length === 0 || rng.chance(bareShare) ? -1 : rng.int(0, family.formats.length - 1);
        const line = format < 0 ? message : family.formats[format](message, { level: spec.level, component: spec.component, rng });
        if (seen.has(line)) return;
        seen.add(line);
        const trueTemplate = `${id}:${choices.join('.')}:${format}`;
        rows.push({ source: rng.pick(family.sources), logMessage: line, targetLabel: spec.label, templateId: id, family: family.family, trueTemplate });
      });
    });
  }
  return rows;
}

/** Call `draw` until `wanted` distinct lines are in `seen` or 4x attempts are spent. */
function distinctRows(wanted: number, draw: (seen: Set<string>) => void): void {
  const seen = new Set<string>();
  for (let attempt = 0; attempt < wanted * 4 && seen.size < wanted; attempt++) draw(seen);
}
