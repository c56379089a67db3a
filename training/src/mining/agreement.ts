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
  /** The same once each has absorbed the other's snapshot (TemplateMiner.absorb), as replicas exchanging state would. */
  halvesExchanged: number;
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
  const [first, second] = [fedMiner(shuffled.slice(0, half), options), fedMiner(shuffled.slice(half), options)];
  const agreeing = agreed(rows, first, second);
  const [firstState, secondState] = [first.snapshot(), second.snapshot()];
  first.absorb(secondState);
  second.absorb(firstState);
  const agreeingAfter = agreed(rows, first, second);

  return {
    shuffled: rows.length === 0 ? 1 : same / rows.length,
    halves: rows.length === 0 ? 1 : agreeing / rows.length,
    halvesExchanged: rows.length === 0 ? 1 : agreeingAfter / rows.length,
    shuffledScore: scoreGrouping(groupByMiner(options)(shuffled)).overall,
  };
}

/** Feed `fed` to a fresh miner, then ask it (without learning) for the template of every row of `asked`. */
function finalIds(fed: readonly CorpusRow[], asked: readonly CorpusRow[], options: MinerOptions): (string | undefined)[] {
  const miner = fedMiner(fed, options);
  return asked.map((r) => miner.match(r.logMessage, r.source)?.id);
}

function fedMiner(fed: readonly CorpusRow[], options: MinerOptions): TemplateMiner {
  const miner = new TemplateMiner(options);
  for (const r of fed) miner.add(r.logMessage, r.source);
  return miner;
}

/** Rows both miners match (without learning) to one id. */
function agreed(rows: readonly CorpusRow[], a: TemplateMiner, b: TemplateMiner): number {
  return rows.filter((r) => {
    const id = a.match(r.logMessage, r.source)?.id;
    return id !== undefined && id === b.match(r.logMessage, r.source)?.id;
  }).length;
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
