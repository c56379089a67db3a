import type { Taxonomy } from '@logclass/taxonomy';
import type { LabelledRow } from './labelled-csv';

export interface ResolvedRows {
  /** Rows whose label is in the taxonomy, with the label written canonically ("http status" -> "HTTP Status"). */
  rows: LabelledRow[];
  /** Labels not in the taxonomy, with how many rows carry each. */
  unknown: Map<string, number>;
  /** Rows dropped because log_message was empty. */
  emptyMessages: number;
}

/** Map gold labels onto the taxonomy (case, spacing and punctuation do not matter); keep unknown ones aside. */
export function resolveLabels(rows: readonly LabelledRow[], taxonomy: Taxonomy): ResolvedRows {
  const out: LabelledRow[] = [];
  const unknown = new Map<string, number>();
  let emptyMessages = 0;
  for (const row of rows) {
    if (row.logMessage.trim() === '') {
      emptyMessages++;
      continue;
    }
    const label = taxonomy.resolve(row.targetLabel);
    if (label) out.push({ ...row, targetLabel: label });
    else unknown.set(row.targetLabel, (unknown.get(row.targetLabel) ?? 0) + 1);
  }
  return { rows: out, unknown, emptyMessages };
}

export function describeUnknownLabels(unknown: ReadonlyMap<string, number>, taxonomy: Taxonomy): string {
  const list = [...unknown].sort((a, b) => b[1] - a[1]).map(([label, n]) => `"${label}" (${n} rows)`);
  return `labels not in the taxonomy: ${list.join(', ')}. Known labels: ${taxonomy.names.join(', ')}`;
}
