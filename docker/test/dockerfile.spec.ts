import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { imageFacts, parseDockerfile, type Stage } from './dockerfile-model';
import { ROOT, readText } from './repo';
import { SERVICES } from './service-configs';

/** Build outputs as the Nx projects declare them (what `npm run build` writes). */
function buildOutputs(): string[] {
  const projects = [...SERVICES.map((app) => join('apps', app)), 'docker'];
  return projects.map((dir) => {
    const project = JSON.parse(readText(dir, 'project.json')) as { targets?: { build?: { options?: { outputPath?: string } } } };
    const out = project.targets?.build?.options?.outputPath;
    if (!out) throw new Error(`${dir}/project.json has no build outputPath`);
    return out;
  });
}

/** Node's arguments per service, as `npm start` and the benchmarks run them. */
const SERVICE_NODE_ARGS = JSON.parse(readText('tools', 'service-node-args.json')) as Record<string, string[]>;

describe('docker/Dockerfile', () => {
  const stages: Stage[] = parseDockerfile(readText('docker', 'Dockerfile'));
  const targets = [...SERVICES, 'models'];

  it('has a target per service, and the build runs the same commands as CI', () => {
    expect(stages.map((s) => s.name)).toEqual(expect.arrayContaining(targets));
    // build and the stage it starts from (deps: the install, shared with prod-deps).
    const chain = (name: string) => {
      const out: Stage[] = [];
      for (let stage = stages.find((s) => s.name === name); stage; stage = stages.find((s) => s.name === stage?.from)) out.push(stage);
      return out;
    };
    const runs = chain('build').flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.content));
    expect(runs.some((r) => /^npm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /^npm run build\b/.test(r))).toBe(true);
    // prod-deps: deps' node_modules without the dev dependencies.
    const prod = stages.find((s) => s.name === 'prod-deps');
    expect(prod?.instructions.some((i) => i.keyword === 'COPY' && i.flags['from'] === 'deps' && i.args[0] === '/src/node_modules')).toBe(true);
    expect(prod?.instructions.some((i) => i.keyword === 'RUN' && /npm prune\b.*--omit=dev/.test(i.content))).toBe(true);
  });

  it('pins every external base image to an exact version (and digest, when given)', () => {
    const names = new Set(stages.map((s) => s.name));
    // scratch is the empty image: nothing is pulled.
    const external = stages.map((s) => s.from).filter((from) => !names.has(from) && from !== 'scratch');
    expect(external.length).toBeGreaterThan(0);
    for (const image of external) {
      const [, tag = '', digest] = /^[^:@]+(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(image) ?? [];
      expect({ image, tag }).toEqual({ image, tag: expect.stringMatching(/^\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/) });
      if (image.includes('@')) expect(digest).toBeDefined();
    }
  });

  it.each(targets)('%s runs as a non-root user with an entry point (and services with a health check)', (target) => {
    const image = imageFacts(stages, target);
    expect(image.user).toBeDefined();
    expect(image.user?.split(':')[0]).not.toMatch(/^(0|root)$/);
    if (target !== 'models') expect(image.healthcheck).toBeDefined();
    expect(image.cmd?.length).toBeGreaterThan(0);
  });

  it('models: only the model files and a static busybox on an empty base, which its CMD runs', () => {
    const stage = stages.find((s) => s.name === 'models');
    expect(stage?.from).toBe('scratch');
    expect(stage?.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args)).toEqual([['/bin/busybox', '/bin/busybox'], ['models', '/models']]);
    expect(imageFacts(stages, 'models').cmd?.[0]).toBe('/bin/busybox');
  });

  it.each(SERVICES)('%s: CMD and HEALTHCHECK run files the build produces', (app) => {
    const image = imageFacts(stages, app);
    const outputs = buildOutputs();
    const builtFile = (path: string) => outputs.some((out) => path === join(out, 'main.js'));
    expect(image.cmd).toEqual(['node', ...SERVICE_NODE_ARGS[app], `dist/apps/${app}/main.js`]);
    expect(builtFile(`dist/apps/${app}/main.js`)).toBe(true);
    const check = image.healthcheck as string[];
    expect(check[0]).toBe('node');
    expect(builtFile(check[1])).toBe(true);
  });

  it('copies from the build context only files that exist in the repository', () => {
    const copies = stages.flatMap((s) => s.instructions).filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags['from']);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      for (const source of copy.args.slice(0, -1)) expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
    }
    // ADD fetches URLs and unpacks archives implicitly: COPY says what it does.
    expect(copies.filter((i) => i.keyword === 'ADD')).toEqual([]);
  });

  it('copies from the build stage only what the build writes or the repository holds', () => {
    const outputs = buildOutputs();
    const fromBuild = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'COPY' && i.flags['from'] === 'build');
    for (const copy of fromBuild) {
      const path = copy.args[0].replace(/^\/src\//, '');
      const ok = outputs.includes(path) || existsSync(join(ROOT, path));
      expect({ path, ok }).toEqual({ path, ok: true });
    }
  });

  it('needs no remote frontend and no BuildKit-only syntax', () => {
    const text = readText('docker', 'Dockerfile');
    // A parser directive only counts before the first instruction, but none belongs anywhere.
    expect(text).not.toMatch(/^#\s*(syntax|check)\s*=/im);
    const flags = stages.flatMap((s) => s.instructions).flatMap((i) => Object.keys(i.flags).map((f) => `${i.keyword} --${f}`));
    expect(flags.filter((f) => !/^(COPY --(from|chown)|FROM --platform|HEALTHCHECK --(interval|timeout|start-period|retries))$/.test(f))).toEqual([]);
    expect(text).not.toMatch(/<<-?\s*['"]?[A-Z]+/);
  });

  it('keeps build context secrets and host artifacts out (.dockerignore)', () => {
    const ignored = readText('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.git', '.env', '.nx']) expect(ignored).toContain(entry);
  });
});
