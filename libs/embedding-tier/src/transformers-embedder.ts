import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder } from './embedder';
import { esmImport } from './esm-import';
import { LOG_TEXT_MASK_VERSION, LogTextMasker } from './log-text';
import type { TransformersModel, TransformersModule, TransformersTensor, TransformersTokenizer } from './transformers-api';

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/all-MiniLM-L6-v2';

export interface TransformersEmbedderOptions {
  /** Folder under `modelsPath` (a Hugging Face id), default Xenova/all-MiniLM-L6-v2. */
  model?: string;
  /** Root of local models (`env.localModelPath`), e.g. the repo's `models/`. */
  modelsPath: string;
  /** Allow downloading from huggingface.co into `modelsPath` when the model is missing. Off by default. */
  allowRemoteModels?: boolean;
  /**
   * int8 `onnx/model_quantized.onnx` (default, ~2x faster) or fp32 `onnx/model.onnx`.
   * Dynamic int8 quantisation scales activations per batch, so a message's
   * vector moves by ~1e-3 with its batch-mates (measured on the MiniLM-shaped
   * graph); fp32 vectors do not depend on batching at all.
   */
  quantized?: boolean;
  /** Sentences per model run; they are grouped by token length first (default DEFAULT_TRANSFORMERS_BATCH_SIZE). */
  batchSize?: number;
  /** Replace numbers and ids by placeholders before tokenising (default true), as the hashing embedder does. */
  maskInput?: boolean;
}

/**
 * Sentences per model run by default. On CPU a larger batch buys nothing: a
 * run's attention grows with the batch times its longest sentence squared,
 * and onnxruntime keeps the largest buffers it was ever asked for. Measured
 * on the MiniLM-shaped model, 100,000 CSV rows through the whole system
 * (BENCHMARKS.md): 2 and 4 took 38.5 s with an embedding tier of 482 and
 * 567 MB; 8, 44.6 s / 778 MB; 16, 56.0 s / 1,187 MB; 32, 62.8 s / 2,297 MB;
 * 1, 52.6 s / 417 MB.
 */
export const DEFAULT_TRANSFORMERS_BATCH_SIZE = 4;

export function modelFileName(quantized: boolean): string {
  return quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

/** The files transformers.js reads for a local feature-extraction model. */
export function missingModelFiles(modelsPath: string, model: string, quantized: boolean): string[] {
  const dir = join(modelsPath, model);
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', modelFileName(quantized)].filter((f) => !existsSync(join(dir, f)));
}

/**
 * A sentence-transformer (default all-MiniLM-L6-v2) through @xenova/transformers,
 * from local files only unless remote models are allowed. It does not use the
 * stock pipeline: it tokenises, groups messages of similar token length into
 * batches (less padding to compute), runs the model and mean-pools with the
 * attention mask in typed arrays, which TOOLCHAIN.md measured 2-3x faster.
 * The vectors equal the pipeline's `{pooling: 'mean', normalize: true}` output.
 */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;

  private readonly masker = new LogTextMasker();

  private constructor(
    private readonly tf: TransformersModule,
    private readonly tokenizer: TransformersTokenizer,
    private readonly model: TransformersModel,
    private readonly opts: Required<Omit<TransformersEmbedderOptions, 'allowRemoteModels'>>,
  ) {
    const hidden = model.config.hidden_size;
    if (!hidden) throw new Error(`embedding model ${opts.model}: config.json has no hidden_size`);
    this.dimension = hidden;
    this.id = `transformers:${opts.model}:${opts.quantized ? 'q8' : 'fp32'}:mean-l2:${opts.maskInput ? LOG_TEXT_MASK_VERSION : 'raw'}`;
  }

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const opts = {
      model: options.model ?? DEFAULT_TRANSFORMERS_MODEL,
      modelsPath: options.modelsPath,
      quantized: options.quantized ?? true,
      batchSize: options.batchSize ?? DEFAULT_TRANSFORMERS_BATCH_SIZE,
      maskInput: options.maskInput ?? true,
    };
    const allowRemote = options.allowRemoteModels ?? false;
    const missing = missingModelFiles(opts.modelsPath, opts.model, opts.quantized);
    if (missing.length > 0 && !allowRemote) {
      throw new Error(
        `embedding model ${opts.model} is not in ${join(opts.modelsPath, opts.model)} (missing ${missing.join(', ')}). ` +
          'Fetch it once with `npm run models:fetch` on a machine that reaches huggingface.co, or mount a folder holding it ' +
          '(EMBEDDING_MODELS_PATH), or allow downloads with EMBEDDING_ALLOW_REMOTE_MODELS=true.',
      );
    }
    const tf = await loadTransformers(opts.modelsPath, allowRemote);
    const pretrained = { quantized: opts.quantized, local_files_only: !allowRemote };
    const tokenizer = await tf.AutoTokenizer.from_pretrained(opts.model, pretrained);
    const model = await tf.AutoModel.from_pretrained(opts.model, pretrained);
    return new TransformersEmbedder(tf, tokenizer, model, opts);
  }

  templateOf(text: string): string {
    return this.opts.maskInput ? this.masker.mask(text) : text;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const maxLength = this.tokenizer.model_max_length;
    // transformers.js truncates by cutting at max length; do the same so vectors match the pipeline.
    const ids = texts.map((t) => this.tokenizer.encode(this.templateOf(t)).slice(0, maxLength));
    const order = ids.map((_, i) => i).sort((a, b) => ids[a].length - ids[b].length || a - b);
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += this.opts.batchSize) {
      // onnxruntime-node 1.14 runs the model on the main thread: let the event
      // loop breathe between model runs, or a long batch starves gRPC (keepalive
      // pings go unanswered and peers drop the connection) and health checks.
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = order.slice(start, start + this.opts.batchSize);
      const vectors = await this.embedBatch(batch.map((i) => ids[i]));
      batch.forEach((i, b) => (out[i] = vectors[b]));
    }
    return out;
  }

  async close(): Promise<void> {
    await this.model.dispose();
  }

  private async embedBatch(batch: number[][]): Promise<Float32Array[]> {
    const rows = batch.length;
    const seq = Math.max(...batch.map((r) => r.length));
    const inputIds = new BigInt64Array(rows * seq).fill(BigInt(this.tokenizer.pad_token_id));
    const mask = new BigInt64Array(rows * seq);
    batch.forEach((tokens, r) => {
      tokens.forEach((id, t) => {
        inputIds[r * seq + t] = BigInt(id);
        mask[r * seq + t] = 1n;
      });
    });
    const feeds: Record<string, TransformersTensor> = {
      input_ids: new this.tf.Tensor('int64', inputIds, [rows, seq]),
      attention_mask: new this.tf.Tensor('int64', mask, [rows, seq]),
    };
    if (this.model.session.inputNames.includes('token_type_ids')) {
      feeds.token_type_ids = new this.tf.Tensor('int64', new BigInt64Array(rows * seq), [rows, seq]);
    }
    const hidden = (await this.model(feeds)).last_hidden_state;
    if (!hidden) throw new Error(`embedding model ${this.opts.model} has no last_hidden_state output`);
    return meanPoolNormalised(hidden.data as Float32Array, batch.map((r) => r.length), seq, this.dimension);
  }
}

/**
 * Mean of each row's first `lengths[r]` token vectors (the unpadded ones, as
 * the attention mask says), L2-normalised. `hidden` is [rows, seq, dim].
 */
export function meanPoolNormalised(hidden: Float32Array, lengths: readonly number[], seq: number, dim: number): Float32Array[] {
  return lengths.map((length, r) => {
    const sum = new Float64Array(dim);
    for (let t = 0; t < length; t++) {
      const base = (r * seq + t) * dim;
      for (let d = 0; d < dim; d++) sum[d] += hidden[base + d];
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += sum[d] * sum[d];
    // The mean's 1/length cancels in the normalisation.
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return Float32Array.from(sum, (v) => v * scale);
  });
}

/**
 * Loads transformers.js configured for local models. Its `env` is global to
 * the process: the last loader's settings win, so one process should use one
 * models folder.
 */
export async function loadTransformers(modelsPath: string, allowRemoteModels: boolean): Promise<TransformersModule> {
  const tf = await esmImport<TransformersModule>('@xenova/transformers');
  tf.env.allowLocalModels = true;
  tf.env.localModelPath = modelsPath.endsWith('/') ? modelsPath : `${modelsPath}/`;
  tf.env.allowRemoteModels = allowRemoteModels;
  // Downloads (only when allowed) are cached in the same layout as local models, so they land in modelsPath.
  tf.env.useFSCache = allowRemoteModels;
  tf.env.cacheDir = modelsPath;
  return tf;
}
