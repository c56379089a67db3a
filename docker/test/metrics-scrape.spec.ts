import { join } from 'node:path';
import { containersOf, describeRendered, kustomizeBuild, podTemplate } from './kustomize';
import { ROOT, type YamlObject } from './repo';
import { effectivePorts, loadServiceConfig, SERVICES } from './service-configs';

/**
 * Prometheus finds every pod through its prometheus.io/* annotations: the
 * annotated port must be the one the service really serves GET /metrics on
 * (its <PREFIX>_METRICS_PORT, given the container's env) and a named container port.
 */
describeRendered.each([
  ['base', join(ROOT, 'docker', 'k8s', 'base')],
  ['example overlay', join(ROOT, 'docker', 'k8s', 'overlays', 'example')],
])('Prometheus scrape annotations: %s', (_name, dir) => {
  const objects = kustomizeBuild(dir);

  it.each([...SERVICES])('%s: annotated for scraping on its metrics port', async (service) => {
    const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === service);
    if (!deployment) throw new Error(`no Deployment/${service}`);
    const annotations = ((podTemplate(deployment)?.['metadata'] as YamlObject)['annotations'] ?? {}) as Record<string, string>;
    const containers = containersOf(deployment) as Array<{ name: string; env?: Array<{ name: string; value?: string }>; ports?: Array<{ name: string; containerPort: number }> }>;
    const container = containers.find((c) => c.name === service);
    if (!container) throw new Error(`no container ${service} in Deployment/${service}`);
    const env = Object.fromEntries((container.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, String(e.value)]));
    const metricsPort = effectivePorts(await loadServiceConfig(service), env).metrics;
    expect(metricsPort).toBeDefined();
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort), 'prometheus.io/path': '/metrics' });
    expect(container.ports).toContainEqual({ name: 'metrics', containerPort: metricsPort });
  });
});
