import { posix } from 'node:path';
import { composeEnv, composeService, containerEnv, imageOf, K8S_DIRS, kustomizeBuild, mainContainer, podSpec } from './deployed-env';
import { describeRendered } from './kustomize';
import { readCompose } from './compose-model';
import { loadServiceConfig, SERVICES, type AnyServiceConfig, type ServiceName } from './service-configs';
import type { YamlObject } from './repo';

/**
 * The root filesystem is read-only everywhere (compose read_only,
 * readOnlyRootFilesystem): every file a service writes must lie on a
 * writable mount, or the request that writes it fails (POST /feedback
 * answered 500 in every container, the LLM tier with a key could not open its store).
 */
const IN_MEMORY = 'none';
const WRITTEN: Record<ServiceName, (cfg: Record<string, unknown>) => unknown[]> = {
  gateway: (c) => [c['feedbackFile'], c['templateStateFile']],
  llm: (c) => (c['store'] === 'sqlite' ? [c['storeFile']] : []),
  regex: () => [],
  embedding: () => [],
};

const configs = new Map<ServiceName, AnyServiceConfig>();
beforeAll(async () => {
  for (const app of SERVICES) configs.set(app, await loadServiceConfig(app));
});

/** Absolute paths of the files the service writes with this environment (relative ones resolve against the image's WORKDIR). */
function writtenFiles(app: ServiceName, env: Record<string, string>): string[] {
  const cfg = configs.get(app)?.load(env) as Record<string, unknown>;
  const workdir = imageOf(app).workdir ?? '/';
  return WRITTEN[app](cfg)
    .filter((f): f is string => typeof f === 'string' && f !== IN_MEMORY)
    .map((f) => posix.resolve(workdir, f));
}

const under = (file: string, dir: string) => file.startsWith(`${dir.replace(/\/$/, '')}/`);

describe('docker/compose.yaml: files the services write', () => {
  const compose = readCompose();

  it.each(SERVICES)('%s: on a writable volume or tmpfs', (app) => {
    const service = composeService(app);
    const tmpfs = ([] as string[]).concat((service['tmpfs'] as string[] | string | undefined) ?? []);
    const volumes = (service.volumes ?? []).map((v) => v.split(':')).filter(([, , mode]) => !mode?.split(',').includes('ro'));
    const writable = [...tmpfs, ...volumes.map(([, target]) => target)];
    for (const file of writtenFiles(app, composeEnv(app))) expect({ file, writable: writable.some((dir) => under(file, dir)) }).toEqual({ file, writable: true });
    // Named volumes are declared (compose would refuse the file otherwise).
    for (const [source] of volumes) if (!source.startsWith('.') && !source.startsWith('/') && !source.startsWith('$')) expect(Object.keys(compose['volumes'] ?? {})).toContain(source);
  });

  it('the gateway keeps corrections and templates on a volume', () => {
    expect(writtenFiles('gateway', composeEnv('gateway'))).toEqual(['/app/data/corrections.csv', '/app/data/templates.json']);
  });
});

describeRendered.each(K8S_DIRS)('Kubernetes %s: files the services write', (_name, dir) => {
  const objects = kustomizeBuild(dir);

  it.each(SERVICES)('%s: on a writable emptyDir or PersistentVolumeClaim', (app) => {
    const volumes = (podSpec(objects, app)['volumes'] ?? []) as YamlObject[];
    const writable = ((mainContainer(objects, app)['volumeMounts'] ?? []) as YamlObject[])
      .filter((m) => m['readOnly'] !== true)
      .filter((m) => {
        const v = volumes.find((x) => x['name'] === m['name']);
        return v !== undefined && (v['emptyDir'] !== undefined || v['persistentVolumeClaim'] !== undefined);
      })
      .map((m) => String(m['mountPath']));
    for (const file of writtenFiles(app, containerEnv(objects, app))) expect({ file, writable: writable.some((d) => under(file, d)) }).toEqual({ file, writable: true });
  });

  it('the gateway writes corrections to its data volume', () => {
    expect(writtenFiles('gateway', containerEnv(objects, 'gateway'))).toEqual(['/app/data/corrections.csv']);
  });
});
