import { createHash } from 'node:crypto';
import { maskTemplate } from '@logclass/template-mask';
import type { TemplateKey } from './template-label-store';

/**
 * The store key of a log line: its source as the scope (the LLM tier's
 * prompt shows it, and it may change the answer) and its template: the one a
 * miner gave the record, when there is one, else the message once ids,
 * numbers, addresses... are masked. The one rule for every writer and reader
 * of the store: the LLM tier asking, an operator's correction through POST
 * /feedback, `logclass bootstrap`. Both parts are bounded (boundedKeyText).
 */
export function templateKeyOf(source: string, logMessage: string, minedTemplate?: string): TemplateKey {
  // A mined template and a masked message are both template texts: equal texts mean the same shape, whichever made them.
  return { scope: boundedKeyText(source, MAX_SCOPE_CHARS), template: boundedKeyText(minedTemplate || maskTemplate(logMessage), MAX_TEMPLATE_CHARS) };
}

/**
 * Longest scope and template kept as they are. A key is a primary key of the
 * PostgreSQL store, whose index takes at most 2,704 bytes a row: 200 + 400
 * characters of up to 4 bytes each, and a digest, stay under it. Lines of
 * many kilobytes (a JSON payload, a stack trace on one line) are real.
 */
export const MAX_SCOPE_CHARS = 200;
export const MAX_TEMPLATE_CHARS = 400;

/**
 * `text` when it is at most `max` characters long; else its first `max`
 * characters, an ellipsis and a digest of the whole text, so two long texts
 * that differ only past the cut keep two keys (an answer cached for one is
 * no answer for the other), and every key stays bounded in memory and in
 * the store.
 */
export function boundedKeyText(text: string, max: number): string {
  if (text.length <= max) return text;
  // The cut never splits a surrogate pair, so the kept part stays valid UTF-16 (PostgreSQL refuses a lone surrogate).
  const cut = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}\u2026#${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
