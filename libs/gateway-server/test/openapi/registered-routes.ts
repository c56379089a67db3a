import type { FastifyInstance } from 'fastify';

/**
 * Every route of a ready Fastify app as "METHOD /path/{param}" (OpenAPI's
 * spelling), read from printRoutes' tree, where each line is a path segment
 * below its parent's and carries the methods served there. HEAD, which
 * Fastify adds beside every GET, is left out.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const segments: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    segments.length = depth;
    segments.push(match[2]);
    const path = segments.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}
