export { embedSparse, type Embedder } from './embedder';
export { HashingEmbedder, type HashingOptions } from './hashing-embedder';
export {
  TransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
  missingModelFiles,
  meanPoolNormalised,
  loadTransformers,
  type TransformersEmbedderOptions,
} from './transformers-embedder';
export { createEmbedder, embedderSpecFromId, type EmbedderSpec } from './create-embedder';
export { maskLogText, logTokens, LOG_TEXT_MASK_VERSION } from './log-text';
export { toDense, toSparse, type SparseVector } from './sparse-vector';
export {
  trainLogisticRegression,
  trainLogisticRegressionSparse,
  LogisticRegressionModel,
  argmax,
  type LogisticRegressionOptions,
  type LogisticRegressionFit,
} from './logistic-regression';
export { memoryKeyOf, TEMPLATE_MEMORY_REASON, type TemplateMemory } from './template-memory';
export { saveArtifact, loadArtifact, readArtifactMetadata, ARTIFACT_FORMAT_VERSION, type ModelArtifact } from './artifact';
export { EmbeddingClassifier, EMBEDDING_TIER, DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_MAX_TEMPLATES_PER_RUN, type EmbeddingClassifierOptions } from './embedding-classifier';
export { loadEmbeddingClassifier, type EmbeddingTierOptions } from './load-classifier';
export { trainArtifact, type LabelledText, type TrainArtifactOptions } from './train-artifact';
export { BASE_VERSION, CURRENT_POINTER_FILE, VERSIONS_DIR, currentVersion, listVersions, nextVersion, versionDir, writeCurrentPointer, type ModelVersion } from './model-versions';
export { ReloadableEmbeddingClassifier, type ReloadOutcome, type ReloadableOptions } from './reloadable-classifier';
export { loadReloadableEmbeddingClassifier } from './load-reloadable';
export { embeddingTierSettings, embeddingTierConfig, DEFAULT_MODEL_DIR, type EmbeddingTierSettings } from './embedding-settings';
export { buildEmbeddingClassifier, buildReloadableEmbeddingClassifier, type EmbeddingBuildOptions } from './build-embedding-classifier';
export { resolveShippedPath } from './shipped-path';
