import type { Operation, Ref, Response } from '@logclass/openapi-types';

/** An operation as the web page describes it; the server that mounts the page says who may call (`security`). */
export type WebUiOperation = Omit<Operation, 'security'>;

const htmlPage = (operationId: string, summary: string): WebUiOperation => ({
  operationId,
  tags: ['web'],
  summary,
  responses: { '200': { description: 'HTML page.', content: { 'text/html': { schema: { type: 'string' } } } } },
});

/**
 * The OpenAPI description of what registerWebUi serves (every route a GET),
 * by path. `notFound` is the server's error answer for an unknown file: the
 * page throws NOT_FOUND and the server's error handling words it.
 */
export function webUiOperations(notFound: Response | Ref): Record<string, WebUiOperation> {
  return {
    '/': htmlPage('webPage', 'Web page: upload a CSV, watch progress, see a summary, download the labelled CSV; review what the LLM decided (#review)'),
    '/docs': htmlPage('apiDocs', 'Interactive API documentation (this page)'),
    '/docs/assets/{file}': {
      operationId: 'webAsset',
      tags: ['web'],
      summary: 'Static files of the web page and docs (scripts, styles, Swagger UI)',
      parameters: [{ name: 'file', in: 'path', required: true, description: 'File name, e.g. app.css.', schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The file.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        '404': notFound,
      },
    },
  };
}
