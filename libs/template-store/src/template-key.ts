import { maskTemplate } from '@logclass/template-mask';
import type { TemplateKey } from './template-label-store';

/**
 * The store key of a log line: its source as the scope (the LLM tier's
 * prompt shows it, and it may change the answer) and its template: the one a
 * miner gave the record, when there is one, else the message once ids,
 * numbers, addresses... are masked. The one rule for every writer and reader
 * of the store: the LLM tier asking, an operator's correction through POST
 * /feedback, `logclass bootstrap`.
 */
export function templateKeyOf(source: string, logMessage: string, minedTemplate?: string): TemplateKey {
  // A mined template and a masked message are both template texts: equal texts mean the same shape, whichever made them.
  return { scope: source, template: minedTemplate || maskTemplate(logMessage) };
}
