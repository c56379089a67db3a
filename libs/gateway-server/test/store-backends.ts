import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTemplateStore, type TemplateLabelStore } from '@logclass/template-store';
import { freshPostgresSchema, whenPostgres } from '@logclass/test-support';

/** A template-label store for a gateway spec: the gateway's settings naming it, and a handle on it as the LLM tier has it. */
export interface StoreBackend {
  name: string;
  open(): Promise<{ env: Record<string, string>; store: TemplateLabelStore; dispose(): Promise<void> }>;
  /** Corrections also go to the corrections file (SQLite, one host), or live in the store alone (PostgreSQL). */
  alsoFile: boolean;
}

const sqlite: StoreBackend = {
  name: 'SQLite (the file the LLM tier writes)',
  alsoFile: true,
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'logclass-gateway-store-'));
    const file = join(dir, 'data', 'template-labels.sqlite');
    return {
      // The LLM tier's own variable: the gateway falls back to it.
      env: { LLM_STORE_FILE: file },
      store: openTemplateStore({ backend: 'sqlite', file, maxEntries: 1000 }) as TemplateLabelStore,
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

const postgres = (url: string): StoreBackend => ({
  name: 'PostgreSQL (shared by every replica)',
  alsoFile: false,
  async open() {
    const schema = await freshPostgresSchema(url);
    return {
      env: { GATEWAY_STORE: 'postgres', GATEWAY_STORE_URL: schema.url },
      store: openTemplateStore({ backend: 'postgres', url: schema.url, maxEntries: 1000 }) as TemplateLabelStore,
      dispose: () => schema.drop(),
    };
  },
});

/** Defines `suite` on SQLite, and on PostgreSQL when there is a server (whenPostgres: else the failing or skipped test). */
export function onEveryStoreBackend(what: string, suite: (backend: StoreBackend) => void): void {
  suite(sqlite);
  whenPostgres(it, `runs ${what} against PostgreSQL`, (url) => suite(postgres(url)));
}
