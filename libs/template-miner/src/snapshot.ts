import { canOpenAt } from './span-slots';
import { tokenise } from './tokens';

export const SNAPSHOT_FORMAT = 'logclass-template-miner';
export const SNAPSHOT_VERSION = 2;
/** Versions restore() reads: 1 is 2 without spans (span-slots.ts). */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** A miner's state as plain JSON: what TemplateMiner.snapshot() writes and restore() reads. */
export interface MinerSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1 | typeof SNAPSHOT_VERSION;
  /** MASK_VERSION of the masking the templates were made with. */
  maskVersion: number;
  /** sha256 of the extra mask rules' file (of '' without rules). */
  maskRulesSha256: string;
  /** Least recently seen first, so a restored miner evicts in the same order. */
  templates: {
    template: string;
    count: number;
    seen: [number, string[]][];
    /** Of a template whose last token is a variable-length slot (span-slots.ts): that token's position. */
    span?: number;
  }[];
  /** [old id, current id], oldest first. */
  aliases: [string, string][];
  /** Written by miners that routed lines by a key word; read and ignored (templates are now found by their wording). */
  variablePositions?: [number, number[]][];
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`template miner snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

/** Checks a parsed snapshot's shape and that it was made the way this miner makes templates. */
export function checkSnapshot(value: unknown, expected: { maskVersion: number; maskRulesSha256: string }): MinerSnapshot {
  const s = value as Partial<MinerSnapshot> | null;
  if (typeof s !== 'object' || s === null || s.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`not a ${SNAPSHOT_FORMAT} snapshot`);
  if (!READABLE_VERSIONS.includes(s.version)) throw new SnapshotError(`version ${String(s.version)} is not supported (${SNAPSHOT_VERSION})`);
  if (s.maskVersion !== expected.maskVersion) throw new SnapshotError(`made with mask version ${String(s.maskVersion)}, this process masks with ${expected.maskVersion}`);
  if (s.maskRulesSha256 !== expected.maskRulesSha256) throw new SnapshotError('made with other mask rules');
  if (!Array.isArray(s.templates) || !Array.isArray(s.aliases)) throw new SnapshotError('templates and aliases must be lists');
  for (const t of s.templates) {
    const ok =
      typeof t?.template === 'string' &&
      Number.isInteger(t.count) &&
      t.count > 0 &&
      Array.isArray(t.seen) &&
      t.seen.every((e) => Array.isArray(e) && Number.isInteger(e[0]) && Array.isArray(e[1]) && e[1].every((v) => typeof v === 'string')) &&
      (t.span === undefined || canOpenAt(tokenise(t.template), t.span));
    if (!ok) throw new SnapshotError(`bad template entry ${JSON.stringify(t)?.slice(0, 120)}`);
    const tokens = tokenise(t.template).length;
    if (t.seen.some(([i]) => i < 0 || i >= tokens)) throw new SnapshotError(`seen positions of ${JSON.stringify(t.template.slice(0, 80))} are outside its tokens`);
  }
  for (const a of s.aliases) {
    if (!Array.isArray(a) || a.length !== 2 || typeof a[0] !== 'string' || typeof a[1] !== 'string') throw new SnapshotError(`bad alias entry ${JSON.stringify(a)?.slice(0, 120)}`);
  }
  return s as MinerSnapshot;
}
