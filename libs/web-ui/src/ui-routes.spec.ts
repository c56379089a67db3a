import Fastify, { type FastifyInstance } from 'fastify';
import { LogclassError } from '@logclass/classifier';
import { registerWebUi } from './ui-routes';

describe('registerWebUi', () => {
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    app = Fastify();
    // The gateway's error handling, reduced to what these routes throw.
    app.setErrorHandler((err, _request, reply) => reply.code(err instanceof LogclassError && err.code === 'NOT_FOUND' ? 404 : 500).send({ error: (err as LogclassError).code }));
    registerWebUi(app);
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(() => app.close());

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/docs', 'text/html; charset=utf-8'],
    ['/docs/assets/page.js', 'text/javascript; charset=utf-8'],
    ['/docs/assets/app.css', 'text/css; charset=utf-8'],
    ['/docs/assets/favicon.svg', 'image/svg+xml'],
    ['/docs/assets/swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ])('GET %s: %s, with a policy that lets no foreign or inline script run', async (path, contentType) => {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('answers 304 to the ETag it sent, and the file again to another', async () => {
    const first = await fetch(`${url}/docs/assets/page.js`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${url}/docs/assets/page.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${url}/docs/assets/page.js`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('serves no file outside its list: the name is looked up, never joined to a path', async () => {
    for (const file of ['index.html', 'tsconfig.json', '..%2Fui-routes.ts', 'nope.js']) {
      const res = await fetch(`${url}/docs/assets/${file}`);
      expect([file, res.status, await res.json()]).toEqual([file, 404, { error: 'NOT_FOUND' }]);
    }
  });
});
