import type { LabelledRow } from './labelled-csv';
import { parseLabelledCsv, writeLabelledCsv } from './labelled-csv';
import { groupKey, splitByTemplate } from './split';

function rowsFor(label: string, templates: number, perTemplate: number): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (let t = 0; t < templates; t++) {
    for (let i = 0; i < perTemplate; i++) rows.push({ source: 's', logMessage: `${label} t${t} #${i}`, targetLabel: label, templateId: `${label}-${t}` });
  }
  return rows;
}

describe('splitByTemplate', () => {
  const rows = [...rowsFor('A', 20, 5), ...rowsFor('B', 10, 3), ...rowsFor('C', 2, 4)];
  const split = splitByTemplate(rows, 7);

  it('keeps every template whole, in exactly one part', () => {
    const partOf = new Map<string, string>();
    for (const [part, list] of Object.entries(split)) {
      for (const row of list as LabelledRow[]) {
        expect(partOf.get(groupKey(row)) ?? part).toBe(part);
        partOf.set(groupKey(row), part);
      }
    }
    expect(split.train.length + split.validation.length + split.test.length).toBe(rows.length);
  });

  it('stratifies templates by label and keeps labels with too few templates in train', () => {
    const templatesOf = (list: LabelledRow[], label: string) => new Set(list.filter((r) => r.targetLabel === label).map(groupKey)).size;
    expect(templatesOf(split.test, 'A')).toBe(3);
    expect(templatesOf(split.validation, 'A')).toBe(3);
    expect(templatesOf(split.test, 'B')).toBe(2);
    expect(templatesOf(split.train, 'C')).toBe(2);
    expect(templatesOf(split.test, 'C')).toBe(0);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(splitByTemplate(rows, 7)).toEqual(split);
    expect(splitByTemplate(rows, 8).test).not.toEqual(split.test);
  });

  it('groups rows without a template id by their masked template', () => {
    expect(groupKey({ source: '', logMessage: 'User 12 logged in', targetLabel: 'x' })).toBe(
      groupKey({ source: '', logMessage: 'User 9931 logged in', targetLabel: 'x' }),
    );
  });
});

describe('labelled CSV', () => {
  it('round-trips rows and names missing columns', () => {
    const rows = [{ source: 'a', logMessage: 'x, "quoted"\nnext', targetLabel: 'Error', templateId: 'err-001' }];
    expect(parseLabelledCsv(writeLabelledCsv(rows))).toEqual(rows);
    expect(() => parseLabelledCsv('source,message\na,b\n', 'mine.csv')).toThrow(/mine.csv: missing column\(s\) log_message, target_label/);
  });
});
