/**
 * CPU per row of a bulk CSV upload, whole system against its floor, side by
 * side in one run on the same file:
 *   floor: parsing the CSV and writing it back with a target_label column,
 *     with the libraries the gateway uses (csv-parse, csv-stringify) and
 *     nothing else, in this process;
 *   system: the gateway and the three tiers as separate processes, the file
 *     streamed to POST /classify; each process's CPU (user + system, from
 *     /proc) over the upload, per row.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/cpu-per-row.ts [rows]
 *
 * BENCH_KEEP_OUTPUT=<file> keeps the labelled CSV of the measured upload there, so that two
 * builds' labels can be compared byte for byte (`cmp`).
 */
import { createReadStream } from 'node:fs';
import { loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { uploadCsv } from './lib/csv-upload';
import { generateCsv } from './lib/generate-csv';
import { printTable } from './lib/report';
import { cpuSecondsOf, startSystem } from './lib/system';

const ROWS = Number(process.argv[2] ?? 300_000);

/** µs of this process's CPU per row to parse the file and write it back with one more column. */
async function csvFloor(path: string): Promise<number> {
  const started = process.cpuUsage();
  let rows = 0;
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await pipeline(
    createReadStream(path, { highWaterMark: 1 << 20 }),
    parse({ columns: true }),
    async function* (records: AsyncIterable<Record<string, string>>) {
      for await (const r of records) {
        rows++;
        yield { ...r, target_label: 'System Notification' };
      }
    },
    stringify({ header: true }),
    sink,
  );
  const used = process.cpuUsage(started);
  return (used.user + used.system) / rows;
}

async function main(): Promise<void> {
  const path = await generateCsv(ROWS, 42);
  // The first floor run warms the JIT and the page cache. On a shared machine one floor run
  // swings by half between runs, so the floor is the median of three before the system runs
  // and two after it (each printed).
  await csvFloor(path);
  const floors = [await csvFloor(path), await csvFloor(path), await csvFloor(path)];
  const system = await startSystem({});
  try {
    await uploadCsv(system.httpUrl, path); // warm-up: caches filled, JIT warm, as a long-running system is
    const pids = system.pids;
    const before = Object.fromEntries(Object.entries(pids).map(([app, pid]) => [app, cpuSecondsOf(pid)]));
    const result = await uploadCsv(system.httpUrl, path, '', process.env.BENCH_KEEP_OUTPUT);
    if (result.rows !== ROWS) throw new Error(`sent ${ROWS} rows, got ${result.rows} back`);
    const perRow = Object.fromEntries(Object.entries(pids).map(([app, pid]) => [app, ((cpuSecondsOf(pid) - before[app]) * 1e6) / ROWS]));
    floors.push(await csvFloor(path), await csvFloor(path));
    const floor = [...floors].sort((a, b) => a - b)[2];
    console.log(`CSV floor runs (µs/row): ${floors.map((f) => f.toFixed(1)).join(', ')}; median ${floor.toFixed(1)}`);
    // On a shared machine every figure moves with the load: say what it was.
    console.log(`load average (1, 5, 15 min) at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    const total = Object.values(perRow).reduce((a, b) => a + b, 0);
    printTable(`CPU per row, ${ROWS.toLocaleString('en')} rows, second upload of the same file (µs of CPU per row)`, [
      { what: 'CSV floor (parse + write, one process; median of 5)', 'µs/row': floor.toFixed(1), 'x floor': '1.00' },
      ...Object.entries(perRow).map(([app, us]) => ({ what: app, 'µs/row': us.toFixed(1), 'x floor': (us / floor).toFixed(2) })),
      { what: 'whole system', 'µs/row': total.toFixed(1), 'x floor': (total / floor).toFixed(2) },
    ]);
  } finally {
    await system.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
