import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { openTemplateStore, type TemplateLabelStore } from '@logclass/template-store';
import { freshPostgresSchema, whenPostgres } from '@logclass/test-support';
import type { RunningGateway } from '../src/index';
import { startGatewayOverMarker } from './gateway-fixture';

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

/** What gatewayOnStore starts: read them in tests (they are set by its beforeAll). */
export interface GatewayOnStore {
  readonly gateway: RunningGateway;
  /** A handle on the gateway's store, as an LLM tier has it. */
  readonly store: TemplateLabelStore;
  /** The gateway's GATEWAY_FEEDBACK_FILE (in a folder of its own). */
  readonly correctionsFile: string;
}

/**
 * In a describe block: beforeAll starts a real gateway over a marker tier (named `tierName`) on
 * the backend's store, with a corrections file of its own; afterAll stops it
 * and removes the store and the file.
 */
export function gatewayOnStore(backend: StoreBackend, env: Record<string, string> = {}, tierName?: string): GatewayOnStore {
  let tier: RunningClassifierServer | undefined;
  let gateway: RunningGateway | undefined;
  let store: TemplateLabelStore | undefined;
  let dispose: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logclass-gateway-on-store-'));
    const opened = await backend.open();
    store = opened.store;
    dispose = opened.dispose;
    ({ tier, gateway } = await startGatewayOverMarker({ ...opened.env, GATEWAY_FEEDBACK_FILE: join(dir, 'corrections.csv'), ...env }, tierName));
  });
  afterAll(async () => {
    await gateway?.stop();
    await tier?.stop(100);
    await store?.close();
    await dispose?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('gatewayOnStore: read it in a test, after beforeAll');
    return value;
  };
  return {
    get gateway() {
      return started(gateway);
    },
    get store() {
      return started(store);
    },
    get correctionsFile() {
      return join(started(dir), 'corrections.csv');
    },
  };
}
