import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACT_FORMAT_VERSION, HashingEmbedder, saveArtifact } from '@logclass/embedding-tier';
import { defaultTaxonomy } from '@logclass/taxonomy';
import { generateCorpus } from '../corpus/generate';
import { ALL_FAMILIES } from '../corpus/families';
import type { LabelledRow } from '../dataset/labelled-csv';
import { LLM_NOT_RUN } from './offline-cascade';
import { evaluateRows } from './evaluate-pipeline';
import { renderEvaluationReport } from './evaluation-report';
import { loadModel } from './load-model';
import { trainAndEvaluate } from './train-pipeline';
import { renderTrainingReport } from './training-report';

// A slice of the real corpus: the first 8 templates of every program family, 8 rows each per unit of weight.
const familyRows: LabelledRow[] = generateCorpus({ seed: 3, rowsPerTemplate: 8, families: ALL_FAMILIES.map((f) => ({ ...f, templates: f.templates.slice(0, 8) })) });
// The same rows as a user's CSV without a family column: training then holds out templates.
const rows: LabelledRow[] = familyRows.map(({ family: _family, ...r }) => r);
const labels = defaultTaxonomy.names;

describe('train, save, load and evaluate a small model end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-train-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('learns held-out templates far better than chance and the cascade accounts for every row', async () => {
    const embedder = new HashingEmbedder({ dimension: 1024 });
    const result = await trainAndEvaluate(rows, { embedder, labels, l2: 1e-4, seed: 1, maxIterations: 60, targetPrecision: 0.9 });

    expect(result.heldOutBy).toBe('template');
    const testTemplates = new Set(result.testRows.map((r) => r.templateId));
    expect(result.parts.test.templates).toBe(testTemplates.size);
    expect(result.parts.validation.templates).toBeGreaterThan(0);
    const test = result.test;
    if (!test) throw new Error('expected held-out test templates');
    // Nine labels: chance is ~11%. Unseen phrasings of programs it has seen should still be mostly right.
    expect(test.noThreshold.accuracy).toBeGreaterThan(0.5);
    expect(test.atThreshold.accuracyWhenDecided).toBeGreaterThanOrEqual(test.noThreshold.accuracy);
    expect(result.threshold.method).toMatch(/precision >= 0.9 on validation/);

    const text = renderTrainingReport(
      { modelDir: dir, dataPath: 'slice', fingerprint: 'f', embedderId: embedder.id, labels, l2: 1e-4, seed: 1, targetPrecision: 0.9, classCosts: 'none', totalSeconds: 1, command: 'test' },
      result,
    );
    expect(text).toContain('Test: templates never seen in training');

    saveArtifact(dir, {
      formatVersion: ARTIFACT_FORMAT_VERSION,
      name: 'slice',
      version: 't',
      createdAt: new Date(0).toISOString(),
      labels: [...labels],
      embedder: { id: embedder.id, dimension: embedder.dimension },
      threshold: result.threshold.threshold,
      thresholdMethod: result.threshold.method,
      trainingData: { fingerprint: 'sha256:f', rows: rows.length },
      weights: result.model.weights,
      bias: result.model.bias,
    });

    const model = await loadModel(dir);
    const userRows: LabelledRow[] = [
      { source: 'ModernCRM', logMessage: 'User User77 logged in.', targetLabel: 'user action' },
      { source: 'LegacyCRM', logMessage: 'Lead conversion failed for prospect ID 5521 due to missing contact information.', targetLabel: 'Workflow Error' },
      { source: 'ModernHR', logMessage: 'Backup completed successfully.', targetLabel: 'System Notification' },
      { source: 'ModernHR', logMessage: 'something odd', targetLabel: 'Weirdness' },
      { source: 'ModernHR', logMessage: '   ', targetLabel: 'Error' },
    ];
    const evaluation = await evaluateRows(userRows, model, { dataPath: 'mine.csv', modelDir: dir, taxonomy: defaultTaxonomy, routing: '{"LegacyCRM": ["llm"]}', input: 'raw' });

    expect(evaluation.unknownLabels).toEqual(new Map([['Weirdness', 1]]));
    expect(evaluation.emptyMessages).toBe(1);
    const cascade = evaluation.cascade;
    if (!cascade) throw new Error('expected a cascade evaluation');
    expect(cascade.metrics.total).toBe(3);
    // LegacyCRM goes straight to the LLM, which offline evaluation does not run.
    expect(cascade.decidedBy.get(LLM_NOT_RUN)?.rows).toBe(1);
    expect(cascade.decidedBy.get('regex')?.rows).toBeGreaterThanOrEqual(1);
    const report = renderEvaluationReport(evaluation);
    expect(report).toMatch(/UNKNOWN LABELS\s+1 rows/);
    expect(report).toContain('"Weirdness": 1 rows');
    expect(report).toContain('Cascade: which tier decided');
    // Best guesses answer what the embedding tier was unsure of; LegacyCRM's line still waits for the LLM.
    expect(report).toContain('cascade, best guesses where undecided');
    expect(cascade.bestGuess?.confusion.columns).toContain(LLM_NOT_RUN);
    expect(cascade.bestGuess?.coverage).toBeGreaterThanOrEqual(cascade.metrics.coverage);
  });

  it('is deterministic for a seed', async () => {
    const tiny = generateCorpus({ seed: 4, rowsPerTemplate: 4, families: ALL_FAMILIES.map((f) => ({ ...f, templates: f.templates.slice(0, 6) })) });
    const train = () => trainAndEvaluate(tiny, { embedder: new HashingEmbedder({ dimension: 256 }), labels, l2: 1e-3, seed: 9, maxIterations: 30, targetPrecision: 0.9 });
    const [a, b] = [await train(), await train()];
    expect(Buffer.from(a.model.weights.buffer).equals(Buffer.from(b.model.weights.buffer))).toBe(true);
    expect(a.threshold).toEqual(b.threshold);
  });
});

describe('training on data of several program families', () => {
  it('holds out whole families for the threshold and ships a model fitted on every row', async () => {
    const result = await trainAndEvaluate(familyRows, { embedder: new HashingEmbedder({ dimension: 1024 }), labels, l2: 1e-4, seed: 1, maxIterations: 60, targetPrecision: 0.9 });
    expect(result.heldOutBy).toBe('family');
    const validation = new Set(result.parts.validation.families);
    expect(validation.size).toBeGreaterThan(0);
    expect(result.testRows.every((r) => validation.has(r.family as string))).toBe(true);
    expect(result.parts.validation.rows + result.parts.train.rows).toBe(familyRows.length);
    expect(result.threshold.method).toContain(`on validation families (${validation.size} programs held out whole`);
    expect(result.finalFit).not.toBe(result.selectionFit);
    expect(result.test?.noThreshold.total).toBe(result.testRows.length);
    const text = renderTrainingReport(
      { modelDir: 'm', dataPath: 'd', fingerprint: 'f', embedderId: 'e', labels, l2: 1e-4, seed: 1, targetPrecision: 0.9, classCosts: 'none', totalSeconds: 1, command: 'test' },
      result,
    );
    expect(text).toContain('Validation: programs never trained on');
    expect(text).toMatch(/Security Alert -> benign\s+always answering \d+ of \d+/);
  });
});

