import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceMetrics } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { buildHttpApi, type HttpApi } from '../../src';
import { feedbackRouteOptions } from '../../src/http/feedback-route';
import { reviewRouteOptions } from '../../src/http/review-route';
import { OPENAPI_DOCUMENT } from '../../src/http/openapi/openapi-document';
import { smallHttpApiOptions } from '../gateway-fixture';
import { registeredRoutes } from './registered-routes';
import { validateOpenApi } from './validate-openapi';

describe('GET /openapi.json', () => {
  let http: HttpApi;
  let url: string;

  beforeAll(async () => {
    // Every optional part on (metrics, feedback), so every route the gateway can serve is registered.
    http = await buildHttpApi(
      smallHttpApiOptions(new MarkerTier('regex'), {
        metrics: new ServiceMetrics('gateway'),
        // Never written to: no request here posts feedback.
        feedback: feedbackRouteOptions({ feedbackFile: join(tmpdir(), 'logclass-openapi-spec-corrections.csv'), maxFeedbackBytes: 1024, maxFeedbackRecords: 10 }),
        // Never opened: no request here reviews.
        review: reviewRouteOptions({ reviewStore: 'none', reviewStoreFile: 'unused', feedbackFile: 'unused', maxFeedbackBytes: 1024 }),
      }),
    );
    url = await http.app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(() => http.app.close());

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${url}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
  });

  it('is a valid OpenAPI 3.0 document', () => {
    const result = validateOpenApi(OPENAPI_DOCUMENT);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ valid: true, version: '3.0' });
  });

  it('documents exactly the routes the gateway registers', () => {
    const documented = Object.entries(OPENAPI_DOCUMENT.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(registeredRoutes(http.app)).toEqual(documented);
  });

  it('gives every error response the {error, message} body', () => {
    const refs = Object.values(OPENAPI_DOCUMENT.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => Object.entries(op.responses).filter(([status]) => Number(status) >= 400 && Number(status) !== 503)),
    );
    for (const [, response] of refs) {
      const resolved = '$ref' in response ? OPENAPI_DOCUMENT.components?.responses?.[response.$ref.split('/').pop() ?? ''] : response;
      expect(resolved?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });
});
