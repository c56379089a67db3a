// Starts Swagger UI on /openapi.json. A file of its own, not an inline
// script, so the page's Content-Security-Policy can forbid inline scripts.
// validatorUrl null: Swagger UI would otherwise send the document to an
// outside validator service.
/* global SwaggerUIBundle */
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
  displayRequestDuration: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
