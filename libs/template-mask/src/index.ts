export { maskTemplate, MASK_VERSION, PLACEHOLDERS } from './mask-template';
export { templateId } from './template-id';
