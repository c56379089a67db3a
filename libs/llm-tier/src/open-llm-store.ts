import { openTemplateStore, type TemplateLabelStore } from '@logclass/template-store';
import type { LlmTierSettings } from './llm-settings';

/** The template-label store LLM_STORE names, or undefined for "none". */
export function openLlmStore(settings: Pick<LlmTierSettings, 'store' | 'storeFile' | 'storeUrl' | 'storeMaxEntries'>): TemplateLabelStore | undefined {
  if (settings.store === 'postgres' && !settings.storeUrl) throw new Error('LLM_STORE=postgres needs LLM_STORE_URL (a PostgreSQL connection string)');
  // What the tier writes can be lost to a power cut at no more than a call's cost: an LLM answer is asked again,
  // a claim expires, a row count is approximate anyway. An fsync per commit (several per batch, each blocking
  // the event loop for milliseconds) is not worth that. Operators' corrections go through the gateway's handle, which syncs.
  return openTemplateStore({ backend: settings.store, file: settings.storeFile, url: settings.storeUrl, maxEntries: settings.storeMaxEntries, syncEveryCommit: false });
}
