import { maskTemplate, templateId } from '@logclass/template-mask';
import { Prng } from '../corpus/prng';
import type { LabelledRow } from './labelled-csv';

export type SplitName = 'train' | 'validation' | 'test';

export interface SplitFractions {
  validation: number;
  test: number;
}

export interface DatasetSplit {
  train: LabelledRow[];
  validation: LabelledRow[];
  test: LabelledRow[];
}

export const DEFAULT_FRACTIONS: SplitFractions = { validation: 0.15, test: 0.15 };

/**
 * The group a row is held out with: its template id when it has one (the
 * generated corpus), otherwise the id of its masked template, so a user's
 * near-identical lines ("user 12 logged in" / "user 99 logged in") never
 * straddle train and test.
 */
export function groupKey(row: LabelledRow): string {
  return row.templateId || `mask-${templateId(maskTemplate(row.logMessage))}`;
}

/**
 * Assign whole templates to train/validation/test, stratified by label, so
 * evaluation measures generalisation to phrasings the model never saw.
 * Per label: round(n x fraction) templates to validation and to test, at
 * least one each when the label has 3+ templates, and train keeps the rest.
 * A label with fewer than 3 templates stays in train only (it cannot be held
 * out without losing it from training).
 */
export function splitByTemplate(rows: readonly LabelledRow[], seed: number, fractions: SplitFractions = DEFAULT_FRACTIONS): DatasetSplit {
  const groupsByLabel = new Map<string, string[]>();
  const labelOfGroup = new Map<string, string>();
  for (const row of rows) {
    const key = groupKey(row);
    if (labelOfGroup.has(key)) continue;
    // A group is stratified under the label of its first row; mixed-label groups are rare in practice.
    labelOfGroup.set(key, row.targetLabel);
    const groups = groupsByLabel.get(row.targetLabel) ?? [];
    groups.push(key);
    groupsByLabel.set(row.targetLabel, groups);
  }

  const assignment = new Map<string, SplitName>();
  const rng = new Prng(seed);
  for (const label of [...groupsByLabel.keys()].sort()) {
    const groups = rng.fork(label).shuffle([...(groupsByLabel.get(label) ?? [])].sort());
    const n = groups.length;
    const atLeastOne = n >= 3 ? 1 : 0;
    const nValidation = Math.max(atLeastOne, Math.round(n * fractions.validation));
    const nTest = Math.max(atLeastOne, Math.round(n * fractions.test));
    groups.forEach((g, i) => assignment.set(g, i < nTest ? 'test' : i < nTest + nValidation ? 'validation' : 'train'));
  }

  const split: DatasetSplit = { train: [], validation: [], test: [] };
  for (const row of rows) split[assignment.get(groupKey(row)) ?? 'train'].push(row);
  return split;
}
