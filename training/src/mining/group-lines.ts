import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import type { CorpusRow } from '../corpus/generate';
import { familyAndFormatOf } from './corpus-views';
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
  return groupByMinerPer((r) => r.family, options);
}

/**
 * One miner per family and line format (the true template's last part): a
 * system's log is written in one format, while a generated family mixes
 * several (kernel lines behind `[1646614.019533]` and behind `[Wed Mar 26
 * 08:56:35 2025]`), whose true templates differ by the format alone. One
 * miner per family joins the two where the headers differ only in a value's
 * form, and the score counts that as wrong grouping, which no real
 * system's sample can show.
 */
export function groupByMinerPerFamilyAndFormat(options: MinerOptions = {}): Grouper {
  return groupByMinerPer(familyAndFormatOf, options);
}

/** A miner per `systemOf` of the rows; groups and label keys are prefixed with it. */
function groupByMinerPer(systemOf: (row: CorpusRow) => string, options: MinerOptions): Grouper {
  return (rows) => {
    const bySystem = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const system = systemOf(r);
      const at = bySystem.get(system);
      if (at) at.push(i);
      else bySystem.set(system, [i]);
    });
    const out = new Array<GroupedRow>(rows.length);
    for (const [system, at] of bySystem) {
      const grouped = groupByMiner(options)(at.map((i) => rows[i]));
      at.forEach((i, k) => (out[i] = { ...grouped[k], group: `${system}\u0000${grouped[k].group}`, labelKey: `${system}\u0000${grouped[k].labelKey ?? grouped[k].group}` }));
    }
    return out;
  };
}

/**
 * Drain with Drain3's example configuration (the yardstick, drain-baseline.ts),
 * one instance per family as parser benchmarks run one per system: kinder to
 * Drain than the miner's one run over every family.
 */
export const groupByDrain: Grouper = drainPer((r) => r.family);

/** Drain the same way, one instance per family and line format (see groupByMinerPerFamilyAndFormat). */
export const groupByDrainPerFormat: Grouper = drainPer(familyAndFormatOf);

function drainPer(systemOf: (row: CorpusRow) => string): Grouper {
  return (rows) => {
    const drains = new Map<string, Drain>();
    return rows.map((r) => {
      const system = systemOf(r);
      let drain = drains.get(system);
      if (!drain) drains.set(system, (drain = new Drain()));
      return grouped(r, `${system}\u0000${drain.add(r.logMessage)}`);
    });
  };
}
