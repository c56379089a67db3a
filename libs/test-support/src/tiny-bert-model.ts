import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { mulberry32 } from '@logclass/seeded-random';

export interface TinyBertModel {
  /** Folder to use as transformers.js `env.localModelPath`. */
  modelsPath: string;
  /** Model id: the folder under modelsPath. */
  modelId: string;
  /** hidden_size: the length of the embeddings. */
  dimension: number;
}

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = (
  'error warning info failed failure success user login logged in out account created disk memory cpu usage ' +
  'connection timeout refused database backup completed system update file uploaded unauthorized access attack ' +
  'deprecated removed migrate workflow ticket invoice payment the a to of for on from by with is was'
).split(' ');

/**
 * Writes a tiny BERT-shaped model that @xenova/transformers loads offline, in
 * a few milliseconds: an ONNX graph with BERT's inputs (input_ids,
 * attention_mask, token_type_ids) and output last_hidden_state =
 * tanh(word_emb[ids] + type_emb[types] + mask * m), seeded random weights, and
 * a WordPiece tokenizer.json with BERT's normaliser, pre-tokeniser and
 * [CLS] $A [SEP] template. Its vectors mean nothing; it proves the loading,
 * batching and pooling code on a real ONNX runtime. Both onnx/model.onnx and
 * onnx/model_quantized.onnx are written (the same fp32 graph).
 */
export function writeTinyBertModel(modelsPath: string, modelId = 'test/tiny-bert', opts: { hidden?: number; seed?: number } = {}): TinyBertModel {
  const hidden = opts.hidden ?? 16;
  const vocab = buildVocab();
  const dir = join(modelsPath, modelId);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const graph = onnx.ModelProto.encode(buildModel(vocab.length, hidden, opts.seed ?? 1)).finish();
  writeFileSync(join(dir, 'onnx', 'model.onnx'), graph);
  copyFileSync(join(dir, 'onnx', 'model.onnx'), join(dir, 'onnx', 'model_quantized.onnx'));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 64,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      vocab_size: vocab.length,
      hidden_size: hidden,
      num_hidden_layers: 1,
      num_attention_heads: 1,
      max_position_embeddings: 64,
      type_vocab_size: 2,
      pad_token_id: 0,
    }),
  );
  return { modelsPath, modelId, dimension: hidden };
}

function buildVocab(): string[] {
  const vocab = [...SPECIALS];
  const add = (t: string) => {
    if (!vocab.includes(t)) vocab.push(t);
  };
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') {
    add(c);
    add(`##${c}`);
  }
  for (const c of '.,:;!?-_/()[]{}=\'"@#$%&*+<>|~') add(c);
  for (const w of WORDS) add(w);
  return vocab;
}

function tokenizerJson(vocab: string[]) {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((t) => ({ id: ids[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, special('[SEP]')],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

function buildModel(vocabSize: number, hidden: number, seed: number): onnx.IModelProto {
  const rnd = mulberry32(seed);
  const floats = (n: number) => Float32Array.from({ length: n }, () => rnd() * 2 - 1);
  const floatTensor = (name: string, dims: number[]) => ({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(floats(dims.reduce((a, b) => a * b, 1)).buffer),
  });
  const intInput = (name: string) => ({
    name,
    type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
  });
  const node = (opType: string, input: string[], output: string, attribute: onnx.IAttributeProto[] = []) => ({ opType, input, output: [output], name: output, attribute });
  return {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'logclass-test-support',
    graph: {
      name: 'tiny-bert',
      input: [intInput('input_ids'), intInput('attention_mask'), intInput('token_type_ids')],
      initializer: [
        floatTensor('word_embeddings', [vocabSize, hidden]),
        floatTensor('token_type_embeddings', [2, hidden]),
        floatTensor('mask_direction', [hidden]),
        { name: 'axis_2', dims: [1], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(new BigInt64Array([2n]).buffer) },
      ],
      node: [
        node('Gather', ['word_embeddings', 'input_ids'], 'words'),
        node('Gather', ['token_type_embeddings', 'token_type_ids'], 'types'),
        node('Add', ['words', 'types'], 'summed'),
        node('Cast', ['attention_mask'], 'mask_float', [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }]),
        node('Unsqueeze', ['mask_float', 'axis_2'], 'mask_3d'),
        node('Mul', ['mask_3d', 'mask_direction'], 'mask_term'),
        node('Add', ['summed', 'mask_term'], 'pre_activation'),
        node('Tanh', ['pre_activation'], 'last_hidden_state'),
      ],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: onnx.TensorProto.DataType.FLOAT,
              shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: hidden }] },
            },
          },
        },
      ],
    },
  };
}
