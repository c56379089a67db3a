import { LogclassError, unavailable } from '@logclass/classifier';
import { correctionsFile, type Correction, type CorrectionsFile } from '@logclass/corrections';
import { loadTaxonomy, type Taxonomy } from '@logclass/taxonomy';
import { DEFAULT_STORE_FILE, openTemplateStore, taxonomyHash, type StoreBackend, type TemplateKey, type TemplateLabelEntry, type TemplateLabelStore } from '@logclass/template-store';

/** One operator's word: the label a template (a key of the store) should have. */
export interface OperatorCorrection {
  key: TemplateKey;
  /** Other keys a tier may ask the same line's question with (the template the gateway carries to it): each gets the same decision. */
  alsoKeys?: readonly TemplateKey[];
  /** A taxonomy label, spelled canonically. */
  label: string;
  /** The line it was made on (POST /feedback); absent: the store entry keeps its exemplar (the review). */
  exemplar?: string;
}

export interface OperatorCorrectionsOptions {
  /** The LLM tier's template-label store; undefined = GATEWAY_STORE=none. Opened on first use. */
  openStore: (() => TemplateLabelStore) | undefined;
  /** Its backend: with postgres (every replica's one store) corrections live there alone. */
  backend: StoreBackend;
  /** The corrections CSV (GATEWAY_FEEDBACK_FILE). */
  correctionsFile: string;
  /** Whose hash corrections are made under (the LLM tier's taxonomy must be the same, or it does not serve them). */
  taxonomy: Taxonomy;
}

/**
 * Where an operator's correction goes, whether it comes from POST /feedback
 * or the review; the one rule:
 * - with a template-label store, it becomes an operator decision there, for
 *   its (source, template), which every LLM-tier replica serves within about
 *   a second instead of its own answer;
 * - with PostgreSQL (several gateway replicas share it), the store is the one
 *   place corrections live: `logclass train` reads them from it;
 * - otherwise (SQLite on one host, or no store) each is also appended to the
 *   corrections file that `logclass train` reads, as before there was a store.
 */
export class OperatorCorrections {
  private store: TemplateLabelStore | undefined;
  private readonly file: CorrectionsFile | undefined;
  private readonly currentHash: string;

  constructor(private readonly opts: OperatorCorrectionsOptions) {
    this.file = opts.backend === 'postgres' && opts.openStore ? undefined : correctionsFile(opts.correctionsFile);
    this.currentHash = taxonomyHash(opts.taxonomy);
  }

  get hasStore(): boolean {
    return this.opts.openStore !== undefined;
  }

  /** The taxonomy corrections are checked against. */
  get taxonomy(): Taxonomy {
    return this.opts.taxonomy;
  }

  /** The taxonomy hash entries are checked against (current_taxonomy in the review). */
  get taxonomyHash(): string {
    return this.currentHash;
  }

  /** Runs `work` on the store; a store that cannot answer is UNAVAILABLE, not an internal error. */
  async withStore<T>(work: (store: TemplateLabelStore) => Promise<T>): Promise<T> {
    if (!this.opts.openStore) throw new LogclassError('FAILED_PRECONDITION', 'the review needs the template-label store: set GATEWAY_STORE (and GATEWAY_STORE_FILE or GATEWAY_STORE_URL) as the LLM tier has them');
    try {
      this.store ??= this.opts.openStore();
      return await work(this.store);
    } catch (err) {
      if (err instanceof LogclassError) throw err;
      throw unavailable(`the template-label store (${this.store?.backend ?? 'unopened'}) failed: ${(err as Error).message.slice(0, 200)}`);
    }
  }

  /**
   * Records the corrections in order (a later one of the same template wins)
   * and resolves once they are kept: the store's entries as they now are
   * (empty without a store). The store is written first: serving the
   * correction matters most, and a retry after a failed append corrects
   * again (the same) and appends.
   */
  async record(corrections: readonly OperatorCorrection[]): Promise<TemplateLabelEntry[]> {
    const entries: TemplateLabelEntry[] = [];
    const rows: Correction[] = [];
    if (this.hasStore) {
      await this.withStore(async (store) => {
        for (const c of corrections) {
          const entry = await store.correct({ ...c.key, label: c.label, taxonomyHash: this.currentHash, exemplar: c.exemplar });
          for (const key of c.alsoKeys ?? []) await store.correct({ ...key, label: c.label, taxonomyHash: this.currentHash, exemplar: c.exemplar });
          entries.push(entry);
          rows.push({ source: c.key.scope, logMessage: c.exemplar ?? (entry.exemplar || entry.template), label: c.label });
        }
      });
    } else {
      for (const c of corrections) rows.push({ source: c.key.scope, logMessage: c.exemplar ?? c.key.template, label: c.label });
    }
    await this.file?.append(rows);
    return entries;
  }

  async close(): Promise<void> {
    await this.store?.close();
    this.store = undefined;
  }
}

/** The GATEWAY_* settings corrections depend on (review-settings.ts, feedback-settings.ts); absent store settings = no store. */
export interface OperatorCorrectionsSettings {
  reviewStore?: StoreBackend;
  reviewStoreFile?: string;
  reviewStoreUrl?: string;
  feedbackFile: string;
  taxonomyFile?: string;
}

/** The corrections of a gateway with these settings: one store handle for the review and POST /feedback. */
export function operatorCorrectionsOf(cfg: OperatorCorrectionsSettings): OperatorCorrections {
  const backend = cfg.reviewStore ?? 'none';
  if (backend === 'postgres' && !cfg.reviewStoreUrl) throw new Error('GATEWAY_STORE=postgres needs GATEWAY_STORE_URL (or LLM_STORE_URL): a PostgreSQL connection string');
  return new OperatorCorrections({
    // The same opener as the LLM tier's (openLlmStore). The gateway never evicts: the LLM tier's LLM_STORE_MAX_ENTRIES does.
    openStore:
      backend === 'none'
        ? undefined
        : () => openTemplateStore({ backend, file: cfg.reviewStoreFile ?? DEFAULT_STORE_FILE, url: cfg.reviewStoreUrl, maxEntries: Number.MAX_SAFE_INTEGER }) as TemplateLabelStore,
    backend,
    correctionsFile: cfg.feedbackFile,
    taxonomy: loadTaxonomy(cfg.taxonomyFile),
  });
}
