import { openTemplateStore, type TemplateLabelStore } from '@logclass/template-store';
import type { LlmTierSettings } from './llm-settings';

/** The template-label store LLM_STORE names, or undefined for "none". */
export function openLlmStore(settings: Pick<LlmTierSettings, 'store' | 'storeFile' | 'storeUrl' | 'storeMaxEntries'>): TemplateLabelStore | undefined {
  if (settings.store === 'postgres' && !settings.storeUrl) throw new Error('LLM_STORE=postgres needs LLM_STORE_URL (a PostgreSQL connection string)');
  return openTemplateStore({ backend: settings.store, file: settings.storeFile, url: settings.storeUrl, maxEntries: settings.storeMaxEntries });
}
