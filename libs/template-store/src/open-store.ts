import { PostgresTemplateStore } from './postgres-store';
import { SqliteTemplateStore } from './sqlite-store';
import type { TemplateLabelStore } from './template-label-store';

export const STORE_BACKENDS = ['sqlite', 'postgres', 'none'] as const;
export type StoreBackend = (typeof STORE_BACKENDS)[number];

/** Where the embedded store lives by default: relative to the working directory, next to data/corrections.csv. */
export const DEFAULT_STORE_FILE = 'data/template-labels.sqlite';

export interface StoreSettings {
  backend: StoreBackend;
  /** The SQLite file (backend "sqlite"). */
  file?: string;
  /** postgres://user:password@host:port/db (backend "postgres"). */
  url?: string;
  maxEntries: number;
  /** SQLite: false = commits survive a process crash, not a power cut, and pay no fsync (see SqliteTemplateStore). Default true. */
  syncEveryCommit?: boolean;
}

/** The store the settings name, or undefined for "none". Opening is synchronous; PostgreSQL connects on first use. */
export function openTemplateStore(settings: StoreSettings): TemplateLabelStore | undefined {
  switch (settings.backend) {
    case 'none':
      return undefined;
    case 'sqlite':
      return new SqliteTemplateStore(settings.file ?? DEFAULT_STORE_FILE, settings.maxEntries, { syncEveryCommit: settings.syncEveryCommit });
    case 'postgres':
      if (!settings.url) throw new Error('template store: the postgres backend needs a connection string');
      return new PostgresTemplateStore(settings.url, settings.maxEntries);
  }
}
