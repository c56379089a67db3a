import type { Classification } from '@logclass/contract';
import { invalidArgument } from '@logclass/classifier';

/** Columns a caller may ask for besides `target_label`, in the order they are written. */
export const EXTRA_COLUMNS = ['tier', 'confidence', 'reason', 'template'] as const;
export type ExtraColumn = (typeof EXTRA_COLUMNS)[number];

export const LABEL_COLUMN = 'target_label';

/**
 * Parses a caller's column list ("tier,reason"; empty = none). Unknown names
 * are refused rather than ignored, so a typo does not silently drop a column.
 */
export function parseExtraColumns(text: string | undefined): ExtraColumn[] {
  const names = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(EXTRA_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw invalidArgument(`unknown column ${unknown.map((u) => `"${u}"`).join(', ')}: choose from ${EXTRA_COLUMNS.join(', ')}`);
  }
  return EXTRA_COLUMNS.filter((c) => names.includes(c));
}

/** The text of an extra column for one result. */
export function extraValue(column: ExtraColumn, result: Classification): string {
  switch (column) {
    case 'tier':
      return result.tier;
    case 'confidence':
      return String(Math.round(result.confidence * 1e4) / 1e4);
    case 'reason':
      return result.reason;
    case 'template':
      return result.template;
  }
}

/** The result's columns as JSON output carries them (confidence a number). */
export function resultFields(result: Classification, columns: readonly ExtraColumn[]): Record<string, string | number> {
  const out: Record<string, string | number> = { [LABEL_COLUMN]: result.label };
  for (const c of columns) out[c] = c === 'confidence' ? result.confidence : extraValue(c, result);
  return out;
}
