import { maskTemplate } from '@logclass/template-mask';
import { generateCorpus, type CorpusRow } from '../corpus/generate';
import { ALL_FAMILIES, familyTemplateId, type LogFamily } from '../corpus/families';
import { trueTemplateText } from '../corpus/template';
import { Prng } from '../corpus/prng';

/**
 * The generated corpus three ways: as generated (each family's mix of bare
 * messages and whole lines), bare messages only (a collector stripped the
 * header) and whole lines only (every line with its program's header).
 */
export type CorpusView = 'as-generated' | 'bare-messages' | 'whole-lines';

export const CORPUS_VIEWS: readonly CorpusView[] = ['as-generated', 'bare-messages', 'whole-lines'];

/** The rows of a view, their true templates with duplicate formats merged (withSameFormatsMerged), then templates of one text (withSameTextMerged). */
export function corpusView(view: CorpusView, seed: number, rowsPerTemplate: number): CorpusRow[] {
  return withSameTextMerged(withSameFormatsMerged(generatedView(view, seed, rowsPerTemplate)));
}

/**
 * The true-template key with the templates of one text made one, within a
 * family and line format. A published ground truth names a template by its
 * text; a family may list two patterns that are one template once their
 * values are variables (`USER=root ; COMMAND=<*>` and `USER={postgres|deploy}
 * ; COMMAND=<*>`, the pam_unix failures of sudo and of su). The text is the
 * pattern's (trueTemplateText) with what the annotation guidelines make
 * variables as well: numbers, `true` / `false`, and the default names
 * `root`, `admin` and `null`; runs of variables glued together are one.
 */
export function withSameTextMerged(rows: readonly CorpusRow[]): CorpusRow[] {
  const specs = new Map<string, { pattern: string; fillers: LogFamily['fillers'] }>();
  for (const family of ALL_FAMILIES) family.templates.forEach((t, i) => specs.set(familyTemplateId(family, i), { pattern: t.pattern, fillers: family.fillers }));
  const firstKeyOfText = new Map<string, string>();
  const merged = new Map<string, string>();
  return rows.map((row) => {
    let key = merged.get(row.trueTemplate);
    if (key === undefined) {
      const [id, choices, format] = row.trueTemplate.split(':');
      const spec = specs.get(id);
      const text = spec ? publishedForm(trueTemplateText(spec.pattern, choices === '' ? [] : choices.split('.').map(Number), spec.fillers)) : '';
      // A text of variables alone (`{instanceFiles}`, a filler writing whole messages) names no template: its pattern keeps its own key.
      if (WORDING.test(text.replaceAll('<*>', ''))) {
        const textKey = `${row.family}\u0000${format}\u0000${text}`;
        key = firstKeyOfText.get(textKey) ?? row.trueTemplate;
        firstKeyOfText.set(textKey, key);
      } else key = row.trueTemplate;
      merged.set(row.trueTemplate, key);
    }
    return key === row.trueTemplate ? row : { ...row, trueTemplate: key };
  });
}

const WORDING = /[A-Za-z]/;

/** A template text with numbers, booleans and default names as variables, and glued runs of variables as one. */
function publishedForm(text: string): string {
  return text
    .replace(/\b(?:\d+|true|false|root|admin|null)\b/gi, '<*>')
    .replace(/<\*>(?:[.:/#@]?<\*>)+/g, '<*>');
}

/** Families whose templates failed to generate (a family being edited); the views leave them out. */
export const skippedFamilies = new Map<string, string>();

export function generatedView(view: CorpusView, seed: number, rowsPerTemplate: number): CorpusRow[] {
  const families = ALL_FAMILIES.map((f) =>
    view === 'as-generated' ? f : view === 'bare-messages' ? { ...f, formats: [] } : { ...f, bareShare: f.formats.length > 0 ? 0 : f.bareShare },
  );
  // One family at a time: each template draws from its own fork of the seed, so the rows are those of one call with all of them.
  const rows = generateCorpus({ seed, rowsPerTemplate, families: [] });
  for (const family of families) {
    try {
      rows.push(...generateCorpus({ seed, rowsPerTemplate, families: [family] }));
    } catch (err) {
      skippedFamilies.set(family.family, (err as Error).message.slice(0, 120));
    }
  }
  return rows;
}

/** The line format a row's true template names: the part of its key after the last `:` (`-1`: a bare message). */
export function lineFormatOf(row: CorpusRow): string {
  return row.trueTemplate.slice(row.trueTemplate.lastIndexOf(':') + 1);
}

/** A family and line format: what one system's sample is (a system writes one format). */
export function familyAndFormatOf(row: CorpusRow): string {
  return `${row.family}\u0000${lineFormatOf(row)}`;
}

/**
 * The true-template key with a family's line formats of one shape made one.
 * A family may list a format twice to weight it (`[syslog('sshd'),
 * syslog('sshd'), journal('sshd')]`), or two formats that differ only in
 * how they write a value (a syslog and an ISO timestamp); rows of the two
 * then differ only in variable values, yet their keys differ by the
 * format's index. Two formats are of one shape when they render the same
 * line, up to maskTemplate's placeholders, for the same message, level,
 * component and random draws.
 */
export function withSameFormatsMerged(rows: readonly CorpusRow[]): CorpusRow[] {
  const canonical = new Map<string, number[]>();
  for (const family of ALL_FAMILIES) {
    const render = (i: number, seed: number): string => {
      try {
        return family.formats[i]('probe message 1', { level: 'INFO', component: 'org.example.Probe', rng: new Prng(seed) });
      } catch {
        return `format ${i} needs a message of its family`; // never equal to another format's
      }
    };
    canonical.set(
      family.family,
      family.formats.map((_, i) => {
        for (let j = 0; j < i; j++) if ([1, 2, 3].every((seed) => maskTemplate(render(i, seed)) === maskTemplate(render(j, seed)))) return j;
        return i;
      }),
    );
  }
  return rows.map((row) => {
    const cut = row.trueTemplate.lastIndexOf(':');
    const format = Number(lineFormatOf(row));
    const same = Number.isInteger(format) && format >= 0 ? canonical.get(row.family)?.[format] : undefined;
    return same === undefined || same === format ? row : { ...row, trueTemplate: `${row.trueTemplate.slice(0, cut + 1)}${same}` };
  });
}

/**
 * The true-template key with alternatives that are values made one. Some
 * templates pick a value from alternatives (`oom_score_adj:{0|999|-997}`,
 * `retention.ms -> {86400000|604800000}`); their rows differ only in that
 * value, yet the key records which one was taken. Keys of one template and
 * line format are joined when two of their rows mask to the same text:
 * maskTemplate replaces only parts shaped like values, so such rows differ
 * only in values. The strict key stays in `trueTemplate` of the input.
 */
export function withValueAlternativesMerged(rows: readonly CorpusRow[]): CorpusRow[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  const firstKeyOfShape = new Map<string, string>();
  for (const row of rows) {
    if (!parent.has(row.trueTemplate)) parent.set(row.trueTemplate, row.trueTemplate);
    const format = row.trueTemplate.slice(row.trueTemplate.lastIndexOf(':'));
    const shape = `${row.templateId}${format}\u0000${maskTemplate(row.logMessage)}`;
    const other = firstKeyOfShape.get(shape);
    if (other === undefined) firstKeyOfShape.set(shape, row.trueTemplate);
    else {
      const a = find(other);
      const b = find(row.trueTemplate);
      if (a !== b) parent.set(b < a ? a : b, b < a ? b : a);
    }
  }
  return rows.map((row) => {
    const root = find(row.trueTemplate);
    return root === row.trueTemplate ? row : { ...row, trueTemplate: root };
  });
}

/**
 * The rows with skewed counts per true template, as real logs have them: a
 * few templates make most lines and many appear once or twice (a 2,000-line
 * sample of a real system holds tens of templates seen once). Each true
 * template keeps the first 1 to rowsPerTemplate of its rows, 16·u³ for a
 * uniform u of a seeded draw, so a third of them keep one row. A miner that
 * waits for several values before it generalises splits the rare ones.
 */
export function withSkewedCounts(rows: readonly CorpusRow[], seed: number, rowsPerTemplate: number): CorpusRow[] {
  const rng = new Prng(seed);
  const kept = new Map<string, number>();
  const seen = new Map<string, number>();
  return rows.filter((row) => {
    let keep = kept.get(row.trueTemplate);
    if (keep === undefined) kept.set(row.trueTemplate, (keep = Math.max(1, Math.round(rowsPerTemplate * rng.next() ** 3))));
    const n = (seen.get(row.trueTemplate) ?? 0) + 1;
    seen.set(row.trueTemplate, n);
    return n <= keep;
  });
}
