import { Prng } from '../corpus/prng';
import type { LabelledRow } from './labelled-csv';

/** The family of rows that carry none (a user's CSV without a family column): they form one family. */
export const NO_FAMILY = '(no family)';

export function familyOf(row: LabelledRow): string {
  return row.family || NO_FAMILY;
}

interface FamilyStats {
  family: string;
  rows: number;
  labels: Set<string>;
}

function familyStats(rows: readonly LabelledRow[]): FamilyStats[] {
  const byFamily = new Map<string, FamilyStats>();
  for (const row of rows) {
    const family = familyOf(row);
    const stats = byFamily.get(family) ?? { family, rows: 0, labels: new Set<string>() };
    stats.rows++;
    stats.labels.add(row.targetLabel);
    byFamily.set(family, stats);
  }
  return [...byFamily.values()].sort((a, b) => (a.family < b.family ? -1 : 1));
}

/**
 * Whole families to `folds` folds (fewer when there are fewer families), for
 * evaluation on programs the model never saw a line of. Families are taken
 * in a seeded random order; each goes to the fold it adds the most labels
 * to the fold has not got yet, counted against how full the fold already is,
 * so folds come out of similar size and each fold's test holds several
 * labels (a fold of only System Notification would say little). Another
 * seed gives other folds.
 */
export function assignFamilyFolds(rows: readonly LabelledRow[], folds: number, seed: number): string[][] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`family folds: need at least 2 folds, got ${folds}`);
  const stats = new Prng(seed).fork('family-folds').shuffle(familyStats(rows));
  if (stats.length < 2) throw new Error(`holding out families needs rows of at least 2 families, found ${stats.map((s) => s.family).join(', ') || 'none'}`);
  const k = Math.min(folds, stats.length);
  const labelCount = new Set(rows.map((r) => r.targetLabel)).size;
  // One new label is worth this many rows of fold size: an even share of a fold per label.
  const labelWorth = rows.length / (k * labelCount);
  const assigned = Array.from({ length: k }, () => ({ families: [] as string[], rows: 0, labels: new Set<string>() }));
  for (const family of stats) {
    let best = 0;
    let bestScore = Infinity;
    assigned.forEach((fold, i) => {
      const newLabels = [...family.labels].filter((l) => !fold.labels.has(l)).length;
      // An empty fold always takes the next family first, so no fold stays empty.
      const score = fold.families.length === 0 ? -Infinity : fold.rows + family.rows - labelWorth * newLabels;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    });
    const fold = assigned[best];
    fold.families.push(family.family);
    fold.rows += family.rows;
    for (const l of family.labels) fold.labels.add(l);
  }
  return assigned.map((f) => f.families.sort());
}

export interface FamilySplit {
  train: LabelledRow[];
  heldOut: LabelledRow[];
}

/** Rows of the given families held out, every other row to train. */
export function holdOutFamilies(rows: readonly LabelledRow[], families: readonly string[]): FamilySplit {
  const out = new Set(families);
  const split: FamilySplit = { train: [], heldOut: [] };
  for (const row of rows) (out.has(familyOf(row)) ? split.heldOut : split.train).push(row);
  return split;
}

/** How many distinct families the rows come from. */
export function familyCount(rows: readonly LabelledRow[]): number {
  return new Set(rows.map(familyOf)).size;
}
