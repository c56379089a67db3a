#!/usr/bin/env node
// npm run models:fetch [-- --model Xenova/all-MiniLM-L6-v2 --dest models --fp32]
//
// Downloads a sentence-transformer model once, into the layout
// @xenova/transformers reads offline (EMBEDDING_MODELS_PATH, default models/):
//   <dest>/<model>/{config.json,tokenizer.json,tokenizer_config.json,onnx/model_quantized.onnx[,onnx/model.onnx]}
// Fails fast with a clear message when huggingface.co is unreachable: every
// request has a connect/response timeout and a stall timeout, and nothing is
// left half-written (files are downloaded to .part and renamed).
// HF_ENDPOINT points it at a mirror (default https://huggingface.co).
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'Xenova/all-MiniLM-L6-v2' },
    dest: { type: 'string', default: process.env.EMBEDDING_MODELS_PATH || 'models' },
    fp32: { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: '10000' },
  },
});
const endpoint = (process.env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/$/, '');
const timeoutMs = Number(args['timeout-ms']);
const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', ...(args.fp32 ? ['onnx/model.onnx'] : [])];
const target = resolve(args.dest, args.model);

async function download(file) {
  const path = join(target, file);
  if (existsSync(path)) {
    console.log(`  ${file}: already there`);
    return;
  }
  const url = `${endpoint}/${args.model}/resolve/main/${file}`;
  const controller = new AbortController();
  // Until the response starts: the connect + first byte budget.
  let timer = setTimeout(() => controller.abort(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
  const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status}`);
  mkdirSync(dirname(path), { recursive: true });
  const part = `${path}.part`;
  const body = Readable.fromWeb(response.body);
  // While streaming: abort if no byte arrives for timeoutMs.
  const stall = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`download stalled for ${timeoutMs} ms`)), timeoutMs);
  };
  body.on('data', stall);
  try {
    await pipeline(body, createWriteStream(part));
    renameSync(part, path);
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  } finally {
    clearTimeout(timer);
  }
  console.log(`  ${file}: ok`);
}

console.log(`fetching ${args.model} from ${endpoint} into ${target}`);
try {
  for (const file of files) await download(file);
  console.log(`done. Use it with EMBEDDING_EMBEDDER=transformers EMBEDDING_MODELS_PATH=${resolve(args.dest)} (and a model trained with it).`);
} catch (err) {
  const cause = err?.cause?.code || err?.cause?.message || '';
  console.error(
    `models:fetch failed: ${err.message}${cause ? ` (${cause})` : ''}.\n` +
      `Could not download from ${endpoint}. On a machine that reaches it, run \`npm run models:fetch\` and copy ${join(args.dest, args.model)} here ` +
      '(or mount it at /app/models in a container), or set HF_ENDPOINT to a reachable mirror. ' +
      'The hashing embedder (the default) needs no download.',
  );
  process.exit(1);
}
