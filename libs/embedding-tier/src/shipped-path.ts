import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Finds a relative path such as `models/hashing-lr`: first from the working
 * directory (`npm start` runs from the repo root; containers set WORKDIR /app
 * and mount /app/models), then from each folder above this file, which finds
 * the repo from a service bundle (`dist/apps/embedding/main.js`) and from
 * this lib's sources (`libs/embedding-tier/src`).
 * Returns the working-directory candidate when none exists, so the error
 * that follows names the path a user expects.
 */
export function resolveShippedPath(path: string, cwd = process.cwd(), from = __dirname): string {
  if (isAbsolute(path)) return path;
  const first = resolve(cwd, path);
  if (existsSync(first)) return first;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, path);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return first;
  }
}
