import { assignFamilyFolds, familyOf, holdOutFamilies, NO_FAMILY } from './family-split';
import type { LabelledRow } from './labelled-csv';

/** Family f has `size` rows over its labels, round robin. */
function family(f: string, labels: string[], size: number): LabelledRow[] {
  return Array.from({ length: size }, (_, i) => ({ source: f, logMessage: `${f} line ${i}`, targetLabel: labels[i % labels.length], templateId: `${f}-${i % 3}`, family: f }));
}

// Real families are lopsided: most lines are routine, a few programs carry the rare labels.
const rows = [
  ...family('sshd', ['Security Alert', 'User Action', 'System Notification'], 60),
  ...family('kernel', ['Critical Error', 'System Notification'], 50),
  ...family('hdfs', ['System Notification', 'Error'], 80),
  ...family('nginx', ['HTTP Status'], 70),
  ...family('crm', ['Workflow Error', 'User Action'], 40),
  ...family('spark', ['System Notification', 'Error', 'Resource Usage'], 60),
  ...family('java-app', ['Deprecation Warning', 'Error'], 30),
  ...family('postgres', ['Error', 'System Notification', 'Critical Error'], 45),
];

describe('assignFamilyFolds', () => {
  const folds = assignFamilyFolds(rows, 3, 1);

  it('puts every family in exactly one fold and leaves no fold empty', () => {
    expect(folds).toHaveLength(3);
    const all = folds.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(['crm', 'hdfs', 'java-app', 'kernel', 'nginx', 'postgres', 'spark', 'sshd']);
    for (const f of folds) expect(f.length).toBeGreaterThan(0);
  });

  it('gives each fold several labels and folds of comparable size', () => {
    for (const f of folds) {
      const held = holdOutFamilies(rows, f).heldOut;
      expect(new Set(held.map((r) => r.targetLabel)).size).toBeGreaterThanOrEqual(3);
      expect(held.length).toBeGreaterThan(rows.length / 6);
    }
  });

  it('is deterministic for a seed, and other seeds give other folds', () => {
    expect(assignFamilyFolds(rows, 3, 1)).toEqual(folds);
    const others = [2, 3, 4, 5].map((s) => JSON.stringify(assignFamilyFolds(rows, 3, s)));
    expect(others.some((o) => o !== JSON.stringify(folds))).toBe(true);
  });

  it('needs two families, and rows without a family are one family', () => {
    const bare = rows.map(({ family: _f, ...r }) => r);
    expect(familyOf(bare[0])).toBe(NO_FAMILY);
    expect(() => assignFamilyFolds(bare, 3, 1)).toThrow(/at least 2 families/);
    expect(assignFamilyFolds(rows.filter((r) => r.family === 'sshd' || r.family === 'crm'), 5, 1)).toHaveLength(2);
  });

  it('holds out exactly the rows of the named families', () => {
    const split = holdOutFamilies(rows, ['sshd', 'crm']);
    expect(split.heldOut).toHaveLength(100);
    expect(split.train.some((r) => r.family === 'sshd' || r.family === 'crm')).toBe(false);
    expect(split.train.length + split.heldOut.length).toBe(rows.length);
  });
});
