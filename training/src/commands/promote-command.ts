import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentVersion, listVersions, versionDir, writeCurrentPointer } from '@logclass/embedding-tier';
import { loadModel } from '../pipeline/load-model';

export interface PromoteOutcome {
  previous: string;
  promoted: string;
  /** The side-by-side comparison written when the version was trained, if any. */
  comparison?: string;
}

/**
 * Puts a version in service: checks that it loads (weights match their hash,
 * the embedder it names can be built), then replaces the `current` pointer
 * atomically. Running embedding services poll the pointer and reload.
 */
export async function promoteVersion(root: string, version: string, modelsPath = 'models'): Promise<PromoteOutcome> {
  const dir = versionDir(root, version);
  if (!existsSync(join(dir, 'model.json'))) {
    const known = listVersions(root).map((v) => v.id);
    throw new Error(`${root} has no version "${version}" (versions: ${known.join(', ') || 'none'})`);
  }
  const model = await loadModel(dir, modelsPath);
  await model.embedder.close?.();
  const previous = currentVersion(root).id;
  writeCurrentPointer(root, version);
  const comparisonFile = join(dir, 'evaluation.txt');
  const text = existsSync(comparisonFile) ? readFileSync(comparisonFile, 'utf8') : '';
  const at = text.indexOf('Old vs new on the same held-out rows');
  return { previous, promoted: version, comparison: at >= 0 ? text.slice(at) : undefined };
}

/** One line per version, the one in service marked. */
export function describeVersions(root: string): string {
  const current = currentVersion(root).id;
  const versions = listVersions(root);
  if (versions.length === 0) return `${root}: no model`;
  return versions
    .map((v) => {
      const meta = JSON.parse(readFileSync(join(v.dir, 'model.json'), 'utf8')) as { createdAt?: string; threshold?: number; trainingData?: { rows?: number } };
      return `${v.id === current ? '*' : ' '} ${v.id.padEnd(5)} ${meta.createdAt ?? ''}  threshold ${meta.threshold?.toFixed(3) ?? '?'}  ${meta.trainingData?.rows ?? '?'} rows  ${v.dir}`;
    })
    .join('\n');
}
