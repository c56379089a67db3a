import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import type { CorpusRow } from '../corpus/generate';
import type { GroupedRow } from './grouping-score';

/** How lines are grouped: by maskTemplate's text alone, or by the miner. */
export type Grouper = (rows: readonly CorpusRow[]) => GroupedRow[];

const grouped = (row: CorpusRow, group: string): GroupedRow => ({ group, truth: row.trueTemplate, label: row.targetLabel, family: row.family });

/** The deterministic masker: one group per distinct masked text. */
export const groupByMask: Grouper = (rows) => rows.map((r) => grouped(r, maskTemplate(r.logMessage)));

/**
 * The online miner over the rows in the given order; each row's group is the
 * id it got when it was added, followed through the aliases to the end of the
 * run (what a store keyed by template id sees once it follows merges).
 */
export function groupByMiner(options: MinerOptions = {}): Grouper {
  return (rows) => {
    const miner = new TemplateMiner(options);
    const ids = rows.map((r) => miner.add(r.logMessage, r.source).id);
    return rows.map((r, i) => grouped(r, miner.resolve(ids[i])));
  };
}
