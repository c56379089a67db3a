import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_FILE } from './artifact';

/**
 * Versioned model folders. A model root such as `models/hashing-lr` holds:
 *
 *   model.json, weights.f32      the base version (what was shipped or first trained): id "base"
 *   versions/v1/, versions/v2/   later versions (retrained with corrections...)
 *   current                      one line naming the version in service ("v2"); absent = "base"
 *
 * `current` is replaced atomically (write a temporary file, rename it over),
 * so a reader never sees a half-written pointer, and a service watching it
 * switches models without a restart.
 */
export const BASE_VERSION = 'base';
export const CURRENT_POINTER_FILE = 'current';
export const VERSIONS_DIR = 'versions';

const VERSION_PATTERN = /^v(\d+)$/;

export interface ModelVersion {
  /** "base" or "v<n>". */
  id: string;
  /** Folder holding model.json + weights.f32. */
  dir: string;
}

export function versionDir(root: string, id: string): string {
  if (id === BASE_VERSION) return root;
  if (!VERSION_PATTERN.test(id)) throw new Error(`model version "${id}" is not "${BASE_VERSION}" or v<n> (e.g. v2)`);
  return join(root, VERSIONS_DIR, id);
}

/** The version the pointer names (or "base" without a pointer). */
export function currentVersion(root: string): ModelVersion {
  const pointer = join(root, CURRENT_POINTER_FILE);
  const id = existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : BASE_VERSION;
  return { id, dir: versionDir(root, id || BASE_VERSION) };
}

/** Every version present under the root, base first, then by number. */
export function listVersions(root: string): ModelVersion[] {
  const out: ModelVersion[] = [];
  if (existsSync(join(root, METADATA_FILE))) out.push({ id: BASE_VERSION, dir: root });
  const versionsDir = join(root, VERSIONS_DIR);
  const numbered = existsSync(versionsDir)
    ? readdirSync(versionsDir)
        .filter((name) => VERSION_PATTERN.test(name) && existsSync(join(versionsDir, name, METADATA_FILE)))
        .sort((a, b) => versionNumber(a) - versionNumber(b))
    : [];
  for (const id of numbered) out.push({ id, dir: join(versionsDir, id) });
  return out;
}

/** The folder the next trained version goes to: v(highest + 1), never reusing a number. */
export function nextVersion(root: string): ModelVersion {
  const versionsDir = join(root, VERSIONS_DIR);
  const taken = existsSync(versionsDir) ? readdirSync(versionsDir).filter((n) => VERSION_PATTERN.test(n)).map(versionNumber) : [];
  const id = `v${Math.max(0, ...taken) + 1}`;
  return { id, dir: join(versionsDir, id) };
}

/** Points `current` at `id` atomically. The caller validates the version first (see promote in training). */
export function writeCurrentPointer(root: string, id: string): void {
  versionDir(root, id); // rejects a malformed id
  const pointer = join(root, CURRENT_POINTER_FILE);
  const temporary = `${pointer}.${process.pid}.tmp`;
  writeFileSync(temporary, `${id}\n`);
  renameSync(temporary, pointer);
}

function versionNumber(id: string): number {
  return Number((VERSION_PATTERN.exec(id) as RegExpExecArray)[1]);
}
