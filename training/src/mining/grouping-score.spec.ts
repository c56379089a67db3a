import { exactlyGroupedTruths, scoreGrouping, type GroupedRow } from './grouping-score';

const row = (group: string, truth: string, label = 'L', family = 'f'): GroupedRow => ({ group, truth, label, family });

describe('scoreGrouping', () => {
  it('counts a line only when its group is exactly its true template\'s lines', () => {
    const rows = [
      row('g1', 'a'), row('g1', 'a'), // exact: correct
      row('g2', 'b'), row('g3', 'b'), // b split in two: both wrong
      row('g4', 'c'), row('g4', 'd'), // c and d joined: both wrong
    ];
    const { overall } = scoreGrouping(rows);
    expect(overall.groupingAccuracy).toBeCloseTo(2 / 6);
    expect(overall.trueTemplates).toBe(4);
    expect(overall.minedTemplates).toBe(4);
    expect(overall.templatesPerTrueTemplate).toBe(1);
  });

  it('scores families on their own rows, while groups are judged over all rows', () => {
    const rows = [row('g', 'a', 'L', 'x'), row('g', 'b', 'L', 'y'), row('h', 'c', 'L', 'y')];
    const { families } = scoreGrouping(rows);
    expect(families.get('x')?.groupingAccuracy).toBe(0);
    expect(families.get('y')?.groupingAccuracy).toBeCloseTo(1 / 2);
    expect(families.get('y')?.templatesPerTrueTemplate).toBe(1);
  });

  it('measures label purity: rows whose group holds one label', () => {
    const rows = [row('g', 'a', 'Error'), row('g', 'a', 'Error'), row('h', 'b', 'Error'), row('h', 'c', 'User Action')];
    expect(scoreGrouping(rows).overall.labelPurity).toBeCloseTo(2 / 4);
  });

  it('judges label purity by the label key where a row has one, grouping accuracy by the group', () => {
    const rows = [
      { ...row('g', 'a', 'Error'), labelKey: 'g FAILED' },
      { ...row('g', 'a', 'Notification'), labelKey: 'g RUNNING' },
      { ...row('g', 'a', 'Error'), labelKey: 'g RUNNING' },
    ];
    const { overall } = scoreGrouping(rows);
    expect(overall.groupingAccuracy).toBe(1);
    expect(overall.labelPurity).toBeCloseTo(1 / 3);
  });
});

describe('exactlyGroupedTruths', () => {
  it('names the true templates whose rows make one group holding nothing else', () => {
    const rows = [row('g1', 'a'), row('g1', 'a'), row('g2', 'b'), row('g3', 'b'), row('g4', 'c'), row('g4', 'd'), row('g5', 'e')];
    expect(exactlyGroupedTruths(rows)).toEqual(new Set(['a', 'e']));
  });
});
