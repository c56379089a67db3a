import { DEFAULT_MAX_MESSAGE_CHARS, embedSparse, memoryKeyOf, type Embedder, type LogisticRegressionModel, type TemplateMemory } from '@logclass/embedding-tier';
import type { LabelledRow } from '../dataset/labelled-csv';
import { keyValues, section } from '../evaluation/report';
import { predictTop } from './scoring';

/** What choosing the memory found, in templates (embedder templates: see TemplateMemory.keyedBy). */
export interface TemplateMemoryChoice {
  /** Templates of the rows training was told outright (corrections, store entries). */
  told: number;
  /** Of those, templates whose rows (labelled data included) carry more than one label: left to the model. */
  notUnanimous: number;
  /** Unanimous ones the model already decides at its threshold with that label: no need to remember. */
  decidedByModel: number;
  /** Remembered: the model leaves them under its threshold. */
  belowThreshold: number;
  /** Remembered: the model decides them at its threshold with another label (the told label wins). */
  otherLabel: number;
}

/**
 * The exact-template memory of a new version: every template of `told`
 * (operators' corrections and template-label store entries, as training takes
 * them) whose rows, those of the labelled data included, all carry one label,
 * unless the fitted model already decides it with that label at its
 * threshold. Before promote, the operator reads how many (renderTemplateMemory);
 * held-out figures are the model's alone, with no memory (it holds training
 * labels: scored on them it would only repeat them).
 */
export async function chooseTemplateMemory(
  labelled: readonly LabelledRow[],
  told: readonly LabelledRow[],
  fit: { model: LogisticRegressionModel; labels: readonly string[]; threshold: number; embedder: Embedder },
): Promise<{ memory: TemplateMemory; choice: TemplateMemoryChoice }> {
  const key = (r: LabelledRow) => memoryKeyOf(fit.embedder, r.logMessage, DEFAULT_MAX_MESSAGE_CHARS);
  const toldBy = new Map<string, LabelledRow>();
  for (const r of told) toldBy.set(key(r), r);
  const labelsOf = new Map<string, Set<string>>();
  for (const r of [...labelled, ...told]) {
    const k = key(r);
    if (!toldBy.has(k)) continue;
    const seen = labelsOf.get(k);
    if (seen) seen.add(r.targetLabel);
    else labelsOf.set(k, new Set([r.targetLabel]));
  }
  const choice: TemplateMemoryChoice = { told: toldBy.size, notUnanimous: 0, decidedByModel: 0, belowThreshold: 0, otherLabel: 0 };
  const unanimous: Array<[string, LabelledRow]> = [];
  for (const [k, row] of toldBy) {
    if ((labelsOf.get(k)?.size ?? 0) > 1) choice.notUnanimous++;
    else unanimous.push([k, row]);
  }
  const predictions = predictTop(fit.model, fit.labels, await embedSparse(fit.embedder, unanimous.map(([, r]) => r.logMessage)));
  const entries: Array<[string, string]> = [];
  unanimous.forEach(([k, row], i) => {
    const p = predictions[i];
    const decided = p.confidence >= fit.threshold;
    if (decided && p.label === row.targetLabel) choice.decidedByModel++;
    else {
      if (decided) choice.otherLabel++;
      else choice.belowThreshold++;
      entries.push([k, row.targetLabel]);
    }
  });
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { memory: { keyedBy: 'embedder-template', entries, chosen: { ...choice } }, choice };
}

export function renderTemplateMemory(choice: TemplateMemoryChoice): string {
  return section(
    'Template memory (exact templates decided before the threshold; memorised, not in any held-out figure)',
    keyValues([
      ['templates training was told outright', `${choice.told} (corrections and template-label store entries taken)`],
      ['  rows disagree (left to the model)', String(choice.notUnanimous)],
      ['  already decided by the model, same label', String(choice.decidedByModel)],
      ['remembered', String(choice.belowThreshold + choice.otherLabel)],
      ['  the model leaves them under its threshold', String(choice.belowThreshold)],
      ['  the model says another label (the told label wins)', String(choice.otherLabel)],
    ]),
  );
}
