import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { currentVersion, readArtifactMetadata } from '@logclass/embedding-tier';
import { generateCorpus } from '../corpus/generate';
import { ALL_FAMILIES } from '../corpus/families';
import { writeLabelledCsv } from '../dataset/labelled-csv';
import { mergeCorrections } from '../dataset/corrections';
import { promoteVersion } from './promote-command';
import { runTrain, type TrainCommandOptions } from './train-command';

// A slice of the real corpus: 8 templates per program family, 6 rows each per unit of weight (fast to fit).
const rows = generateCorpus({ seed: 5, rowsPerTemplate: 6, families: ALL_FAMILIES.map((f) => ({ ...f, templates: f.templates.slice(0, 8) })) });

describe('train with corrections -> a new version compared with the one in service -> promote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-versions-'));
  const data = join(dir, 'corpus.csv');
  const corrections = join(dir, 'corrections.csv');
  const root = join(dir, 'models', 'hashing-lr');
  writeFileSync(data, writeLabelledCsv(rows));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = (extra: Partial<TrainCommandOptions>): TrainCommandOptions => ({
    data, embedder: 'hashing', modelsPath: 'models', model: root, correctionWeight: '20',
    seed: '1', l2: '1e-4', targetPrecision: '0.9', maxIterations: '40', corrections: false, ...extra,
  });

  it('first trains the base, then a version with corrections, scored side by side, served only once promoted', async () => {
    const base = await runTrain(options({}), () => undefined, 'test');
    expect(base).toMatchObject({ outDir: root, version: 'base' });
    expect(existsSync(join(root, 'evaluation.svg'))).toBe(true);

    // An operator says this login line is a security matter.
    const message = rows.find((r) => r.targetLabel === 'User Action')?.logMessage as string;
    writeFileSync(corrections, `source,log_message,target_label,corrected_at\nModernHR,"${message.replace(/"/g, '""')}",security alert,2026-11-27T00:00:00Z\n`);
    const logged: string[] = [];
    const next = await runTrain(options({ corrections }), (l) => logged.push(l), 'test');

    expect(next).toMatchObject({ outDir: join(root, 'versions', 'v1'), version: 'v1', root });
    expect(logged.join('\n')).toMatch(/corrections: 1 rows .* 1 distinct templates \(x20 each, training only\); \d+ corpus rows of those templates dropped/);
    const meta = readArtifactMetadata(next.outDir);
    expect(meta.training).toMatchObject({ corrections: expect.stringContaining('corrections.csv'), correctionWeight: 20 });
    // Same held-out rows for both: the report shows old, new and deltas.
    const comparison = next.comparison;
    if (!comparison) throw new Error('expected a comparison with the version in service');
    expect(comparison.old.noThreshold.total).toBe(comparison.next.noThreshold.total);
    expect(next.report).toMatch(/Old vs new on the same held-out rows[\s\S]*base \(in service\)\s+v1 \(new\)\s+delta[\s\S]*macro-F1 \(always answers\)[\s\S]*F1 per label/);
    expect(JSON.parse(readFileSync(join(next.outDir, 'comparison.json'), 'utf8'))).toMatchObject({ old: { name: 'base (in service)' }, new: { name: 'v1 (new)' } });
    const svg = readFileSync(join(next.outDir, 'evaluation.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('v1 (new) (bar) vs base (in service) (grey line)');

    // Trained is not served: the pointer still names the base until promotion.
    expect(currentVersion(root).id).toBe('base');
    const promoted = await promoteVersion(root, 'v1');
    expect(promoted).toMatchObject({ previous: 'base', promoted: 'v1', comparison: expect.stringContaining('Old vs new') });
    expect(currentVersion(root)).toEqual({ id: 'v1', dir: join(root, 'versions', 'v1') });
    await expect(promoteVersion(root, 'v7')).rejects.toThrow(/no version "v7" \(versions: base, v1\)/);
    expect(currentVersion(root).id).toBe('v1');
  });

  it('a correction overrides every corpus row of its masked template; the latest correction wins', () => {
    const corpus = [
      { source: 'a', logMessage: 'User 12 logged in', targetLabel: 'User Action' },
      { source: 'b', logMessage: 'User 99 logged in', targetLabel: 'User Action' },
      { source: 'c', logMessage: 'Disk full', targetLabel: 'Resource Usage' },
    ];
    const merged = mergeCorrections(corpus, [
      { source: 'x', logMessage: 'User 5 logged in', targetLabel: 'Error' },
      { source: 'x', logMessage: 'User 6 logged in', targetLabel: 'Security Alert' },
    ], 3);
    expect(merged.corpus.map((r) => r.source)).toEqual(['c']);
    expect(merged).toMatchObject({ templates: 1, overridden: 2 });
    expect(merged.trainOnly.map((r) => r.targetLabel)).toEqual(['Security Alert', 'Security Alert', 'Security Alert']);
  });
});
