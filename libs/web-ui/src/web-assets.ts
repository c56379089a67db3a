import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** A file of the web page or the docs, read once at start-up (they are small and never change while running). */
export interface WebAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The Swagger UI files /docs needs, served from the installed swagger-ui-dist package (never a CDN). */
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'];

/**
 * Where the page's own files are: next to the bundled gateway
 * (`dist/apps/gateway/web-ui/`, copied there by the build's `assets`) or,
 * running from source (tests, tsx), `libs/web-ui/src/assets/`.
 */
export function webAssetsDir(): string {
  const bundled = join(__dirname, 'web-ui');
  const source = join(__dirname, 'assets');
  return [bundled, source].find((d) => existsSync(join(d, 'index.html'))) ?? source;
}

function readAsset(path: string): WebAsset {
  const body = readFileSync(path);
  const contentType = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
  return { body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

export interface WebAssets {
  /** The upload page (GET /). */
  page: WebAsset;
  /** The Swagger UI page (GET /docs). */
  docs: WebAsset;
  /** Scripts, styles and images by file name (GET /docs/assets/:file); nothing else is served. */
  files: ReadonlyMap<string, WebAsset>;
}

/** Reads every file once, so a missing one stops start-up instead of breaking the page later. */
export function loadWebAssets(dir = webAssetsDir()): WebAssets {
  const files = new Map<string, WebAsset>();
  for (const name of readdirSync(dir)) {
    const ext = extname(name);
    if (ext !== '.html' && ext in CONTENT_TYPES) files.set(name, readAsset(join(dir, name)));
  }
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  for (const name of SWAGGER_UI_FILES) files.set(name, readAsset(join(swaggerDir, name)));
  return { page: readAsset(join(dir, 'index.html')), docs: readAsset(join(dir, 'docs.html')), files };
}
