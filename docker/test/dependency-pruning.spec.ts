import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { imageFacts, parseDockerfile } from './dockerfile-model';
import { ROOT, readText } from './repo';
import { SERVICES, type ServiceName } from './service-configs';

/**
 * Only the embedding image carries the inference runtime: the others get
 * node_modules from the service-deps stage, which drops what only
 * @xenova/transformers needs (docker/prune/drop-inference-packages.mjs).
 * Checked against what each service's code really imports.
 */
const SCRIPT = join(ROOT, 'docker', 'prune', 'drop-inference-packages.mjs');
const stages = parseDockerfile(readText('docker', 'Dockerfile'));

/** Lock paths the script drops, from the repository's lock (its --dry-run). */
const dropped = execFileSync(process.execPath, [SCRIPT, '--dry-run'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

const libPaths = (JSON.parse(readText('tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** npm package names imported by the app's production code and every workspace lib it reaches (esmImport() counts: it hides import() from TypeScript). */
function npmImports(app: ServiceName): Set<string> {
  const packages = new Set<string>();
  const seenDirs = new Set<string>();
  const visit = (dir: string) => {
    if (seenDirs.has(dir)) return;
    seenDirs.add(dir);
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*|esmImport(?:<[^>]*>)?\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
        if (spec.startsWith('node:')) continue;
        const lib = libPaths[spec];
        if (lib) visit(dirname(join(ROOT, lib[0])));
        else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
  };
  visit(join(ROOT, 'apps', app, 'src'));
  return packages;
}

const nodeModulesFrom = (app: string) =>
  stages
    .filter((s) => s.name === app)
    .flatMap((s) => s.instructions)
    .find((i) => i.keyword === 'COPY' && i.args[i.args.length - 1] === './node_modules')?.flags['from'];

describe('per-service production dependencies', () => {
  it('the script drops the inference runtime and nothing the lock says another dependency needs', () => {
    for (const pkg of ['@xenova/transformers', 'onnxruntime-node', 'onnxruntime-web', 'sharp']) expect(dropped).toContain(`node_modules/${pkg}`);
    for (const pkg of ['@grpc/grpc-js', 'fastify', 'groq-sdk', 'better-sqlite3', 'pg']) expect(dropped).not.toContain(`node_modules/${pkg}`);
  });

  it.each(SERVICES.filter((app) => app !== 'embedding'))('%s: imports nothing the script drops, and its image takes the pruned node_modules', (app) => {
    const imports = [...npmImports(app)];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((pkg) => dropped.includes(`node_modules/${pkg}`))).toEqual([]);
    expect(nodeModulesFrom(app)).toBe('service-deps');
  });

  it('embedding: imports the inference runtime, and its image takes the whole install', () => {
    expect([...npmImports('embedding')]).toContain('@xenova/transformers');
    expect(nodeModulesFrom('embedding')).toBe('prod-deps');
    expect(imageFacts(stages, 'embedding').cmd).toBeDefined();
  });

  it('deletes the dropped packages from node_modules when run, leaving the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prune-'));
    try {
      copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
      for (const path of ['node_modules/onnxruntime-node', 'node_modules/@xenova/transformers', 'node_modules/fastify', 'node_modules/@grpc/grpc-js']) {
        mkdirSync(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'package.json'), '{}');
      }
      execFileSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' });
      const left = ['node_modules/onnxruntime-node', 'node_modules/@xenova/transformers', 'node_modules/fastify', 'node_modules/@grpc/grpc-js'].filter((p) => existsSync(join(dir, p)));
      expect(left).toEqual(['node_modules/fastify', 'node_modules/@grpc/grpc-js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps only this platform's onnxruntime-node binding (the prod-deps RUN line, run in a copy of its layout)", () => {
    const run = stages
      .find((s) => s.name === 'prod-deps')
      ?.instructions.find((i) => i.keyword === 'RUN' && i.content.includes('onnxruntime-node/bin'));
    expect(run).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'onnx-'));
    try {
      const bin = join(dir, 'node_modules/onnxruntime-node/bin/napi-v3');
      for (const platform of ['darwin', 'linux', 'win32']) {
        for (const arch of ['arm64', 'x64']) {
          mkdirSync(join(bin, platform, arch), { recursive: true });
          writeFileSync(join(bin, platform, arch, 'onnxruntime_binding.node'), '');
        }
      }
      execFileSync('sh', ['-c', run?.content ?? 'false'], { cwd: dir });
      const kept = readdirSync(bin).flatMap((platform) => readdirSync(join(bin, platform)).map((arch) => `${platform}/${arch}`));
      expect(kept).toEqual([`${process.platform}/${process.arch}`]);
      expect(relative(dir, join(bin, kept[0]))).toBe(`node_modules/onnxruntime-node/bin/napi-v3/${process.platform}/${process.arch}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
