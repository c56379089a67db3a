import type { CorpusRow } from '../corpus/generate';
import { groupByMiner, groupByMinerPerFamily } from './group-lines';

const row = (family: string, logMessage: string): CorpusRow => ({ source: family, logMessage, targetLabel: 'System Notification', templateId: `${family}-001`, family, trueTemplate: `${family}-001` });

describe('groupByMinerPerFamily (one miner per system, as parser benchmarks run)', () => {
  it("lets no family's lines generalise another's templates", () => {
    // Three names make a slot in one miner (variableAfter 3); family a alone has seen two.
    const names = [row('a', 'user alice logged in'), row('b', 'user bob logged in'), row('a', 'user carol logged in')];
    const shared = groupByMiner()(names);
    expect(shared[0].group).toBe(shared[2].group);
    const perFamily = groupByMinerPerFamily()(names);
    expect(perFamily.map((g) => g.family)).toEqual(['a', 'b', 'a']);
    expect(perFamily[0].group).not.toBe(perFamily[2].group);
    expect(new Set(perFamily.map((g) => g.labelKey)).size).toBe(3);
  });

  it('groups each family as its own miner would', () => {
    const rows = [row('a', 'disk /dev/sda1 is full on 10.0.0.1'), row('b', 'disk /dev/sdb1 is full on 10.0.0.2'), row('a', 'disk /dev/sdc1 is full on 10.0.0.3')];
    const alone = groupByMiner()(rows.filter((r) => r.family === 'a'));
    const perFamily = groupByMinerPerFamily()(rows).filter((g) => g.family === 'a');
    expect(perFamily.map((g) => g.group)).toEqual(alone.map((g) => `a\u0000${g.group}`));
  });
});
