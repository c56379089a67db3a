import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArtifactMetadata } from '@logclass/embedding-tier';
import { generateCorpus } from '../corpus/generate';
import { ALL_FAMILIES } from '../corpus/families';
import { writeLabelledCsv } from '../dataset/labelled-csv';
import { FAMILY_REPORT_JSON, FAMILY_REPORT_TXT, runEvaluateFamilies } from './evaluate-families-command';
import { runTrain } from './train-command';

// A slice of the real corpus: 6 templates per program family, 4 rows each per unit of weight.
const rows = generateCorpus({ seed: 7, rowsPerTemplate: 4, families: ALL_FAMILIES.map((f) => ({ ...f, templates: f.templates.slice(0, 6) })) });

describe('evaluate:families, then train with its threshold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-families-'));
  const data = join(dir, 'corpus.csv');
  writeFileSync(data, writeLabelledCsv(rows));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const common = { data, embedder: 'hashing', modelsPath: 'models', l2: '1e-3', targetPrecision: '0.9', maxIterations: '30', classCosts: 'Security Alert=2' };

  it('writes the family report and ships a model with the threshold chosen on every family held out', async () => {
    const out = join(dir, 'model');
    const { report } = await runEvaluateFamilies({ ...common, out, folds: '3', seeds: '1', templateHeldOut: false, regex: true }, () => undefined, 'test');
    expect(readFileSync(join(out, FAMILY_REPORT_TXT), 'utf8')).toContain(`worst family                     ${report.worst.family}`);
    const json = JSON.parse(readFileSync(join(out, FAMILY_REPORT_JSON), 'utf8'));
    expect(json.pooledThreshold.method).toContain('on every family held out (3 folds');

    await runTrain({ ...common, out, seed: '1', correctionWeight: '1', corrections: false, thresholdFrom: join(out, FAMILY_REPORT_JSON) }, () => undefined, 'test');
    const metadata = readArtifactMetadata(out);
    expect(metadata.threshold).toBeCloseTo(json.pooledThreshold.threshold, 6);
    expect(metadata.thresholdMethod).toContain('npm run evaluate:families');
    expect(metadata.training).toMatchObject({ heldOutBy: 'family', classCosts: { 'Security Alert': 2 }, fittedOn: 'every row' });

    // A report made with other settings says nothing about this model's threshold.
    await expect(runTrain({ ...common, out, seed: '1', correctionWeight: '1', corrections: false, classCosts: 'none', thresholdFrom: join(out, FAMILY_REPORT_JSON) }, () => undefined, 'test')).rejects.toThrow(
      /class costs Security Alert x2, not none/,
    );
  });
});
