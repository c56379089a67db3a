import { join } from 'node:path';
import { containersOf, describeRendered, kustomizeBuild, podTemplate, type K8sObject } from './kustomize';
import { ROOT, type YamlObject } from './repo';

/**
 * What stands between callers and the tiers in the rendered manifests: the API key
 * (Secret tier-api-key, in every rendering), NetworkPolicies (only the gateway
 * reaches a tier), mutual TLS (the tier-tls component, in the production overlay),
 * LLM autoscaling and images pinned by digest (production overlay).
 */
const K8S = join(ROOT, 'docker', 'k8s');
const TIERS = [
  { name: 'regex', prefix: 'REGEX', port: 50051 },
  { name: 'embedding', prefix: 'EMBEDDING', port: 50052 },
  { name: 'llm', prefix: 'LLM', port: 50053 },
];

type Labels = Record<string, string>;
type Selector = { matchLabels?: Labels; matchExpressions?: unknown[] };
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: unknown;
}
interface Rule {
  from?: Peer[];
  ports?: { port?: string | number; protocol?: string }[];
}
interface Pod {
  labels: Labels;
  namespace: string;
  namespaceLabels?: Labels;
  ports?: { name: string; containerPort: number }[];
}

const deployment = (objects: K8sObject[], name: string) => {
  const d = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
  if (!d) throw new Error(`no Deployment/${name}`);
  return d;
};
const mainContainer = (objects: K8sObject[], name: string) => containersOf(deployment(objects, name)).find((c) => c['name'] === name) as YamlObject;
const envOf = (c: YamlObject) => (c['env'] ?? []) as YamlObject[];
const envNamed = (c: YamlObject, name: string) => envOf(c).find((e) => e['name'] === name);

function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  if (selector.matchExpressions?.length) throw new Error('matchExpressions: not evaluated by this spec');
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** Kubernetes' ingress NetworkPolicy semantics for one connection (matchLabels selectors, TCP). */
function ingressAllowed(policies: K8sObject[], source: Pod, dest: Pod, port: string): boolean {
  const portNumber = dest.ports?.find((p) => p.name === port)?.containerPort;
  if (portNumber === undefined) throw new Error(`destination has no port ${port}`);
  const applying = policies.filter((p) => {
    const spec = p['spec'] as { podSelector: Selector; policyTypes?: string[] };
    return (p.metadata.namespace ?? 'default') === dest.namespace && selects(spec.podSelector, dest.labels) && (spec.policyTypes ?? ['Ingress']).includes('Ingress');
  });
  if (applying.length === 0) return true;
  return applying.some((p) => {
    const ns = p.metadata.namespace ?? 'default';
    return ((p['spec'] as { ingress?: Rule[] }).ingress ?? []).some((rule) => {
      const peerOk =
        !rule.from ||
        rule.from.some((peer) => {
          if (peer.ipBlock) return false;
          const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, source.namespaceLabels ?? {}) : source.namespace === ns;
          return nsOk && selects(peer.podSelector, source.labels);
        });
      const portOk = !rule.ports || rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port || p.port === portNumber));
      return peerOk && portOk;
    });
  });
}

describeRendered.each([
  ['base', join(K8S, 'base')],
  ['example overlay', join(K8S, 'overlays', 'example')],
  ['production overlay', join(K8S, 'overlays', 'production')],
])('Kubernetes security wiring: %s', (_name, dir) => {
  const objects = kustomizeBuild(dir);
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const podOf = (name: string): Pod => {
    const d = deployment(objects, name);
    return {
      labels: ((podTemplate(d)?.['metadata'] as YamlObject)['labels'] ?? {}) as Labels,
      namespace: d.metadata.namespace ?? 'default',
      ports: mainContainer(objects, name)['ports'] as Pod['ports'],
    };
  };

  it.each(TIERS)('$name requires the API key the gateway sends, both from the optional Secret tier-api-key', ({ name, prefix }) => {
    const ref = { valueFrom: { secretKeyRef: { name: 'tier-api-key', key: 'API_KEY', optional: true } } };
    expect(envNamed(mainContainer(objects, name), `${prefix}_API_KEYS`)).toMatchObject(ref);
    expect(envNamed(mainContainer(objects, 'gateway'), 'GATEWAY_TIER_API_KEY')).toMatchObject(ref);
  });

  it.each(TIERS)('$name takes gRPC calls from the gateway only, and metrics scrapes from Prometheus only', ({ name }) => {
    const tier = podOf(name);
    const gateway = podOf('gateway');
    expect(ingressAllowed(policies, gateway, tier, 'grpc')).toBe(true);
    for (const other of TIERS.filter((t) => t.name !== name)) expect({ from: other.name, allowed: ingressAllowed(policies, podOf(other.name), tier, 'grpc') }).toEqual({ from: other.name, allowed: false });
    const stranger: Pod = { labels: { app: 'debug-shell' }, namespace: tier.namespace };
    expect(ingressAllowed(policies, stranger, tier, 'grpc')).toBe(false);
    // A pod labelled like the gateway in another namespace is not the gateway.
    expect(ingressAllowed(policies, { ...gateway, namespace: 'elsewhere' }, tier, 'grpc')).toBe(false);
    const prometheus: Pod = { labels: { 'app.kubernetes.io/name': 'prometheus' }, namespace: 'monitoring', namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' } };
    expect(ingressAllowed(policies, prometheus, tier, 'metrics')).toBe(true);
    expect(ingressAllowed(policies, prometheus, tier, 'grpc')).toBe(false);
    expect(ingressAllowed(policies, stranger, tier, 'metrics')).toBe(false);
  });

  it('leaves the gateway reachable by its callers', () => {
    expect(ingressAllowed(policies, { labels: { app: 'a-client' }, namespace: 'elsewhere' }, podOf('gateway'), 'http')).toBe(true);
  });
});

describeRendered('Kubernetes production overlay', () => {
  const objects = kustomizeBuild(join(K8S, 'overlays', 'production'));

  /** The file an env var names, resolved to the Secret volume mounted over it and the key it reads. */
  const secretFile = (workload: string, container: YamlObject, variable: string) => {
    const path = String(envNamed(container, variable)?.['value'] ?? '');
    const mount = ((container['volumeMounts'] ?? []) as YamlObject[]).find((m) => path.startsWith(`${m['mountPath']}/`));
    const volumes = (podTemplate(deployment(objects, workload))?.['spec'] as { volumes: YamlObject[] }).volumes;
    const volume = volumes.find((v) => v['name'] === mount?.['name']) as { secret?: { secretName: string } } | undefined;
    return { variable, secret: volume?.secret?.secretName, key: path.slice(String(mount?.['mountPath']).length + 1), readOnly: mount?.['readOnly'] };
  };

  it.each(TIERS)('$name serves mutual TLS from its Secret $name-tls', ({ name, prefix }) => {
    const c = mainContainer(objects, name);
    expect([`${prefix}_TLS_CERT_FILE`, `${prefix}_TLS_KEY_FILE`, `${prefix}_TLS_CLIENT_CA_FILE`].map((v) => secretFile(name, c, v))).toEqual([
      { variable: `${prefix}_TLS_CERT_FILE`, secret: `${name}-tls`, key: 'tls.crt', readOnly: true },
      { variable: `${prefix}_TLS_KEY_FILE`, secret: `${name}-tls`, key: 'tls.key', readOnly: true },
      { variable: `${prefix}_TLS_CLIENT_CA_FILE`, secret: `${name}-tls`, key: 'ca.crt', readOnly: true },
    ]);
  });

  it('the gateway calls the tiers over TLS, verifying them and presenting its certificate from gateway-tls', () => {
    const c = mainContainer(objects, 'gateway');
    expect(['GATEWAY_TIER_TLS_CA_FILE', 'GATEWAY_TIER_TLS_CERT_FILE', 'GATEWAY_TIER_TLS_KEY_FILE'].map((v) => secretFile('gateway', c, v))).toEqual([
      { variable: 'GATEWAY_TIER_TLS_CA_FILE', secret: 'gateway-tls', key: 'ca.crt', readOnly: true },
      { variable: 'GATEWAY_TIER_TLS_CERT_FILE', secret: 'gateway-tls', key: 'tls.crt', readOnly: true },
      { variable: 'GATEWAY_TIER_TLS_KEY_FILE', secret: 'gateway-tls', key: 'tls.key', readOnly: true },
    ]);
  });

  it.each(TIERS)('$name is probed with the image health check over TLS (native gRPC probes cannot speak TLS), on its own port', ({ name, prefix, port }) => {
    const c = mainContainer(objects, name);
    for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      const probe = c[kind] as YamlObject | undefined;
      if (!probe) continue;
      // One handler per probe: a merge that kept the grpc one beside exec would be refused by the API server.
      const handlers = ['grpc', 'exec', 'httpGet', 'tcpSocket'].filter((h) => h in probe);
      expect({ kind, handlers }).toEqual({ kind, handlers: [handlers[0]] });
      expect({ kind, grpc: probe['grpc'] }).toEqual({ kind, grpc: undefined });
      if (probe['exec']) {
        const [node, script, variable, defaultPort] = (probe['exec'] as { command: string[] }).command;
        expect([node, script, variable, defaultPort]).toEqual(['node', '/app/dist/docker/healthcheck/main.js', `${prefix}_GRPC_PORT`, String(port)]);
        expect((c['ports'] as { name: string; containerPort: number }[]).find((p) => p.name === 'grpc')?.containerPort).toBe(port);
      }
    }
  });

  it('gives the LLM replicas and the gateway one PostgreSQL store from the Secret llm-store, where corrections go', () => {
    const storeOf = (c: YamlObject, prefix: string) => ({
      backend: envNamed(c, `${prefix}_STORE`)?.['value'],
      url: (envNamed(c, `${prefix}_STORE_URL`)?.['valueFrom'] as { secretKeyRef?: YamlObject } | undefined)?.secretKeyRef,
    });
    const expected = { backend: 'postgres', url: { name: 'llm-store', key: 'LLM_STORE_URL' } };
    expect(storeOf(mainContainer(objects, 'llm'), 'LLM')).toEqual(expected);
    expect(storeOf(mainContainer(objects, 'gateway'), 'GATEWAY')).toEqual(expected);
  });

  it('autoscales the LLM tier on its queued work per pod, not CPU, within a fixed ceiling', () => {
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'llm')?.['spec'] as {
      scaleTargetRef: { name: string };
      maxReplicas: number;
      metrics: { type: string; pods?: { metric: { name: string } } }[];
    };
    expect(hpa.scaleTargetRef.name).toBe('llm');
    expect(hpa.metrics.map((m) => [m.type, m.pods?.metric.name])).toEqual([['Pods', 'logclass_llm_batches']]);
    expect(hpa.maxReplicas).toBeGreaterThanOrEqual((deployment(objects, 'llm')['spec'] as { replicas: number }).replicas);
  });

  it('pins every image, init containers included, by digest and nothing else', () => {
    const images = objects.flatMap(containersOf).map((c) => String(c['image']));
    expect(images).toHaveLength(5);
    for (const image of images) expect(image).toMatch(/^registry\.example\.com\/logclass\/(regex|embedding|llm|gateway|models)@sha256:[0-9a-f]{64}$/);
  });
});
