import { join } from 'node:path';
import { containersOf, describeRendered, kustomizeBuild, podTemplate, type K8sObject } from './kustomize';
import { validateK8sObject } from './k8s-validate';
import { ROOT, readText, type YamlObject } from './repo';

const K8S = join(ROOT, 'docker', 'k8s');
const TIERS = ['regex', 'embedding', 'llm'];
const HEALTH_SERVICE = 'logclass.v1.LogClassifier';

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const find = (objects: K8sObject[], kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o;
};
const podSpec = (o: K8sObject) => podTemplate(o)?.['spec'] as YamlObject;
const podLabels = (o: K8sObject) => ((podTemplate(o)?.['metadata'] as YamlObject)['labels'] ?? {}) as Record<string, string>;
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

describeRendered.each([
  ['base', join(K8S, 'base'), ['embedding', 'gateway', 'regex']],
  ['example overlay', join(K8S, 'overlays', 'example'), ['embedding', 'gateway', 'regex']],
  // + the llm-autoscaling component
  ['production overlay', join(K8S, 'overlays', 'production'), ['embedding', 'gateway', 'llm', 'regex']],
])('Kubernetes manifests: %s', (_name, dir, autoscaled) => {
  const objects = kustomizeBuild(dir);
  const deployments = byKind(objects, 'Deployment');

  it('every object is valid against the Kubernetes schema', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(() => validateK8sObject(o)).not.toThrow();
  });

  it('has a Deployment and a PodDisruptionBudget per tier and the gateway; HPAs for the CPU-bound ones (and the LLM tier where asked)', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['embedding', 'gateway', 'llm', 'regex']);
    for (const d of deployments) {
      const pdb = byKind(objects, 'PodDisruptionBudget').find((p) => matches((p['spec'] as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, podLabels(d)));
      expect({ deployment: d.metadata.name, pdb: pdb?.metadata.name }).toEqual({ deployment: d.metadata.name, pdb: d.metadata.name });
    }
    const scaled = byKind(objects, 'HorizontalPodAutoscaler').map((h) => (h['spec'] as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
    expect(scaled.sort()).toEqual(autoscaled);
  });

  it('puts every tier behind a headless Service selecting its pods', () => {
    for (const tier of TIERS) {
      const svc = find(objects, 'Service', `${tier}-headless`)['spec'] as { clusterIP: string; selector: Record<string, string> };
      expect(svc.clusterIP).toBe('None');
      expect(matches(svc.selector, podLabels(find(objects, 'Deployment', tier)))).toBe(true);
    }
  });

  it.each(['regex', 'embedding', 'llm', 'gateway'])('%s: restrictive security context, resources, /tmp on an emptyDir', (name) => {
    const d = find(objects, 'Deployment', name);
    const spec = podSpec(d) as { securityContext: YamlObject; volumes: YamlObject[]; automountServiceAccountToken: boolean; enableServiceLinks: boolean };
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(spec.automountServiceAccountToken).toBe(false);
    // Service links inject <SERVICE>_PORT-style variables: a Service named gateway-grpc
    // would set GATEWAY_GRPC_PORT=tcp://... and the gateway would refuse to start.
    expect(spec.enableServiceLinks).toBe(false);
    for (const c of containersOf(d)) {
      expect(c['securityContext']).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      const resources = c['resources'] as { requests: YamlObject; limits: YamlObject };
      expect(Object.keys(resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(resources.limits).sort()).toEqual(['cpu', 'memory']);
    }
    const main = containersOf(d).find((c) => c['name'] === name) as YamlObject;
    const tmp = (main['volumeMounts'] as YamlObject[]).find((m) => m['mountPath'] === '/tmp');
    expect(spec.volumes.find((v) => v['name'] === tmp?.['name'])?.['emptyDir']).toBeDefined();
  });

  it.each(TIERS)('%s: gRPC readiness probe on the contract service (native, or the image health check where TLS is on); liveness probe present', (tier) => {
    const main = containersOf(find(objects, 'Deployment', tier)).find((c) => c['name'] === tier) as YamlObject;
    const readiness = main['readinessProbe'] as { grpc?: { service: string }; exec?: { command: string[] } };
    if (readiness.exec) expect(readiness.exec.command.at(-1)).toBe(HEALTH_SERVICE);
    else expect(readiness).toMatchObject({ grpc: { service: HEALTH_SERVICE } });
    expect(main['livenessProbe']).toBeDefined();
  });

  it('the gateway probes /readyz for readiness and gRPC health for liveness', () => {
    const main = containersOf(find(objects, 'Deployment', 'gateway'))[0];
    expect(main['readinessProbe']).toMatchObject({ httpGet: { path: '/readyz' } });
    expect(main['livenessProbe']).toMatchObject({ grpc: {} });
  });

  it('takes the Groq key from an optional Secret', () => {
    const llm = containersOf(find(objects, 'Deployment', 'llm'))[0];
    const key = (llm['env'] as YamlObject[]).find((e) => e['name'] === 'GROQ_API_KEY');
    expect(key).toMatchObject({ valueFrom: { secretKeyRef: { optional: true } } });
    expect(key?.['value']).toBeUndefined();
  });

  it('mounts the regex rules ConfigMap where REGEX_RULES_FILE points', () => {
    const d = find(objects, 'Deployment', 'regex');
    const main = containersOf(d)[0];
    const file = String((main['env'] as YamlObject[]).find((e) => e['name'] === 'REGEX_RULES_FILE')?.['value']);
    const mount = (main['volumeMounts'] as YamlObject[]).find((m) => file.startsWith(`${m['mountPath']}/`)) as YamlObject;
    const volume = (podSpec(d)['volumes'] as YamlObject[]).find((v) => v['name'] === mount['name']) as { configMap: { name: string } };
    const cm = find(objects, 'ConfigMap', volume.configMap.name);
    expect(Object.keys(cm['data'] as YamlObject)).toContain(file.slice(String(mount['mountPath']).length + 1));
  });
});

describe('the rules ConfigMap source', () => {
  it('is an exact copy of the shipped rules (kustomize cannot read outside docker/k8s)', () => {
    expect(readText('docker', 'k8s', 'base', 'regex-rules', 'default-rules.yaml')).toBe(readText('libs', 'regex-tier', 'rules', 'default-rules.yaml'));
  });
});
