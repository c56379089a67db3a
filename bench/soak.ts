/**
 * Soak: a bounded mixed load (CSV uploads, JSON, gRPC unary/batch/stream) on
 * loopback against the system started as separate processes, for a fixed
 * time. Reports errors (goal 0), rows/s per minute, and each process's RSS
 * after warm-up and at the end (goal: growth under 10%). Not part of CI.
 *
 *   npm run soak -- --minutes 10 [--workers 3] [--warmup-seconds 30]
 */
import { credentials } from '@grpc/grpc-js';
import { MixedLoad, REQUEST_KINDS, type RequestKind } from './lib/mixed-load';
import { recordPool } from './lib/record-pool';
import { printTable } from './lib/report';
import { existsSync } from 'node:fs';
import { memoryOf, startSystem } from './lib/system';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : def;
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const minutes = arg('minutes', 10);
  const workers = arg('workers', 3);
  const warmupSeconds = arg('warmup-seconds', 30);
  const records = await recordPool(50_000);
  // The soak measures stability, not the per-caller limit: one loopback caller would hit it.
  const system = await startSystem({ GATEWAY_RATE_LIMIT_RPS: '0' });
  const load = new MixedLoad({ httpUrl: system.httpUrl, grpcAddress: system.grpcAddress, grpcCredentials: credentials.createInsecure() }, records);
  const errors = new Map<string, number>();
  const firstErrors: string[] = [];
  let rows = 0;
  let requests = 0;
  const perMinute: number[] = [];
  let measuring = false;
  let stop = false;

  const worker = async (offset: number) => {
    for (let i = offset; !stop; i++) {
      const kind: RequestKind = REQUEST_KINDS[i % REQUEST_KINDS.length];
      try {
        const n = await load.run(kind);
        if (measuring) {
          rows += n;
          requests++;
        }
      } catch (err) {
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        if (firstErrors.length < 5) firstErrors.push(`${kind}: ${(err as Error).message}`);
      }
    }
  };
  const running = Array.from({ length: workers }, (_, w) => worker(w));
  try {
    console.log(`warm-up ${warmupSeconds} s, then ${minutes} min with ${workers} workers`);
    await sleep(warmupSeconds * 1000);
    const pids = { ...system.pids };
    const rssStart = Object.fromEntries(Object.entries(pids).map(([app, pid]) => [app, memoryOf(pid).rssMb]));
    // A tier that dies is not an error to callers (the cascade degrades to Unclassified): watch the processes too.
    const dead = new Set<string>();
    // RSS swings with each GC: one sample a second, so growth compares the first and last minutes' medians too.
    const samples: Record<string, Array<{ at: number; mb: number }>> = Object.fromEntries(Object.keys(pids).map((app) => [app, []]));
    const watch = setInterval(() => {
      for (const [app, pid] of Object.entries(pids)) {
        if (dead.has(app)) continue;
        if (!existsSync(`/proc/${pid}`)) {
          dead.add(app);
          errors.set(`${app} process exited`, 1);
          console.log(`${app} (pid ${pid}) exited`);
        } else {
          samples[app].push({ at: Date.now(), mb: memoryOf(pid).rssMb });
        }
      }
    }, 1000);
    errors.clear();
    measuring = true;
    const started = Date.now();
    for (let m = 0; m < Math.ceil(minutes); m++) {
      const before = rows;
      const window = Math.min(60_000, minutes * 60_000 - m * 60_000);
      await sleep(window);
      perMinute.push(Math.round((rows - before) / (window / 1000)));
      console.log(`minute ${m + 1}: ${perMinute[m]} rows/s, errors so far ${[...errors.values()].reduce((a, b) => a + b, 0)}`);
    }
    const seconds = (Date.now() - started) / 1000;
    stop = true;
    await Promise.all(running);
    clearInterval(watch);
    const rssEnd = Object.fromEntries(Object.entries(pids).filter(([app]) => !dead.has(app)).map(([app, pid]) => [app, memoryOf(pid)]));
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    printTable(`soak: ${minutes} min, ${workers} workers, mix ${REQUEST_KINDS.join('/')}`, [
      { requests, rows, 'rows/s': Math.round(rows / seconds), errors: errorCount, 'rows/s per minute': perMinute.join(' ') },
    ]);
    printTable(
      'RSS (MB) after warm-up and at the end',
      Object.keys(rssEnd).map((app) => ({
        process: app,
        start: rssStart[app].toFixed(1),
        end: rssEnd[app].rssMb.toFixed(1),
        growth: `${(((rssEnd[app].rssMb - rssStart[app]) / rssStart[app]) * 100).toFixed(1)}%`,
        ...minuteMedians(samples[app], started),
        peak: rssEnd[app].peakMb.toFixed(1),
      })),
    );
    if (errorCount > 0) console.log(`errors by kind: ${JSON.stringify(Object.fromEntries(errors))}\n${firstErrors.join('\n')}`);
    process.exitCode = errorCount > 0 ? 1 : 0;
  } finally {
    stop = true;
    await Promise.allSettled(running);
    load.close();
    await system.stop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Median RSS of the first and the last minute of the run, and the growth between them. */
function minuteMedians(samples: Array<{ at: number; mb: number }>, started: number): Record<string, string> {
  const end = samples.at(-1)?.at ?? started;
  const first = median(samples.filter((s) => s.at < started + 60_000).map((s) => s.mb));
  const last = median(samples.filter((s) => s.at >= end - 60_000).map((s) => s.mb));
  return { 'first-min median': first.toFixed(1), 'last-min median': last.toFixed(1), 'median growth': `${(((last - first) / first) * 100).toFixed(1)}%` };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
