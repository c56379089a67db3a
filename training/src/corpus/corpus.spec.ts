import { defaultTaxonomy } from '@logclass/taxonomy';
import { FILLERS } from './fillers';
import { generateCorpus } from './generate';
import { Prng } from './prng';
import { expandPattern, slotNames } from './template';
import { ALL_LABEL_TEMPLATES } from './templates';

const BUILT_IN_SLOTS = new Set(['int', 'float']);

describe('template language', () => {
  it('expands slots, ranges and nested alternatives', () => {
    const rng = new Prng(1);
    for (let i = 0; i < 50; i++) {
      const text = expandPattern('n={int:3:5} {a|b {x|y}|} done', rng);
      expect(text).toMatch(/^n=[345] (a|b x|b y|) done$/);
    }
    expect(() => expandPattern('{nope}', rng)).toThrow(/unknown slot \{nope\}/);
    expect(() => expandPattern('{a|b', rng)).toThrow(/unbalanced/);
  });
});

describe('corpus templates', () => {
  it('cover all nine default labels with 40+ templates each', () => {
    expect(ALL_LABEL_TEMPLATES.map((l) => l.label).sort()).toEqual([...defaultTaxonomy.names].sort());
    for (const l of ALL_LABEL_TEMPLATES) expect(l.templates.length).toBeGreaterThanOrEqual(40);
  });

  it('use only known slots', () => {
    for (const l of ALL_LABEL_TEMPLATES) {
      for (const t of l.templates) {
        for (const name of slotNames(t.pattern)) {
          if (!BUILT_IN_SLOTS.has(name) && !(name in FILLERS)) throw new Error(`${l.slug}: unknown slot {${name}} in ${t.pattern}`);
        }
      }
    }
  });

  it('are not written twice', () => {
    const patterns = ALL_LABEL_TEMPLATES.flatMap((l) => l.templates.map((t) => t.pattern));
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

describe('generateCorpus', () => {
  const rows = generateCorpus({ seed: 5, rowsPerTemplate: 6 });

  it('is deterministic for a seed', () => {
    expect(generateCorpus({ seed: 5, rowsPerTemplate: 6 })).toEqual(rows);
  });

  it('never gives the same message two labels', () => {
    const labelOf = new Map<string, string>();
    for (const row of rows) {
      expect(labelOf.get(row.logMessage) ?? row.targetLabel).toBe(row.targetLabel);
      labelOf.set(row.logMessage, row.targetLabel);
    }
  });

  it('writes one-line messages with a template id and a source', () => {
    for (const row of rows) {
      expect(row.logMessage).not.toMatch(/[\n\r]/);
      expect(row.logMessage.trim()).not.toBe('');
      expect(row.templateId).toMatch(/^[a-z0-9-]+-\d{3}$/);
      expect(row.family).not.toBe('');
      expect(row.source).not.toBe('');
    }
  });
});
