// The browser web page (upload a CSV, watch it classified, download it) and Swagger UI at /docs: its files, its routes and their OpenAPI description.
export { registerWebUi } from './ui-routes';
export { webUiOperations, type WebUiOperation } from './ui-openapi';
