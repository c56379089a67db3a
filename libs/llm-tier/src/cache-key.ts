import type { LogRecord } from '@logclass/contract';
import { templateKeyOf, type TemplateKey } from '@logclass/template-store';

/**
 * How questions are recognised as "the same":
 * - `template`: same source and same template: the one the gateway's miner
 *   carried with the record (LogRecord.template, when the gateway is set to
 *   carry it), else the message once ids, numbers, addresses... are masked
 *   ("Case 1234 escalation failed" = "Case 98 escalation failed"): one call per log template;
 * - `exact`: same source and byte-identical message.
 */
export const CACHE_KEY_MODES = ['template', 'exact'] as const;
export type CacheKeyMode = (typeof CACHE_KEY_MODES)[number];

/**
 * The one key of a question, for the answer cache and the template-label store
 * alike. The source is its scope: the prompt shows it, and it may change the answer.
 */
export function questionKey(record: LogRecord, mode: CacheKeyMode): TemplateKey {
  if (mode === 'exact') return { scope: record.source, template: record.logMessage };
  return templateKeyOf(record.source, record.logMessage, record.template);
}

/** The key as one string, for maps. */
export function keyId(key: TemplateKey): string {
  return `${key.scope}\u0000${key.template}`;
}
