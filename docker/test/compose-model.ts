import { join } from 'node:path';
import { ROOT, readYamlDocuments, type YamlObject } from './repo';

export interface ComposeService {
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  depends_on?: Record<string, { condition: string }> | string[];
  build?: { context: string; dockerfile: string; target?: string };
  volumes?: string[];
}

export interface ComposeFile extends YamlObject {
  services: Record<string, ComposeService>;
}

export function readCompose(): ComposeFile {
  const [doc] = readYamlDocuments(join(ROOT, 'docker', 'compose.yaml'));
  return doc as ComposeFile;
}

/**
 * Compose's variable interpolation for the forms this project uses:
 * `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`. `shell` is the
 * caller's environment (empty in tests: the defaults are what we check).
 */
export function interpolate(text: string, shell: Record<string, string> = {}): string {
  return text.replace(/\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}/g, (match, name: string | undefined, op: string | undefined, fallback = '') => {
    if (match === '$$') return '$';
    const value = shell[name ?? ''];
    if (op === ':-') return value ? value : fallback;
    if (op === '-') return value ?? fallback;
    return value ?? '';
  });
}

/** A service's environment as the container sees it (before the image's own ENV). */
export function serviceEnv(service: ComposeService, shell: Record<string, string> = {}): Record<string, string> {
  const raw = service.environment ?? {};
  const pairs = Array.isArray(raw) ? raw.map((e) => e.split(/=(.*)/s) as [string, string]) : Object.entries(raw);
  return Object.fromEntries(pairs.map(([k, v]) => [k, interpolate(String(v ?? ''), shell)]));
}

/** "8080:8080" / "127.0.0.1:8080:8080/tcp" -> the container port. */
export function containerPort(mapping: string | number): number {
  const parts = String(mapping).split('/')[0].split(':');
  return Number(parts[parts.length - 1]);
}
