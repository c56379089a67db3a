import { Pool } from 'pg';
import type { Logger } from '@logclass/observability';
import { sha256, type PeerSnapshot, type PeerSnapshots } from './peer-snapshots';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS template_snapshots (
  replica TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  written_at TIMESTAMPTZ NOT NULL
);
`;

/** Replicas starting together would race CREATE TABLE IF NOT EXISTS: one creates while the others wait on this lock. */
const SCHEMA_LOCK = 0x6c6f6774; // "logt"

/**
 * A replica that has not published for this long is gone (a pod replaced in
 * a rollout, a scaled-down replica): its row is neither read nor kept. A
 * live replica touches its row every round, changed or not.
 */
export const STALE_AFTER_SECONDS = 86_400;

/**
 * Snapshots exchanged through a PostgreSQL table (GATEWAY_TEMPLATE_PEER_STORE_URL),
 * for clusters without a ReadWriteMany volume: one row per replica, named by
 * GATEWAY_TEMPLATE_REPLICA_NAME (a pod's hostname by default). A round sends
 * the snapshot only when it changed (a touch of its time otherwise), reads
 * the digests of the others and fetches only the snapshots whose digest
 * moved, and drops rows of replicas gone for STALE_AFTER_SECONDS.
 */
export class PostgresPeerSnapshots implements PeerSnapshots {
  private readonly pool: Pool;
  private ready: Promise<void> | undefined;
  private published: string | undefined;
  /** Replica -> sha256 of its snapshot last handed over. */
  private readonly read = new Map<string, string>();
  private failing = false;

  constructor(
    url: string,
    private readonly replica: string,
    private readonly log: Logger,
  ) {
    // One connection is plenty for a round a minute; errors of idle connections (a server restart) must not crash the gateway.
    this.pool = new Pool({ connectionString: url, max: 1 });
    this.pool.on('error', () => undefined);
  }

  async publish(text: string): Promise<void> {
    await this.guard(async () => {
      await this.schema();
      const digest = sha256(text);
      if (digest === this.published) {
        const touched = await this.pool.query('UPDATE template_snapshots SET written_at = now() WHERE replica = $1', [this.replica]);
        if (touched.rowCount === 1) return;
      }
      await this.pool.query(
        `INSERT INTO template_snapshots (replica, sha256, snapshot, written_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (replica) DO UPDATE SET sha256 = EXCLUDED.sha256, snapshot = EXCLUDED.snapshot, written_at = EXCLUDED.written_at`,
        [this.replica, digest, text],
      );
      this.published = digest;
    });
  }

  async changed(): Promise<PeerSnapshot[]> {
    const changed: PeerSnapshot[] = [];
    await this.guard(async () => {
      await this.schema();
      await this.pool.query(`DELETE FROM template_snapshots WHERE written_at < now() - make_interval(secs => $1)`, [STALE_AFTER_SECONDS]);
      const peers = await this.pool.query<{ replica: string; sha256: string }>('SELECT replica, sha256 FROM template_snapshots WHERE replica <> $1 ORDER BY replica', [this.replica]);
      for (const { replica, sha256: digest } of peers.rows) {
        if (this.read.get(replica) === digest) continue;
        const row = await this.pool.query<{ snapshot: string; sha256: string }>('SELECT snapshot, sha256 FROM template_snapshots WHERE replica = $1', [replica]);
        if (row.rows.length === 0) continue;
        this.read.set(replica, row.rows[0].sha256);
        changed.push({ peer: replica, text: row.rows[0].snapshot });
      }
    });
    return changed;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private schema(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
        client.release();
      }
    })().catch((err: unknown) => {
      this.ready = undefined; // tried again next round
      throw err;
    });
    return this.ready;
  }

  /** Runs one step of a round; a failure is logged once until a step succeeds again. */
  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
      if (this.failing) this.log.info({ replica: this.replica }, 'template peer store reachable again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.log.warn({ replica: this.replica, error: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'cannot reach the template peer store: templates stay this replica\'s (logged once until it can)');
      this.failing = true;
    }
  }
}
