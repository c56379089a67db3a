/**
 * Whole-system rows/s with the template-label store on (SQLite, the
 * default) and off (LLM_STORE=none: memory only), side by side in one run:
 * every service its own process from dist/ (`npm run build` first), a Groq
 * stand-in that knows every template's label and answers after 200 ms, the
 * learning-loop stream (templates of the corpus and of programs the shipped
 * model never saw) uploaded as a CSV to POST /classify. Per setting: a
 * cold upload (every LLM template costs a call), then a warm one (answers
 * held in memory, re-read from the store after LLM_STORE_REFRESH_MS).
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/store-throughput.ts [rows] [templates]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { startFakeGroq } from '@logclass/test-support';
import { readLabelledCsv } from '@logclass/training';
import { uploadCsv } from './lib/csv-upload';
import { ROOT } from './lib/generate-csv';
import { runBench } from './lib/run-bench';
import { startSystem } from './lib/system';
import { oracleResponder, templateStream } from './lib/template-stream';

const ROWS = Number(process.argv[2] ?? 200_000);
const TEMPLATES = Number(process.argv[3] ?? 2000);

async function main(dir: string): Promise<void> {
  const corpus = readLabelledCsv(join(ROOT, 'training', 'data', 'corpus.csv'));
  const { rows, oracle, templatesUsed } = templateStream(corpus, ROWS, TEMPLATES, 0.3);
  const csv = join(dir, 'stream.csv');
  writeFileSync(csv, stringify(rows.map((r) => [r.record.source, r.record.logMessage]), { header: true, columns: ['source', 'log_message'] }));
  console.log(`store on vs off: ${ROWS} rows of ${templatesUsed} templates, Groq stand-in answering after 200 ms`);
  const groq = await startFakeGroq({ respond: oracleResponder(oracle), delayMs: 200 });
  // Off between two runs with the store on (each with a fresh file), so the machine's drift shows.
  const settings: Array<[string, Record<string, string>]> = [
    ['store on (sqlite)', { LLM_STORE: 'sqlite', LLM_STORE_FILE: join(dir, 'labels-1.sqlite') }],
    ['store off (none)', { LLM_STORE: 'none' }],
    ['store on again', { LLM_STORE: 'sqlite', LLM_STORE_FILE: join(dir, 'labels-2.sqlite') }],
  ];
  const results: Record<string, { cold: number; warm: number; calls: number }> = {};
  try {
    for (const [name, env] of settings) {
      groq.reset();
      const system = await startSystem({ GROQ_API_KEY: 'bench', GROQ_BASE_URL: groq.baseUrl, LLM_MAX_TOKENS_PER_MINUTE: '0', GATEWAY_ROUTING: '{}', ...env });
      try {
        const cold = await uploadCsv(system.httpUrl, csv);
        const calls = groq.requests.length;
        const warm = await uploadCsv(system.httpUrl, csv);
        if (cold.rows !== ROWS || warm.rows !== ROWS) throw new Error(`${name}: ${cold.rows} / ${warm.rows} rows back, not ${ROWS}`);
        results[name] = { cold: ROWS / cold.seconds, warm: ROWS / warm.seconds, calls };
        console.log(`${name.padEnd(18)} cold ${Math.round(ROWS / cold.seconds)} rows/s (${calls} Groq calls), warm ${Math.round(ROWS / warm.seconds)} rows/s (${groq.requests.length - calls} calls)`);
      } finally {
        await system.stop();
      }
    }
    const [on, off, again] = settings.map(([n]) => results[n]);
    const mean = (a: number, b: number) => (a + b) / 2;
    console.log(`on / off: cold ${(mean(on.cold, again.cold) / off.cold).toFixed(2)}x, warm ${(mean(on.warm, again.warm) / off.warm).toFixed(2)}x (goal >= 0.9x; the two "on" runs: cold ${Math.round(on.cold)} / ${Math.round(again.cold)}, warm ${Math.round(on.warm)} / ${Math.round(again.warm)})`);
  } finally {
    await groq.close();
  }
}

runBench('store-throughput-', main);
