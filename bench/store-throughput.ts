/**
 * Whole-system rows/s with the template-label store on (SQLite, the
 * default) and off (LLM_STORE=none: memory only): every service its own
 * process from dist/ (`npm run build` first), a Groq stand-in that knows
 * every template's label and answers after 200 ms, the learning-loop stream
 * (templates of the corpus and of programs the shipped model never saw)
 * uploaded as a CSV to POST /classify. Per round: a fresh system, a cold
 * upload (every LLM template costs a call), then a warm one (answers held in
 * memory, re-read from the store after LLM_STORE_REFRESH_MS).
 *
 * Rounds alternate on, off, on, off... in one run, and each "on" is paired
 * with the "off" right after it: on a shared machine the load drifts more
 * between minutes than the settings differ, so only ratios of neighbouring
 * rounds mean anything. Printed: the ratio of every pair and their median.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/store-throughput.ts [rows] [templates] [pairs]
 */
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { startFakeGroq } from '@logclass/test-support';
import { readLabelledCsv } from '@logclass/training';
import { uploadCsv } from './lib/csv-upload';
import { ROOT } from './lib/generate-csv';
import { percentile } from './lib/report';
import { runBench } from './lib/run-bench';
import { startSystem } from './lib/system';
import { oracleResponder, templateStream } from './lib/template-stream';

const ROWS = Number(process.argv[2] ?? 100_000);
const TEMPLATES = Number(process.argv[3] ?? 2000);
const PAIRS = Number(process.argv[4] ?? 5);

interface Round {
  cold: number;
  warm: number;
  calls: number;
}

const median = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 50);

async function main(dir: string): Promise<void> {
  const corpus = readLabelledCsv(join(ROOT, 'training', 'data', 'corpus.csv'));
  const { rows, oracle, templatesUsed } = templateStream(corpus, ROWS, TEMPLATES, 0.3);
  const csv = join(dir, 'stream.csv');
  writeFileSync(csv, stringify(rows.map((r) => [r.record.source, r.record.logMessage]), { header: true, columns: ['source', 'log_message'] }));
  console.log(`store on vs off: ${ROWS} rows of ${templatesUsed} templates, Groq stand-in answering after 200 ms, ${PAIRS} pairs of rounds (on, off)`);
  const groq = await startFakeGroq({ respond: oracleResponder(oracle), delayMs: 200 });

  const round = async (name: string, env: Record<string, string>): Promise<Round> => {
    groq.reset();
    const system = await startSystem({ GROQ_API_KEY: 'bench', GROQ_BASE_URL: groq.baseUrl, LLM_MAX_TOKENS_PER_MINUTE: '0', GATEWAY_ROUTING: '{}', ...env });
    try {
      const cold = await uploadCsv(system.httpUrl, csv);
      const calls = groq.requests.length;
      const warm = await uploadCsv(system.httpUrl, csv);
      if (cold.rows !== ROWS || warm.rows !== ROWS) throw new Error(`${name}: ${cold.rows} / ${warm.rows} rows back, not ${ROWS}`);
      const r = { cold: ROWS / cold.seconds, warm: ROWS / warm.seconds, calls };
      console.log(`${name.padEnd(12)} cold ${Math.round(r.cold)} rows/s (${calls} Groq calls), warm ${Math.round(r.warm)} rows/s (${groq.requests.length - calls} calls); load ${loadavg()[0].toFixed(1)}`);
      return r;
    } finally {
      await system.stop();
    }
  };

  const ratios: Array<{ cold: number; warm: number }> = [];
  const loads: number[] = [];
  try {
    for (let i = 1; i <= PAIRS; i++) {
      loads.push(loadavg()[0]);
      // A fresh store file every "on" round: the cold upload pays every call, as with the store off.
      const on = await round(`${i} on`, { LLM_STORE: 'sqlite', LLM_STORE_FILE: join(dir, `labels-${i}.sqlite`) });
      const off = await round(`${i} off`, { LLM_STORE: 'none', GATEWAY_STORE: 'none' });
      ratios.push({ cold: on.cold / off.cold, warm: on.warm / off.warm });
      console.log(`  pair ${i} on/off: cold ${(on.cold / off.cold).toFixed(2)}x, warm ${(on.warm / off.warm).toFixed(2)}x`);
    }
    loads.push(loadavg()[0]);
    const list = (k: 'cold' | 'warm') => ratios.map((r) => r[k].toFixed(2)).join(', ');
    console.log('');
    console.log(`on / off per pair: cold ${list('cold')}; warm ${list('warm')}`);
    console.log(
      `median on / off: cold ${median(ratios.map((r) => r.cold)).toFixed(2)}x, warm ${median(ratios.map((r) => r.warm)).toFixed(2)}x (goal >= 0.9x); load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
    );
  } finally {
    await groq.close();
  }
}

runBench('store-throughput-', main);
