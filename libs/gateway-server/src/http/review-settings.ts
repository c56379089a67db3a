import { DEFAULT_STORE_FILE, STORE_BACKENDS, type StoreBackend } from '@logclass/template-store';
import { setting } from '@logclass/service-config';

function storeBackend(raw: string): StoreBackend {
  const value = raw.trim() as StoreBackend;
  if (!STORE_BACKENDS.includes(value)) throw new Error(`expected one of ${STORE_BACKENDS.join(', ')}`);
  return value;
}

/**
 * GATEWAY_* settings of the review routes (spread into gatewaySettings()):
 * the template-label store the LLM tier keeps, named the same way. Each
 * falls back to the LLM tier's variable, so one Secret (LLM_STORE,
 * LLM_STORE_URL) or one `npm start` environment configures both.
 */
export function reviewSettings() {
  return {
    reviewStore: setting.custom(
      'GATEWAY_STORE',
      'sqlite',
      "The LLM tier's template-label store, for the review (GET /review/entries, confirm, correct, delete) and where POST /feedback corrections go: the same backend as the LLM tier's LLM_STORE. " +
        `"none" = no review (those routes answer 409) and corrections to GATEWAY_FEEDBACK_FILE only. One of: ${STORE_BACKENDS.join(', ')}.`,
      storeBackend,
      { aliases: ['LLM_STORE'] },
    ),
    reviewStoreFile: setting.string(
      'GATEWAY_STORE_FILE',
      DEFAULT_STORE_FILE,
      "The SQLite file of GATEWAY_STORE=sqlite: the LLM tier's LLM_STORE_FILE, on the same host (relative to the working directory). Opened at the first review or POST /feedback request.",
      { aliases: ['LLM_STORE_FILE'] },
    ),
    reviewStoreUrl: setting.optionalString('GATEWAY_STORE_URL', "PostgreSQL connection string of GATEWAY_STORE=postgres: the LLM tier's LLM_STORE_URL, from a Secret.", {
      aliases: ['LLM_STORE_URL'],
      secret: true,
    }),
  };
}
