export {
  OPERATOR,
  NO_PROVENANCE,
  LIST_SORTS,
  MAX_LIST_LIMIT,
  type TemplateKey,
  type Currency,
  type TemplateLabelEntry,
  type Provenance,
  type LlmDecision,
  type OperatorDecision,
  type RowsAnswered,
  type ListSort,
  type ListQuery,
  type ListPage,
  type TemplateLabelStore,
} from './template-label-store';
export { taxonomyHash } from './taxonomy-hash';
export { templateKeyOf } from './template-key';
export { SqliteTemplateStore } from './sqlite-store';
export { PostgresTemplateStore } from './postgres-store';
export { openTemplateStore, STORE_BACKENDS, DEFAULT_STORE_FILE, type StoreBackend, type StoreSettings } from './open-store';
