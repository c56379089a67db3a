/**
 * The slice of @xenova/transformers 2.17.2 this lib uses, typed by hand: the
 * package is ESM-only and loaded through esmImport, so its own types are not
 * visible to the CommonJS build.
 */
export interface TransformersTensor {
  readonly data: Float32Array | BigInt64Array;
  readonly dims: number[];
}

export interface TransformersTokenizer {
  encode(text: string): number[];
  readonly pad_token_id: number;
  readonly model_max_length: number;
}

export interface TransformersModel {
  (inputs: Record<string, TransformersTensor>): Promise<Record<string, TransformersTensor>>;
  readonly config: { hidden_size?: number; model_type?: string };
  readonly session: { inputNames: string[] };
  dispose(): Promise<void>;
}

interface PretrainedOptions {
  quantized?: boolean;
  local_files_only?: boolean;
}

export interface TransformersModule {
  env: {
    allowRemoteModels: boolean;
    allowLocalModels: boolean;
    localModelPath: string;
    useFSCache: boolean;
    cacheDir: string;
  };
  AutoTokenizer: { from_pretrained(id: string, opts?: PretrainedOptions): Promise<TransformersTokenizer> };
  AutoModel: { from_pretrained(id: string, opts?: PretrainedOptions): Promise<TransformersModel> };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => TransformersTensor;
  pipeline(
    task: 'feature-extraction',
    model: string,
    opts?: PretrainedOptions,
  ): Promise<((texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<TransformersTensor>) & { dispose(): Promise<void> }>;
}
