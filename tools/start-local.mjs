#!/usr/bin/env node
// `npm start`: runs every service as its own process, as deployed, on
// 127.0.0.1 with the embedded defaults (no API key, no downloads). Each
// service reads its own settings from the environment; this only fills in the
// gateway's tier addresses from the tiers' ports and relays signals.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const port = (name, fallback) => env[name] || String(fallback);
const tiers = [
  ['regex', port('REGEX_GRPC_PORT', 50051)],
  ['embedding', port('EMBEDDING_GRPC_PORT', 50052)],
  ['llm', port('LLM_GRPC_PORT', 50053)],
];
env.GATEWAY_TIERS ||= tiers.map(([name, p]) => `${name}=127.0.0.1:${p}`).join(',');

const children = [];
let stopping = false;

function start(app) {
  const main = join(root, 'dist/apps', app, 'main.js');
  if (!existsSync(main)) {
    console.error(`${main} is missing: run npm run build first`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', main], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start-local] ${app} exited (${signal ?? code}); stopping the rest`);
    shutdown(code || 1);
  });
  children.push(child);
}

function shutdown(code) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  let left = children.filter((c) => c.exitCode === null).length;
  if (left === 0) process.exit(code);
  for (const c of children) c.on('exit', () => --left === 0 && process.exit(code));
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

for (const [name] of tiers) start(name);
start('gateway');
console.error(
  `[start-local] gateway REST http://127.0.0.1:${port('GATEWAY_HTTP_PORT', 8080)}  gRPC 127.0.0.1:${port('GATEWAY_GRPC_PORT', 50050)}  OTLP logs gRPC ${port('GATEWAY_OTLP_GRPC_PORT', 4317)} / HTTP ${port('GATEWAY_OTLP_HTTP_PORT', 4318)} (-1 = off); tiers ${env.GATEWAY_TIERS}`,
);
