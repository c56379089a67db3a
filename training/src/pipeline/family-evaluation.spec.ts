import { HashingEmbedder } from '@logclass/embedding-tier';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { generateCorpus } from '../corpus/generate';
import { ALL_FAMILIES } from '../corpus/families';
import { familyOf } from '../dataset/family-split';
import type { LabelledRow } from '../dataset/labelled-csv';
import { evaluateByFamily } from './family-evaluation';
import { familyReport, familyReportJson, renderFamilyReport } from './family-report';

// A slice of the real corpus: the first 10 templates of every program family, 6 rows each per unit of weight.
const rows: LabelledRow[] = generateCorpus({ seed: 2, rowsPerTemplate: 6, families: ALL_FAMILIES.map((f) => ({ ...f, templates: f.templates.slice(0, 10) })) });
const labels = defaultTaxonomy.names.filter((l) => rows.some((r) => r.targetLabel === l));

describe('evaluation on families never trained on', () => {
  it('answers every row once per seed with a model that never saw its family, and reports per family and by similarity', async () => {
    // Rows the regex tier "decided" as Error: the cascade lines take them from it.
    const regexLabels = rows.map((_, i) => (i % 10 === 0 ? 'Error' : undefined));
    const evaluation = await evaluateByFamily(rows, {
      embedder: new HashingEmbedder({ dimension: 512 }), labels, l2: 1e-3, seed: 1, maxIterations: 40, targetPrecision: 0.9,
      folds: 3, seeds: [1, 2], templateHeldOut: true, regexLabels,
    });
    for (const seed of [1, 2]) {
      const answered = evaluation.predictions.filter((p) => p.seed === seed).map((p) => p.row).sort((a, b) => a - b);
      expect(answered).toEqual(rows.map((_, i) => i));
      const folds = evaluation.folds.filter((f) => f.seed === seed);
      expect(folds).toHaveLength(3);
      for (const fold of folds) {
        expect(fold.trainRows + fold.testRows).toBe(rows.length);
        // The rows a fold answered are exactly its families' rows.
        const answeredHere = evaluation.predictions.filter((p) => p.seed === seed && p.fold === fold.fold);
        expect(answeredHere.every((p) => fold.families.includes(familyOf(rows[p.row])))).toBe(true);
        expect(answeredHere.every((p) => p.threshold === fold.threshold)).toBe(true);
      }
    }
    // Two seeds, two different fold assignments.
    expect(JSON.stringify(evaluation.folds.filter((f) => f.seed === 1).map((f) => f.families))).not.toBe(JSON.stringify(evaluation.folds.filter((f) => f.seed === 2).map((f) => f.families)));

    const report = familyReport(evaluation, labels);
    expect(report.families.map((f) => f.family).sort()).toEqual([...new Set(rows.map(familyOf))].sort());
    expect(report.worst.always.accuracy).toBe(Math.min(...report.families.map((f) => f.always.accuracy)));
    expect(report.bands.reduce((n, b) => n + b.rows, 0)).toBe(2 * rows.length);
    expect(report.overall.cascade?.regexDecided).toBeCloseTo(0.1, 1);
    // Held-out templates of seen programs sit closer to what was trained on than unseen programs do.
    const meanSimilarity = (list: { similarity: number }[]) => list.reduce((s, p) => s + p.similarity, 0) / list.length;
    expect(meanSimilarity(evaluation.templateHeldOut?.predictions ?? [])).toBeGreaterThan(meanSimilarity(evaluation.predictions));

    const run = { command: 'test', dataPath: 'slice', fingerprint: 'f', embedderId: 'e', folds: 3, seeds: [1, 2], l2: 1e-3, classCosts: 'none', targetPrecision: 0.9, totalSeconds: 1 };
    const text = renderFamilyReport(run, evaluation, report);
    expect(text).toMatch(/worst family\s+\S+ \(\d+ rows\)/);
    expect(text).toContain('secondary: templates held out');
    expect(text).toContain('cascade without LLM, best guess');
    expect(familyReportJson(run, evaluation, report)).toMatchObject({ worst: { family: report.worst.family }, perSeed: [{ seed: 1 }, { seed: 2 }] });
  });
});
