import type { FastifyInstance } from 'fastify';
import { OPENAPI_DOCUMENT } from './openapi-document';

/** GET /openapi.json: the REST API's description, read by /docs and by client generators. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  const body = JSON.stringify(OPENAPI_DOCUMENT);
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(body));
}
