import type { LogRecord } from '@logclass/contract';
import { maskTemplate } from '@logclass/template-mask';

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

/** The source is part of the key: the prompt shows it, and it may change the answer. */
export function cacheKey(record: LogRecord, mode: CacheKeyMode): string {
  if (mode === 'exact') return `${record.source}\u0000${record.logMessage}`;
  // A mined template and a masked message are both template texts: equal texts mean the same shape, whichever made them.
  return `${record.source}\u0000${record.template || maskTemplate(record.logMessage)}`;
}
