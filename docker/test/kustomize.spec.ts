import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { containersOf, describeRendered, kustomizeBuild, podTemplate, type K8sObject } from './kustomize';
import { validateK8sObject } from './k8s-validate';
import { ROOT, readText, type YamlObject } from './repo';

const find = (objects: K8sObject[], kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name.replace(/-[a-z0-9]{10}$/, '') === name);
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o;
};
const env = (c: YamlObject) => (c['env'] ?? []) as YamlObject[];

describeRendered('the example overlay renders', () => {
  const objects = kustomizeBuild(join(ROOT, 'docker', 'k8s', 'overlays', 'example'));

  it('into valid objects, all in the overlay namespace and labelled as one instance', () => {
    for (const o of objects) {
      validateK8sObject(o);
      expect({ name: o.metadata.name, namespace: o.metadata.namespace }).toEqual({ name: o.metadata.name, namespace: 'logclass' });
      expect(o.metadata.labels).toMatchObject({ 'app.kubernetes.io/part-of': 'logclass', 'app.kubernetes.io/instance': 'logclass-example' });
    }
    const d = find(objects, 'Deployment', 'regex');
    expect((podTemplate(d)?.['metadata'] as YamlObject)['labels']).toMatchObject({ 'app.kubernetes.io/instance': 'logclass-example' });
    // Selectors are immutable on a Deployment: labels never reach them.
    expect((d['spec'] as { selector: YamlObject }).selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'regex' } });
  });

  it('with every image from the registry, init containers included', () => {
    const images = objects.flatMap(containersOf).map((c) => String(c['image']));
    expect(images.length).toBe(5);
    for (const image of images) expect(image).toMatch(/^registry\.example\.com\/logclass\/(regex|embedding|llm|gateway|models):0\.1\.0$/);
  });

  it('with the replica and HPA patches applied', () => {
    expect((find(objects, 'Deployment', 'embedding')['spec'] as YamlObject)['replicas']).toBe(3);
    expect((find(objects, 'HorizontalPodAutoscaler', 'embedding')['spec'] as YamlObject)['minReplicas']).toBe(3);
    expect((find(objects, 'Deployment', 'regex')['spec'] as YamlObject)['replicas']).toBe(2);
  });

  it('with the MiniLM model volume merged into the embedding pod, not replacing it', () => {
    const d = find(objects, 'Deployment', 'embedding');
    const spec = podTemplate(d)?.['spec'] as { volumes: YamlObject[]; initContainers: YamlObject[]; containers: YamlObject[] };
    expect(spec.volumes.map((v) => v['name']).sort()).toEqual(['models', 'tmp']);
    const [main] = spec.containers;
    expect((main['volumeMounts'] as YamlObject[]).map((m) => m['mountPath']).sort()).toEqual(['/app/models', '/tmp']);
    expect(main['readinessProbe']).toBeDefined();
    const dirs = env(main).filter((e) => String(e['name']).startsWith('EMBEDDING_MODEL'));
    expect(dirs).toHaveLength(1);
    expect(spec.initContainers[0]['volumeMounts']).toEqual([{ name: 'models', mountPath: '/target' }]);
  });

  it('without the shared store: each LLM pod its own SQLite store and the gateway none, so no review of a store it cannot reach', () => {
    const value = (service: string, name: string) => env(containersOf(find(objects, 'Deployment', service))[0]).find((e) => e['name'] === name)?.['value'];
    expect([value('llm', 'LLM_STORE'), value('gateway', 'GATEWAY_STORE')]).toEqual(['sqlite', 'none']);
  });

  it('with the routing ConfigMap replaced and referenced by its hashed name', () => {
    const cm = find(objects, 'ConfigMap', 'gateway-routing');
    const data = cm['data'] as Record<string, string>;
    expect(data['GATEWAY_ROUTING']).toBe(readText('docker', 'k8s', 'overlays', 'example', 'routing.json'));
    // kustomize names a generated ConfigMap after its content, so a new routing table rolls the gateway.
    expect(cm.metadata.name).toMatch(/^gateway-routing-[a-z0-9]{10}$/);
    const gateway = containersOf(find(objects, 'Deployment', 'gateway'))[0];
    const ref = env(gateway).find((e) => e['name'] === 'GATEWAY_ROUTING')?.['valueFrom'] as { configMapKeyRef: { name: string } };
    expect(ref.configMapKeyRef.name).toBe(cm.metadata.name);
  });
});

describeRendered('the shared-templates component', () => {
  // An overlay of the example with the component, as a user would write one (kustomize takes relative paths only).
  const dir = mkdtempSync(join(tmpdir(), 'logclass-kustomize-'));
  const from = (...parts: string[]) => relative(dir, join(ROOT, 'docker', 'k8s', ...parts));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [${from('overlays', 'example')}]\ncomponents: [${from('components', 'shared-templates')}]\n`,
  );
  const objects = kustomizeBuild(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every gateway pod its own snapshot file in one ReadWriteMany volume, and that folder as its peers', () => {
    for (const o of objects) validateK8sObject(o);
    const claim = find(objects, 'PersistentVolumeClaim', 'gateway-templates');
    expect((claim['spec'] as YamlObject)['accessModes']).toEqual(['ReadWriteMany']);
    const pod = podTemplate(find(objects, 'Deployment', 'gateway'))?.['spec'] as { volumes: YamlObject[]; containers: YamlObject[] };
    expect(pod.volumes).toContainEqual({ name: 'templates', persistentVolumeClaim: { claimName: 'gateway-templates' } });
    const [gateway] = pod.containers;
    const mount = (gateway['volumeMounts'] as YamlObject[]).find((m) => m['name'] === 'templates')?.['mountPath'];
    const vars = env(gateway);
    const at = (name: string) => vars.findIndex((e) => e['name'] === name);
    const value = (name: string) => vars[at(name)]?.['value'];
    expect(vars[at('POD_NAME')]['valueFrom']).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    // Kubernetes expands $(POD_NAME) only from variables defined before it.
    expect(at('POD_NAME')).toBeLessThan(at('GATEWAY_TEMPLATE_STATE_FILE'));
    expect(value('GATEWAY_TEMPLATE_STATE_FILE')).toBe(`${mount}/$(POD_NAME).json`);
    expect(value('GATEWAY_TEMPLATE_PEER_DIR')).toBe(mount);
    expect(vars.filter((e) => e['name'] === 'GATEWAY_TEMPLATE_STATE_FILE')).toHaveLength(1);
  });
});

/** An overlay of the example with the given components, as a user would write one (kustomize takes relative paths only). */
function overlayWith(components: string[]): { objects: K8sObject[]; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'logclass-kustomize-'));
  const from = (...parts: string[]) => relative(dir, join(ROOT, 'docker', 'k8s', ...parts));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [${from('overlays', 'example')}]\ncomponents: [${components.map((c) => from('components', c)).join(', ')}]\n`,
  );
  return { objects: kustomizeBuild(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeRendered('the shared-store component and the templates', () => {
  const storeOnly = overlayWith(['shared-store']);
  const both = overlayWith(['shared-store', 'shared-templates']);
  afterAll(() => [storeOnly, both].forEach((o) => o.remove()));
  const gatewayEnv = (objects: K8sObject[]) => env(containersOf(find(objects, 'Deployment', 'gateway'))[0]);

  it('trades template snapshots through the store\'s database, or through the folder when shared-templates is there too', () => {
    for (const o of [...storeOnly.objects, ...both.objects]) validateK8sObject(o);
    const byTable = gatewayEnv(storeOnly.objects).find((e) => e['name'] === 'GATEWAY_TEMPLATE_PEER_STORE_URL');
    expect(byTable?.['valueFrom']).toEqual({ secretKeyRef: { name: 'llm-store', key: 'LLM_STORE_URL' } });
    const names = gatewayEnv(both.objects).map((e) => e['name']);
    expect(names).toContain('GATEWAY_TEMPLATE_PEER_DIR');
    expect(names).not.toContain('GATEWAY_TEMPLATE_PEER_STORE_URL');
  });
});
