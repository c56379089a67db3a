// Deletes from ./node_modules every package that only the embedding tier's
// inference runtime needs: those reachable from @xenova/transformers and from
// no other production dependency of package.json (onnxruntime-node and -web,
// sharp and its platform binaries...). Run by docker/Dockerfile for every
// image but embedding's; reads the layout from ./package-lock.json, which
// `npm ci` installed node_modules from.
import { readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const INFERENCE_ROOT = '@xenova/transformers';

/** The lock's package path a `require(name)` from package `from` resolves to (nested folders first, as Node does). */
function resolveIn(packages, from, name) {
  for (let base = from; ; ) {
    const path = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[path]) return path;
    if (!base) return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at < 0 ? '' : base.slice(0, at);
  }
}

/** Every lock path reachable from these top-level names through production dependencies. */
function reachable(packages, roots) {
  const seen = new Set();
  const stack = roots.map((name) => resolveIn(packages, '', name)).filter(Boolean);
  while (stack.length > 0) {
    const path = stack.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const meta = packages[path];
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies, ...meta.peerDependencies })) {
      const target = resolveIn(packages, path, dep);
      if (target) stack.push(target);
    }
  }
  return seen;
}

/** Lock paths (node_modules/...) needed by the inference runtime alone. */
export function inferenceOnlyPackages(lock) {
  const packages = lock.packages;
  const roots = Object.keys(packages[''].dependencies ?? {});
  if (!roots.includes(INFERENCE_ROOT)) throw new Error(`${INFERENCE_ROOT} is not a dependency in package.json`);
  const everyone = reachable(packages, roots.filter((r) => r !== INFERENCE_ROOT));
  return [...reachable(packages, [INFERENCE_ROOT])].filter((p) => !everyone.has(p)).sort();
}

// `node drop-inference-packages.mjs [--dry-run]`: --dry-run lists the paths instead of deleting them.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dropped = inferenceOnlyPackages(JSON.parse(readFileSync('package-lock.json', 'utf8')));
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(`${dropped.join('\n')}\n`);
  } else {
    for (const path of dropped) rmSync(path, { recursive: true, force: true });
    process.stdout.write(`dropped ${dropped.length} packages only the inference runtime needs\n`);
  }
}
