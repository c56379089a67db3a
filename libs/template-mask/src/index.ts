export { maskTemplate, PLACEHOLDERS } from './mask-template';
export { templateId } from './template-id';
