import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from '@logclass/observability';

/** Another replica's template snapshot (TemplateMiner.snapshot() as JSON) that changed since this replica last read it. */
export interface PeerSnapshot {
  /** Which replica wrote it (a file's path, a replica's name), for the log. */
  peer: string;
  text: string;
}

/**
 * Where gateway replicas leave their template snapshots for each other: each
 * snapshot round publishes this replica's and returns the others' that
 * changed since the last round. Never rejects: a place that cannot be
 * reached is logged (once until it can be again) and the round goes on
 * without it, since templates are for display and grouping.
 */
export interface PeerSnapshots {
  publish(text: string): Promise<void>;
  changed(): Promise<PeerSnapshot[]>;
  close(): Promise<void>;
}

/** The digest a peer's snapshot is known by: the same text is never absorbed twice. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A folder the replicas share (GATEWAY_TEMPLATE_PEER_DIR, a ReadWriteMany
 * volume): each replica's GATEWAY_TEMPLATE_STATE_FILE is in it, written by
 * the snapshot round itself, so publishing is that write.
 */
export class FolderPeerSnapshots implements PeerSnapshots {
  /** Peer file -> sha256 of the text last handed over from it. */
  private readonly read = new Map<string, string>();
  /** Peer file -> its inode, size and mtime when last read: replicas rewrite theirs by rename, so a new snapshot is a new inode. */
  private readonly stamps = new Map<string, string>();
  private failing = false;

  constructor(
    private readonly dir: string,
    /** This replica's own file, skipped. */
    private readonly ownFile: string | undefined,
    private readonly log: Logger,
  ) {}

  async publish(): Promise<void> {
    // The snapshot round writes the own file into the folder.
  }

  async changed(): Promise<PeerSnapshot[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    } catch (err) {
      if (!this.failing) this.log.warn({ dir: this.dir, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'cannot read the template peer folder (logged once until it can)');
      this.failing = true;
      return [];
    }
    this.failing = false;
    const own = this.ownFile && resolve(this.ownFile);
    const changed: PeerSnapshot[] = [];
    for (const name of names) {
      const path = resolve(join(this.dir, name));
      if (path === own) continue;
      // Every round looks at every peer's file; reading and hashing each (megabytes for a large snapshot) only when it changed.
      const info = await stat(path).catch(() => undefined);
      const stamp = info && `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (stamp === undefined || stamp === this.stamps.get(path)) continue;
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      this.stamps.set(path, stamp);
      const digest = sha256(text);
      if (digest === this.read.get(path)) continue;
      this.read.set(path, digest);
      changed.push({ peer: path, text });
    }
    return changed;
  }

  async close(): Promise<void> {
    // Nothing held open.
  }
}
