import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '@logclass/service-config';
import type { Logger } from '@logclass/observability';
import { loadMaskRules, SnapshotError, TemplateMiner, type MinerOptions } from '@logclass/template-miner';
import type { GatewayConfig } from '../settings';

type TemplateConfig = Pick<GatewayConfig, 'templateStateFile' | 'templateSnapshotSeconds' | 'templateMax' | 'templateMaskRules'>;

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

/**
 * Writes the miner's snapshot every GATEWAY_TEMPLATE_SNAPSHOT_SECONDS and
 * on close(), atomically (a temp file in the same folder, then a rename), and
 * only when it changed. A write that fails (a read-only root filesystem in a
 * container) is logged once, until a write succeeds again; it never stops
 * the gateway. With a peer folder (GATEWAY_TEMPLATE_PEER_DIR), each round
 * also absorbs the other replicas' snapshots found there that changed since
 * it last read them, counts left as this replica's own; a peer's file that
 * cannot be used is logged once until it can.
 */
export class TemplateSnapshots {
  private readonly timer: NodeJS.Timeout | undefined;
  private lastWritten: string | undefined;
  private writing: Promise<void> | undefined;
  private failing = false;
  /** Peer snapshot file -> sha256 of the text last absorbed (or found unusable) from it. */
  private readonly peersRead = new Map<string, string>();
  /** Peer snapshot file -> its inode, size and mtime when last read: an unchanged file is not read again (replicas rewrite theirs by rename, so a new snapshot is a new inode). */
  private readonly peersStat = new Map<string, string>();
  private peerDirFailing = false;

  constructor(
    private readonly miner: TemplateMiner,
    private readonly file: string | undefined,
    seconds: number,
    private readonly log: Logger,
    private readonly peerDir?: string,
  ) {
    if (!file && !peerDir) return;
    this.timer = setInterval(() => void this.save(), seconds * 1000);
    this.timer.unref();
  }

  /** Writes the snapshot now unless a write is in progress or nothing changed, then absorbs the peers' that changed; never rejects. */
  save(): Promise<void> {
    this.writing ??= this.round().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async round(): Promise<void> {
    if (this.file) await this.write(this.file);
    if (this.peerDir) await this.absorbPeers(this.peerDir);
  }

  private async absorbPeers(dir: string): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    } catch (err) {
      if (!this.peerDirFailing) this.log.warn({ dir, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'cannot read the template peer folder (logged once until it can)');
      this.peerDirFailing = true;
      return;
    }
    this.peerDirFailing = false;
    const own = this.file && resolve(this.file);
    for (const name of names) {
      const path = resolve(join(dir, name));
      if (path === own) continue;
      // Every round looks at every peer's file; reading and hashing each (megabytes for a large snapshot) only when it changed.
      const info = await stat(path).catch(() => undefined);
      const stamp = info && `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (stamp === undefined || stamp === this.peersStat.get(path)) continue;
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      this.peersStat.set(path, stamp);
      const digest = createHash('sha256').update(text).digest('hex');
      if (digest === this.peersRead.get(path)) continue;
      this.peersRead.set(path, digest);
      try {
        await absorbInSlices(this.miner, JSON.parse(text));
        this.log.debug({ file: path, templates: this.miner.size }, 'absorbed a peer template snapshot');
      } catch (err) {
        const why = err instanceof SnapshotError ? 'peer template snapshot not usable' : 'peer template snapshot is not JSON';
        this.log.warn({ file: path, error: (err as Error).message }, `${why}: skipped until it changes`);
      }
    }
  }

  /** Stops the timer, waits for a write in progress, then writes the final snapshot. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.writing;
    if (this.file) await this.write(this.file);
  }

  private async write(file: string): Promise<void> {
    const text = JSON.stringify(this.miner.snapshot());
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
