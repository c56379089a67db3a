import { join } from 'node:path';
import { readCompose, serviceEnv, type ComposeService } from './compose-model';
import { imageFacts, parseDockerfile } from './dockerfile-model';
import { containersOf, kustomizeBuild, podTemplate, type K8sObject } from './kustomize';
import { ROOT, readText, type YamlObject } from './repo';
import type { ServiceName } from './service-configs';

/**
 * Each service as each platform runs it: the environment it starts with (image
 * ENV, then compose's or the container's), and what the platform around it
 * holds (stop timeout, mounts). Shared by the specs that compare the two.
 */
const stages = parseDockerfile(readText('docker', 'Dockerfile'));

export const imageOf = (app: ServiceName) => imageFacts(stages, app);

export const K8S_DIRS: [string, string][] = [
  ['base', join(ROOT, 'docker', 'k8s', 'base')],
  ['example overlay', join(ROOT, 'docker', 'k8s', 'overlays', 'example')],
];

export function composeService(app: ServiceName): ComposeService & YamlObject {
  return readCompose().services[app] as ComposeService & YamlObject;
}

export function composeEnv(app: ServiceName): Record<string, string> {
  return { ...imageOf(app).env, ...serviceEnv(composeService(app)) };
}

export function deployment(objects: K8sObject[], app: ServiceName): K8sObject {
  const d = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === app);
  if (!d) throw new Error(`no Deployment/${app}`);
  return d;
}

export function mainContainer(objects: K8sObject[], app: ServiceName): YamlObject {
  const c = containersOf(deployment(objects, app)).find((x) => x['name'] === app);
  if (!c) throw new Error(`no container ${app} in Deployment/${app}`);
  return c;
}

export function podSpec(objects: K8sObject[], app: ServiceName): YamlObject {
  return podTemplate(deployment(objects, app))?.['spec'] as YamlObject;
}

/** The container's plain `value` variables over the image's ENV (references to ConfigMaps and Secrets left out). */
export function containerEnv(objects: K8sObject[], app: ServiceName): Record<string, string> {
  const out: Record<string, string> = { ...imageOf(app).env };
  for (const e of (mainContainer(objects, app)['env'] ?? []) as YamlObject[]) {
    if (e['value'] !== undefined) out[String(e['name'])] = String(e['value']);
  }
  return out;
}

export { kustomizeBuild };
