import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { checkHealth } from '@logclass/tier-client';
import { ROOT } from './generate-csv';

/** Node's arguments per service, as deployed (the Dockerfile's CMDs hold the same). */
const SERVICE_NODE_ARGS = JSON.parse(readFileSync(join(ROOT, 'tools', 'service-node-args.json'), 'utf8')) as Record<string, string[]>;

/**
 * `n` distinct ports nobody is listening on right now. All are held open
 * until every one is chosen: one at a time, the OS may hand out a port twice,
 * and two services then fight over it (the loser fails to start while the
 * health check of its port is answered by the winner).
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

export interface RunningSystem {
  httpUrl: string;
  grpcAddress: string;
  /** The loopback port of each service. */
  readonly ports: { regex: number; embedding: number; llm: number; gatewayGrpc: number; http: number };
  /** Current process id of each service. */
  readonly pids: Record<string, number>;
  /** SIGKILL one service (a crash, not a drain). */
  kill(app: string): Promise<void>;
  /** Start a killed service again on the same port. */
  restart(app: string): void;
  stop(): Promise<void>;
}

const TIERS = ['regex', 'embedding', 'llm'] as const;

/**
 * The system as deployed: every service its own process from dist/ (run
 * `npm run build` first), on loopback ports of its own.
 */
export async function startSystem(
  extraEnv: Record<string, string> = {},
  /** For tiers served over (mutual) TLS: what the start-up health checks connect with. */
  opts: { tierCredentials?: ChannelCredentials } = {},
): Promise<RunningSystem> {
  const [regex, embedding, llm, gatewayGrpc, http] = await freePorts(5);
  const ports = { regex, embedding, llm, gatewayGrpc, http };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    REGEX_GRPC_PORT: String(ports.regex),
    EMBEDDING_GRPC_PORT: String(ports.embedding),
    LLM_GRPC_PORT: String(ports.llm),
    GATEWAY_GRPC_PORT: String(ports.gatewayGrpc),
    GATEWAY_HTTP_PORT: String(ports.http),
    REGEX_METRICS_PORT: '-1',
    EMBEDDING_METRICS_PORT: '-1',
    LLM_METRICS_PORT: '-1',
    GATEWAY_METRICS_PORT: '-1',
    // The OTLP listeners' fixed default ports would clash between runs side by side; a bench that wants them sets its own.
    GATEWAY_OTLP_GRPC_PORT: '-1',
    GATEWAY_OTLP_HTTP_PORT: '-1',
    // The benchmarks measure capacity; the per-caller limit (200 req/s by default) would measure itself.
    GATEWAY_RATE_LIMIT_RPS: '0',
    GATEWAY_TIERS: `regex=127.0.0.1:${ports.regex},embedding=127.0.0.1:${ports.embedding},llm=127.0.0.1:${ports.llm}`,
    ...extraEnv,
  };
  const children: Record<string, ChildProcess> = {};
  const launch = (app: string) => {
    // The services run with Node's arguments as deployed (tools/service-node-args.json), then
    // BENCH_NODE_ARGS: "--cpu-prof --cpu-prof-dir=bench/out/prof" profiles every service of a
    // run (the services run in the repo root); a later V8 flag overrides an earlier one.
    const nodeArgs = [...SERVICE_NODE_ARGS[app], ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps', app, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT });
    children[app] = child;
  };
  for (const t of TIERS) launch(t);
  for (const t of TIERS) await waitFor(async () => (await checkHealth(`127.0.0.1:${ports[t]}`, '', { timeoutMs: 500, credentials: opts.tierCredentials })) !== 'UNREACHABLE', `${t} up`);
  launch('gateway');
  const httpUrl = `http://127.0.0.1:${ports.http}`;
  await waitFor(async () => (await fetch(`${httpUrl}/healthz`).then((r) => r.ok, () => false)), 'gateway up');
  return {
    httpUrl,
    grpcAddress: `127.0.0.1:${ports.gatewayGrpc}`,
    ports,
    get pids() {
      return Object.fromEntries(Object.entries(children).map(([k, c]) => [k, c.pid ?? -1]));
    },
    kill: (app) =>
      new Promise<void>((resolve) => {
        const c = children[app];
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', () => resolve());
        c.kill('SIGKILL');
      }),
    restart: (app) => launch(app),
    async stop() {
      await Promise.all(
        Object.values(children).map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Resident and peak-resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
