import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** One labelled log line. `templateId` is present in the generated corpus; users' CSVs may omit it. */
export interface LabelledRow {
  source: string;
  logMessage: string;
  targetLabel: string;
  templateId?: string;
  /** The program family (generated corpus): evaluation can hold out whole families. */
  family?: string;
}

const REQUIRED = ['log_message', 'target_label'] as const;

/** Parse `source,log_message,target_label[,template_id][,family]` (header required, column order free, extra columns ignored). */
export function parseLabelledCsv(text: string, name = 'CSV'): LabelledRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new Error(`${name}: not valid CSV: ${(err as Error).message}`);
  }
  if (records.length === 0) throw new Error(`${name}: no rows`);
  const columns = Object.keys(records[0]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new Error(`${name}: missing column(s) ${missing.join(', ')}; expected a header like source,log_message,target_label (found: ${columns.join(', ')})`);
  }
  return records.map((r) => ({
    source: (r.source ?? '').trim(),
    logMessage: r.log_message ?? '',
    targetLabel: (r.target_label ?? '').trim(),
    ...(r.template_id ? { templateId: r.template_id } : {}),
    ...(r.family ? { family: r.family } : {}),
  }));
}

export function readLabelledCsv(path: string): LabelledRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  return parseLabelledCsv(text, path);
}

export function writeLabelledCsv(rows: readonly LabelledRow[]): string {
  return stringify(
    rows.map((r) => [r.source, r.logMessage, r.targetLabel, r.templateId ?? '', r.family ?? '']),
    { header: true, columns: ['source', 'log_message', 'target_label', 'template_id', 'family'] },
  );
}
