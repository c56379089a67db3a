import { defineServiceConfig, setting, type ConfigOf } from '@logclass/service-config';
import { DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_MAX_TEMPLATES_PER_RUN } from './embedding-classifier';
import { DEFAULT_TRANSFORMERS_BATCH_SIZE, DEFAULT_TRANSFORMERS_MODEL } from './transformers-embedder';

/** The shipped model folder, relative to the repo (or /app in containers). */
export const DEFAULT_MODEL_DIR = 'models/hashing-lr';

/**
 * The embedding tier's own settings (EMBEDDING_*), without the server's: the
 * embedding service spreads them next to serverSettings('EMBEDDING', ...),
 * and whoever runs the tier in process reads the same variables with the same
 * defaults through embeddingTierConfig.
 */
export function embeddingTierSettings() {
  return {
    modelDir: setting.string(
      'EMBEDDING_MODEL_DIR',
      DEFAULT_MODEL_DIR,
      'Trained model folder (model.json + weights.f32). Relative paths are tried from the working directory, then upwards from the service bundle (the repo).',
    ),
    embedder: setting.oneOf(
      'EMBEDDING_EMBEDDER',
      ['artifact', 'hashing', 'transformers'] as const,
      'artifact',
      'Embedder to run; "artifact" rebuilds the one the model was trained with. A model trained with another embedder is refused at start-up.',
    ),
    transformersModel: setting.string('EMBEDDING_TRANSFORMERS_MODEL', DEFAULT_TRANSFORMERS_MODEL, 'Sentence-transformer model folder under EMBEDDING_MODELS_PATH (embedder "transformers").'),
    transformersQuantized: setting.boolean('EMBEDDING_TRANSFORMERS_QUANTIZED', true, 'Run onnx/model_quantized.onnx (int8, ~2x faster) rather than onnx/model.onnx (fp32).'),
    transformersBatchSize: setting.int(
      'EMBEDDING_TRANSFORMERS_BATCH_SIZE',
      DEFAULT_TRANSFORMERS_BATCH_SIZE,
      "Messages per model run; messages are grouped by token length first. Small is faster and lighter on CPU (MiniLM-shaped model: 4 took 38.6 s and 567 MB for 100k CSV rows where 32 took 62.8 s and 2.3 GB; BENCHMARKS.md).",
      { min: 1, max: 1024 },
    ),
    modelsPath: setting.string('EMBEDDING_MODELS_PATH', 'models', 'Root folder of local transformer models (fetch with `npm run models:fetch`; mount at /app/models in containers).'),
    allowRemoteModels: setting.boolean('EMBEDDING_ALLOW_REMOTE_MODELS', false, 'Let @xenova/transformers download a missing model from huggingface.co into EMBEDDING_MODELS_PATH.'),
    threshold: setting.custom<number | undefined>(
      'EMBEDDING_THRESHOLD',
      '',
      "Below this top probability the tier abstains; empty = the model's own threshold.",
      (raw) => {
        if (raw.trim() === '') return undefined;
        const value = Number(raw);
        if (!(value >= 0 && value <= 1)) throw new Error('expected a number between 0 and 1');
        return value;
      },
    ),
    cacheSize: setting.int('EMBEDDING_CACHE_SIZE', 100_000, 'Distinct message templates whose decision is cached (0 = no cache).', { min: 0, max: 10_000_000 }),
    cacheTtlMs: setting.int('EMBEDDING_CACHE_TTL_MS', 3_600_000, 'How long a cached decision lives, in ms (0 = until evicted).', { min: 0 }),
    maxMessageChars: setting.int('EMBEDDING_MAX_MESSAGE_CHARS', DEFAULT_MAX_MESSAGE_CHARS, 'Only this many leading characters of a message are embedded, bounding time and memory on huge lines (the row is returned whole).', { min: 64, max: 10_000_000 }),
    maxTemplatesPerRun: setting.int(
      'EMBEDDING_MAX_TEMPLATES_PER_RUN',
      DEFAULT_MAX_TEMPLATES_PER_RUN,
      "First-seen message templates one model run embeds; more wait for further runs. Bounds the tier's memory whatever batch size callers send.",
      { min: 1, max: 100_000 },
    ),
  };
}

export type EmbeddingTierSettings = ConfigOf<ReturnType<typeof embeddingTierSettings>>;

/** The tier's settings alone, for running it in process: `embeddingTierConfig.load(env)`. */
export const embeddingTierConfig = defineServiceConfig('embedding', embeddingTierSettings());
