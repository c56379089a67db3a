import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '@logclass/service-config';
import type { Logger } from '@logclass/observability';
import { loadMaskRules, SnapshotError, TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import type { GatewayConfig } from '../settings';
import { FolderPeerSnapshots, type PeerSnapshots } from './peer-snapshots';
import { PostgresPeerSnapshots } from './postgres-peer-snapshots';

type TemplateConfig = Pick<GatewayConfig, 'templateStateFile' | 'templateSnapshotSeconds' | 'templateMax' | 'templateMaskRules'>;
type PeerConfig = Pick<GatewayConfig, 'templateStateFile' | 'templatePeerDir' | 'templatePeerStoreUrl' | 'templateReplicaName'>;

/**
 * The gateway's template miner: GATEWAY_TEMPLATE_MAX templates, the mask
 * rules of GATEWAY_TEMPLATE_MASK_RULES (a bad file is a configuration
 * error), restored from GATEWAY_TEMPLATE_STATE_FILE when it holds a snapshot
 * made the way this process masks. Any other snapshot (another mask
 * version, other rules, unreadable, not JSON) is logged and mining starts
 * fresh: templates are for display, never worth refusing to start.
 */
export function openTemplateMiner(cfg: TemplateConfig, log: Logger): TemplateMiner {
  const options: MinerOptions = { maxClusters: cfg.templateMax };
  if (cfg.templateMaskRules) {
    try {
      options.maskRules = loadMaskRules(cfg.templateMaskRules);
    } catch (err) {
      throw new ConfigError('gateway', [`GATEWAY_TEMPLATE_MASK_RULES=${JSON.stringify(cfg.templateMaskRules)}: ${(err as Error).message}`]);
    }
  }
  const file = cfg.templateStateFile;
  if (!file) return new TemplateMiner(options);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') log.info({ file }, 'no template snapshot yet: mining starts empty');
    else log.warn({ file, error: code ?? (err as Error).message }, 'template snapshot unreadable: mining starts empty');
    return new TemplateMiner(options);
  }
  try {
    const miner = TemplateMiner.restore(JSON.parse(text), options);
    log.info({ file, templates: miner.size }, 'template snapshot restored');
    return miner;
  } catch (err) {
    const why = err instanceof SnapshotError ? 'template snapshot not usable' : 'template snapshot is not JSON';
    log.warn({ file, error: (err as Error).message }, `${why}: mining starts empty (the file is replaced at the next snapshot)`);
    return new TemplateMiner(options);
  }
}

/** Where this replica trades template snapshots with the others: a shared folder, a PostgreSQL table, or nowhere (undefined). */
export function openPeerSnapshots(cfg: PeerConfig, log: Logger): PeerSnapshots | undefined {
  if (cfg.templatePeerDir && cfg.templatePeerStoreUrl) {
    throw new ConfigError('gateway', ['GATEWAY_TEMPLATE_PEER_DIR and GATEWAY_TEMPLATE_PEER_STORE_URL are both set: replicas trade template snapshots through one of them']);
  }
  if (cfg.templatePeerDir) return new FolderPeerSnapshots(cfg.templatePeerDir, cfg.templateStateFile, log);
  if (cfg.templatePeerStoreUrl) return new PostgresPeerSnapshots(cfg.templatePeerStoreUrl, cfg.templateReplicaName ?? hostname(), log);
  return undefined;
}

/**
 * Writes the miner's snapshot every GATEWAY_TEMPLATE_SNAPSHOT_SECONDS and
 * on close(), atomically (a temp file in the same folder, then a rename), and
 * only when it changed. A write that fails (a read-only root filesystem in a
 * container) is logged once, until a write succeeds again; it never stops
 * the gateway. With peers (a shared folder or a PostgreSQL table, see
 * peer-snapshots.ts), each round also publishes the snapshot to them and
 * absorbs the other replicas' that changed since it last read them, counts
 * left as this replica's own; a peer's snapshot that cannot be used is
 * logged once until it changes.
 */
export class TemplateSnapshots {
  private readonly timer: NodeJS.Timeout | undefined;
  private lastWritten: string | undefined;
  private writing: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly miner: TemplateMiner,
    private readonly file: string | undefined,
    seconds: number,
    private readonly log: Logger,
    private readonly peers?: PeerSnapshots,
  ) {
    if (!file && !peers) return;
    this.timer = setInterval(() => void this.save(), seconds * 1000);
    this.timer.unref();
  }

  /** Writes the snapshot now unless a write is in progress or nothing changed, then trades it with the peers; never rejects. */
  save(): Promise<void> {
    this.writing ??= this.round().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async round(): Promise<void> {
    const text = JSON.stringify(this.miner.snapshot());
    if (this.file) await this.write(this.file, text);
    if (!this.peers) return;
    await this.peers.publish(text);
    for (const { peer, text: theirs } of await this.peers.changed()) {
      try {
        await absorbInSlices(this.miner, JSON.parse(theirs));
        this.log.debug({ peer, templates: this.miner.size }, 'absorbed a peer template snapshot');
      } catch (err) {
        const why = err instanceof SnapshotError ? 'peer template snapshot not usable' : 'peer template snapshot is not JSON';
        this.log.warn({ peer, error: (err as Error).message }, `${why}: skipped until it changes`);
      }
    }
  }

  /** Stops the timer, waits for a round in progress, then writes the final snapshot and lets go of the peers. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.writing;
    const text = JSON.stringify(this.miner.snapshot());
    if (this.file) await this.write(this.file, text);
    if (this.peers) {
      await this.peers.publish(text);
      await this.peers.close();
    }
  }

  private async write(file: string, text: string): Promise<void> {
    if (text === this.lastWritten) return;
    const temp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
    try {
      await mkdir(dirname(resolve(file)), { recursive: true });
      await writeFile(temp, text, 'utf8');
      await rename(temp, file);
      this.lastWritten = text;
      if (this.failing) this.log.info({ file }, 'template snapshot written again');
      this.failing = false;
    } catch (err) {
      await rm(temp, { force: true }).catch(() => undefined);
      if (!this.failing) this.log.warn({ file, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'cannot write the template snapshot: templates stay in memory (logged once until a write succeeds)');
      this.failing = true;
    }
  }
}

/** Templates absorbed between two turns of the event loop: a peer's first snapshot may hold tens of thousands, each a miner search, and requests must not wait for all of them. */
const ABSORBED_PER_TURN = 500;

/** TemplateMiner.absorb of a peer's snapshot, ABSORBED_PER_TURN templates per turn of the event loop; counts stay this miner's. */
async function absorbInSlices(miner: TemplateMiner, snapshot: unknown): Promise<void> {
  for (const _ of miner.absorbing(snapshot, { addCounts: false, perStep: ABSORBED_PER_TURN })) await new Promise((r) => setImmediate(r));
}
