import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { mulberry32 } from '@logclass/seeded-random';

export const ROOT = join(__dirname, '../..');
export const CORPUS = join(ROOT, 'training/data/corpus.csv');
export const OUT_DIR = join(ROOT, 'bench/out');

/** Deterministic PRNG: benchmark inputs are the same on every run. */
export const prng = mulberry32;

export interface CorpusRow {
  source: string;
  logMessage: string;
  label: string;
  templateId: string;
}

export async function readCorpus(path = CORPUS): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  const parser = createReadStream(path).pipe(parse({ columns: true }));
  for await (const r of parser) rows.push({ source: r.source, logMessage: r.log_message, label: r.target_label, templateId: r.template_id });
  return rows;
}

/** New ids for an old line: every digit and hex letter run inside an id is redrawn, so rows repeat shapes, not strings. */
export function withRandomIds(message: string, rand: () => number): string {
  return message.replace(/\d/g, () => String(Math.floor(rand() * 10)));
}

/**
 * The message shapes of a benchmark: `perTemplate` corpus rows of each of the
 * corpus's ~700 templates (0 = every corpus row). Production logs are a few
 * hundred to a few thousand shapes repeated with other ids; the whole corpus,
 * written for training variety, is far more diverse than that.
 */
export async function messageShapes(perTemplate: number): Promise<CorpusRow[]> {
  const corpus = await readCorpus();
  if (perTemplate <= 0) return corpus;
  const taken = new Map<string, number>();
  return corpus.filter((r) => {
    const n = taken.get(r.templateId) ?? 0;
    taken.set(r.templateId, n + 1);
    return n < perTemplate;
  });
}

export const DEFAULT_SHAPES_PER_TEMPLATE = 3;

/**
 * Writes an N-row CSV (`source,log_message`) drawn from the training corpus
 * templates with random ids, streaming so that 5M rows need no memory.
 * Reuses an existing file of the same name.
 */
export async function generateCsv(rows: number, seed = 42, perTemplate = DEFAULT_SHAPES_PER_TEMPLATE): Promise<string> {
  const path = join(OUT_DIR, `mixed-${rows}-s${perTemplate}.csv`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const corpus = await messageShapes(perTemplate);
  const rand = prng(seed);
  const out = createWriteStream(path + '.part');
  out.write('source,log_message\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const r = corpus[Math.floor(rand() * corpus.length)];
    chunk += stringify([[r.source, withRandomIds(r.logMessage, rand)]]);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(path + '.part', path);
  return path;
}
