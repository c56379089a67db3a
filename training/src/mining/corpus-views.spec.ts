import { generateCorpus } from '../corpus/generate';
import { ALL_FAMILIES } from '../corpus/families';
import { withSameTextMerged } from './corpus-views';

describe('withSameTextMerged (true templates keyed by their text)', () => {
  const family = (name: string) => {
    const found = ALL_FAMILIES.find((f) => f.family === name);
    if (!found) throw new Error(`no family ${name}`);
    return { ...found, formats: [] }; // bare messages: one line format
  };
  const keysOf = (rows: ReturnType<typeof generateCorpus>, templateId: string): Set<string> => new Set(rows.filter((r) => r.templateId === templateId).map((r) => r.trueTemplate));

  it('joins two patterns of a family that are one text once root is a variable (USER=root and USER=<other>)', () => {
    const rows = withSameTextMerged(generateCorpus({ seed: 7, rowsPerTemplate: 8, families: [family('linux-auth')] }));
    const root = keysOf(rows, 'linux-auth-001');
    const others = keysOf(rows, 'linux-auth-002');
    expect(root.size).toBe(1);
    expect(others).toEqual(root);
  });

  it('keeps apart patterns whose text is variables alone (a filler that writes whole messages)', () => {
    const rows = withSameTextMerged(generateCorpus({ seed: 7, rowsPerTemplate: 8, families: [family('openstack')] }));
    const files = keysOf(rows, 'openstack-011');
    const deleted = keysOf(rows, 'openstack-012');
    expect(files.size).toBe(1);
    expect(deleted.size).toBe(1);
    expect([...files][0]).not.toBe([...deleted][0]);
  });

  it('keeps apart patterns of one family whose wording differs', () => {
    const rows = withSameTextMerged(generateCorpus({ seed: 7, rowsPerTemplate: 8, families: [family('sshd')] }));
    expect(keysOf(rows, 'sshd-001')).not.toEqual(keysOf(rows, 'sshd-004'));
  });
});
