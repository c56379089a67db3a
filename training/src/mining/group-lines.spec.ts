import type { CorpusRow } from '../corpus/generate';
import { lineFormatOf } from './corpus-views';
import { groupByMiner, groupByMinerPerFamily, groupByMinerPerFamilyAndFormat } from './group-lines';

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

describe('groupByMinerPerFamilyAndFormat (one miner per system sample, each in one line format)', () => {
  const inFormat = (format: string, logMessage: string): CorpusRow => ({ ...row('a', logMessage), trueTemplate: `a-001::${format}` });

  it("lets no format's lines generalise another format's templates", () => {
    const rows = [inFormat('0', 'user alice logged in'), inFormat('1', 'user bob logged in'), inFormat('0', 'user carol logged in'), inFormat('0', 'user dave logged in')];
    // In one miner per family the three names of format 0 and the one of format 1 make a slot; format 0 alone has seen three too.
    const perFormat = groupByMinerPerFamilyAndFormat()(rows);
    expect(perFormat.map((g) => g.family)).toEqual(['a', 'a', 'a', 'a']);
    expect(perFormat[1].group).not.toBe(perFormat[3].group);
    expect(perFormat[2].group).toBe(perFormat[3].group);
    const perFamily = groupByMinerPerFamily()(rows);
    expect(perFamily[1].group).toBe(perFamily[3].group);
  });

  it('names the format by the true template key after its last colon', () => {
    expect(lineFormatOf(inFormat('2', 'x'))).toBe('2');
    expect(lineFormatOf(inFormat('-1', 'x'))).toBe('-1');
  });
});
