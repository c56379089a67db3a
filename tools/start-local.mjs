#!/usr/bin/env node
// `npm start`: runs every service as its own process, as deployed, on
// 127.0.0.1 with the embedded defaults (no API key, no downloads). Each
// service reads its own settings from the environment; this only fills in the
// gateway's tier addresses from the tiers' ports. The services are supervised
// (tools/supervisor.mjs): one that exits is restarted with a backoff while the
// others keep serving, so the gateway's breakers do their job when a tier dies.
// Ctrl-C stops them all.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSupervised } from './supervisor.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const port = (name, fallback) => env[name] || String(fallback);
const tiers = [
  ['regex', port('REGEX_GRPC_PORT', 50051)],
  ['embedding', port('EMBEDDING_GRPC_PORT', 50052)],
  ['llm', port('LLM_GRPC_PORT', 50053)],
];
env.GATEWAY_TIERS ||= tiers.map(([name, p]) => `${name}=127.0.0.1:${p}`).join(',');

// Node's arguments per service, as the images run them (docker/Dockerfile's CMDs
// are checked against the same file). The tiers take --max-semi-space-size=32 (MB;
// Node 20's default is 16): a tier call holds up to 4096 records' strings while it is
// answered, and with the default young generation many survive a scavenge and are
// copied. The gateway keeps the default: it saved no CPU and its memory rose
// (measurements: BENCHMARKS.md, CPU per row).
const nodeArgs = JSON.parse(readFileSync(join(root, 'tools', 'service-node-args.json'), 'utf8'));

function service(app) {
  const main = join(root, 'dist/apps', app, 'main.js');
  if (!existsSync(main)) {
    console.error(`${main} is missing: run npm run build first`);
    process.exit(1);
  }
  return { name: app, command: process.execPath, args: [...nodeArgs[app], main], env };
}

const log = (line) => console.error(`[start-local] ${line}`);
runSupervised([...tiers.map(([name]) => service(name)), service('gateway')], { log });
console.error(
  `[start-local] gateway REST http://127.0.0.1:${port('GATEWAY_HTTP_PORT', 8080)}  gRPC 127.0.0.1:${port('GATEWAY_GRPC_PORT', 50050)}  OTLP logs gRPC ${port('GATEWAY_OTLP_GRPC_PORT', 4317)} / HTTP ${port('GATEWAY_OTLP_HTTP_PORT', 4318)} (-1 = off); tiers ${env.GATEWAY_TIERS}`,
);
