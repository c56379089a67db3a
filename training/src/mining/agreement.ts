import { TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import { Prng } from '../corpus/prng';
import type { CorpusRow } from '../corpus/generate';
import { groupByMiner } from './group-lines';
import { scoreGrouping, type GroupingScore } from './grouping-score';

export interface Agreement {
  /** Share of lines whose final id is the same for a miner fed in corpus order and one fed the same lines shuffled. */
  shuffled: number;
  /** Share of lines that two miners, each fed one shuffled half, match to the same id once both are done. */
  halves: number;
  shuffledScore: GroupingScore;
}

/**
 * Parallel ingestion that still agrees: ids are content-addressed, so miners
 * agree wherever they end with the same template text. Measured on whole
 * corpus order against a shuffle, and on two replicas each given half.
 */
export function minerAgreement(rows: readonly CorpusRow[], seed: number, options: MinerOptions = {}): Agreement {
  const shuffled = shuffle(rows, seed);
  const inOrder = finalIds(rows, rows, options);
  const reordered = finalIds(shuffled, rows, options);
  const same = rows.filter((_, i) => inOrder[i] !== undefined && inOrder[i] === reordered[i]).length;

  const half = Math.floor(shuffled.length / 2);
  const a = finalIds(shuffled.slice(0, half), rows, options);
  const b = finalIds(shuffled.slice(half), rows, options);
  const agreeing = rows.filter((_, i) => a[i] !== undefined && a[i] === b[i]).length;

  return {
    shuffled: rows.length === 0 ? 1 : same / rows.length,
    halves: rows.length === 0 ? 1 : agreeing / rows.length,
    shuffledScore: scoreGrouping(groupByMiner(options)(shuffled)).overall,
  };
}

/** Feed `fed` to a fresh miner, then ask it (without learning) for the template of every row of `asked`. */
function finalIds(fed: readonly CorpusRow[], asked: readonly CorpusRow[], options: MinerOptions): (string | undefined)[] {
  const miner = new TemplateMiner(options);
  for (const r of fed) miner.add(r.logMessage, r.source);
  return asked.map((r) => miner.match(r.logMessage, r.source)?.id);
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = new Prng(seed ^ 0x5eed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
