import type { EnvelopePolicy, Level } from '../envelopes';

/** One message shape. Its id (assigned in index.ts) is what the train/validation/test split holds out. */
export interface TemplateSpec {
  pattern: string;
  /** Systems that print this shape; defaults to the label's. */
  sources?: readonly string[];
  envelope?: EnvelopePolicy;
}

/** Every template of one label, with the sources and log levels that label's lines usually carry. */
export interface LabelTemplates {
  label: string;
  /** Prefix of template ids, e.g. "sec" -> "sec-017". */
  slug: string;
  sources: readonly string[];
  levels: readonly (readonly [Level, number])[];
  templates: readonly TemplateSpec[];
}

/** Shorthand: a bare string is a template with the label's defaults. */
export type TemplateEntry = string | TemplateSpec;

export function defineLabel(
  meta: Omit<LabelTemplates, 'templates'>,
  entries: readonly TemplateEntry[],
): LabelTemplates {
  return { ...meta, templates: entries.map((e) => (typeof e === 'string' ? { pattern: e } : e)) };
}

export const MODERN_SOURCES = ['ModernCRM', 'AnalyticsEngine', 'ModernHR', 'BillingSystem', 'ThirdPartyAPI'] as const;
