import type { OpenApiDocument } from '@logclass/openapi-types';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import { webUiOperations } from '@logclass/web-ui';
import { CSV_ROUTE_PARAMETERS, CSV_ROUTE_PATHS } from '../csv-openapi';
import { FEEDBACK_ROUTE_PATHS, FEEDBACK_ROUTE_SCHEMAS } from '../feedback-openapi';
import { HEALTH_ROUTE_PATHS, HEALTH_ROUTE_SCHEMAS } from '../health-openapi';
import { JSON_ROUTE_PATHS, JSON_ROUTE_SCHEMAS } from '../json-openapi';
import { METRICS_ROUTE_PATHS } from '../metrics-openapi';
import { REVIEW_ROUTE_PATHS, REVIEW_ROUTE_SCHEMAS } from '../review-openapi';
import { columnsParameter, ERROR_RESPONSES, ERROR_SCHEMA, errorResponse, gated, SECURITY_SCHEMES } from './openapi-shared';

/**
 * The gateway's REST API as OpenAPI 3.0, served at GET /openapi.json and
 * rendered by Swagger UI at GET /docs: each route's operations as written
 * next to it (`../*-openapi.ts`, libs/web-ui for the page), put together
 * here. test/openapi/openapi.spec.ts checks it is valid and that it names
 * exactly the routes the gateway registers.
 */
export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'logclass gateway',
    version: '1',
    description:
      'Hybrid log classification. Send log records (`source`, `log_message`) and get back one label of the taxonomy, ' +
      'decided by the cheapest tier that can (regex, then embedding + logistic regression, then an LLM). Whatever no ' +
      `tier decides comes back \`${UNCLASSIFIED}\` with the reason. Errors are JSON \`{"error": CODE, "message": text}\`.`,
  },
  tags: [
    { name: 'classification', description: 'Label log records.' },
    { name: 'feedback', description: 'Corrections that the next training run learns from.' },
    { name: 'review', description: "What the LLM tier decided per template (its template-label store): list, confirm, correct, delete." },
    { name: 'health', description: 'Probes for load balancers and orchestrators.' },
    { name: 'web', description: 'The web page, these docs and their static files.' },
  ],
  paths: {
    ...CSV_ROUTE_PATHS,
    ...JSON_ROUTE_PATHS,
    ...FEEDBACK_ROUTE_PATHS,
    ...REVIEW_ROUTE_PATHS,
    ...HEALTH_ROUTE_PATHS,
    ...METRICS_ROUTE_PATHS,
    // This document's own route (openapi-route.ts).
    '/openapi.json': {
      get: gated({
        operationId: 'openapi',
        tags: ['web'],
        summary: 'This API description (OpenAPI 3.0)',
        responses: { '200': { description: 'The document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      }),
    },
    ...Object.fromEntries(
      Object.entries(webUiOperations(errorResponse('No such file.', { error: 'NOT_FOUND', message: 'no file x.js' }))).map(([path, get]) => [
        path,
        { get: gated(get) },
      ]),
    ),
  },
  components: {
    parameters: { columns: columnsParameter, ...CSV_ROUTE_PARAMETERS },
    securitySchemes: SECURITY_SCHEMES,
    schemas: { Error: ERROR_SCHEMA, ...JSON_ROUTE_SCHEMAS, ...FEEDBACK_ROUTE_SCHEMAS, ...REVIEW_ROUTE_SCHEMAS, ...HEALTH_ROUTE_SCHEMAS },
    responses: ERROR_RESPONSES,
  },
};
