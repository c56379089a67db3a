import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import type { CorpusRow } from '../corpus/generate';
import { Drain } from './drain-baseline';
import type { GroupedRow } from './grouping-score';

/** How lines are grouped: by maskTemplate's text alone, or by the miner. */
export type Grouper = (rows: readonly CorpusRow[]) => GroupedRow[];

const grouped = (row: CorpusRow, group: string): GroupedRow => ({ group, truth: row.trueTemplate, label: row.targetLabel, family: row.family });

/** The deterministic masker: one group per distinct masked text. */
export const groupByMask: Grouper = (rows) => rows.map((r) => grouped(r, maskTemplate(r.logMessage)));

/**
 * The online miner over the rows in the given order; each row's group is the
 * id it got when it was added, followed through the aliases to the end of the
 * run (what a store keyed by template id sees once it follows merges). Its
 * label key is the one a tier given the template decides by (labelKeyOf).
 */
export function groupByMiner(options: MinerOptions = {}): Grouper {
  return (rows) => {
    const miner = new TemplateMiner(options);
    const masked = rows.map((r) => miner.masker.mask(r.logMessage, r.source));
    const ids = masked.map((line) => miner.addMasked(line).id);
    return rows.map((r, i) => {
      const id = miner.resolve(ids[i]);
      const template = miner.current(id)?.template;
      return { ...grouped(r, id), labelKey: template === undefined ? id : miner.labelKeyOf(template, masked[i]) };
    });
  };
}

/**
 * One miner per family, as parser benchmarks run one parser per system (and
 * as a gateway given one program's lines sees them): no template is shared
 * with, or split by, another family's lines.
 */
export function groupByMinerPerFamily(options: MinerOptions = {}): Grouper {
  return (rows) => {
    const byFamily = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const at = byFamily.get(r.family);
      if (at) at.push(i);
      else byFamily.set(r.family, [i]);
    });
    const out = new Array<GroupedRow>(rows.length);
    for (const [family, at] of byFamily) {
      const grouped = groupByMiner(options)(at.map((i) => rows[i]));
      at.forEach((i, k) => (out[i] = { ...grouped[k], group: `${family}\u0000${grouped[k].group}`, labelKey: `${family}\u0000${grouped[k].labelKey ?? grouped[k].group}` }));
    }
    return out;
  };
}

/**
 * Drain with Drain3's example configuration (the yardstick, drain-baseline.ts),
 * one instance per family as parser benchmarks run one per system: kinder to
 * Drain than the miner's one run over every family.
 */
export const groupByDrain: Grouper = (rows) => {
  const drains = new Map<string, Drain>();
  return rows.map((r) => {
    let drain = drains.get(r.family);
    if (!drain) drains.set(r.family, (drain = new Drain()));
    return grouped(r, `${r.family}\u0000${drain.add(r.logMessage)}`);
  });
};
