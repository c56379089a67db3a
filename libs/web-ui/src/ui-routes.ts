import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LogclassError } from '@logclass/classifier';
import { loadWebAssets, type WebAsset } from './web-assets';

/**
 * Log lines shown by the page are attacker-controlled. The page only ever
 * sets textContent, and this policy is the second line of defence: no inline
 * or foreign script runs, nothing loads from another origin. Swagger UI sets
 * inline styles, hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: WebAsset): FastifyReply {
  reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    // Revalidate every time: after an upgrade the page and its scripts must match.
    .header('cache-control', 'no-cache')
    .header('etag', asset.etag);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type(asset.contentType).send(asset.body);
}

/**
 * GET /: the upload page. GET /docs: Swagger UI over /openapi.json.
 * GET /docs/assets/:file: their scripts and styles, from a fixed list read at
 * start-up (a file name is looked up, never joined to a path).
 */
export function registerWebUi(app: FastifyInstance): void {
  const assets = loadWebAssets();
  app.get('/', async (request, reply) => sendAsset(request, reply, assets.page));
  app.get('/docs', async (request, reply) => sendAsset(request, reply, assets.docs));
  app.get<{ Params: { file: string } }>('/docs/assets/:file', async (request, reply) => {
    const asset = assets.files.get(request.params.file);
    if (!asset) throw new LogclassError('NOT_FOUND', `no file ${request.params.file} in /docs/assets`);
    return sendAsset(request, reply, asset);
  });
}
