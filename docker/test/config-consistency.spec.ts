import { join } from 'node:path';
import { parseRouting } from '@logclass/cascade';
import { containerPort, readCompose, serviceEnv } from './compose-model';
import { imageFacts, parseDockerfile } from './dockerfile-model';
import { containersOf, describeRendered, kustomizeBuild, type K8sObject } from './kustomize';
import { ROOT, readText, type YamlObject } from './repo';
import {
  declaredNames,
  effectivePorts,
  loadServiceConfig,
  portSetting,
  prefixOf,
  SERVICES,
  type AnyServiceConfig,
  type ServiceName,
} from './service-configs';

/**
 * One source of truth: every variable a deployment file sets must be one the
 * service declares (apps/<app>/src/config.ts), every value must pass the
 * service's own validation, and every port must be the one the service will
 * listen on with that environment.
 */
const stages = parseDockerfile(readText('docker', 'Dockerfile'));
const imageEnv = (app: ServiceName) => imageFacts(stages, app).env;
/** Set by the runtime image for Node itself, not read by our services. */
const RUNTIME_ENV = new Set(['NODE_ENV']);

// Loaded once; a service whose config fails to load fails only its own tests.
// (Errors are kept as values: an Error from the module loader may come from another realm.)
const loaded = new Map<ServiceName, { config: AnyServiceConfig } | { error: unknown }>();
beforeAll(async () => {
  for (const app of SERVICES) {
    loaded.set(app, await loadServiceConfig(app).then((config) => ({ config }), (error: unknown) => ({ error })));
  }
});
const configs = new Proxy({} as Record<ServiceName, AnyServiceConfig>, {
  get(_target, app: ServiceName) {
    const entry = loaded.get(app);
    if (!entry) throw new Error(`${app}: config not loaded`);
    if ('error' in entry) throw entry.error;
    return entry.config;
  },
});

/** Names set but not declared by the service (should be none). */
const undeclared = (app: ServiceName, names: Iterable<string>) => [...names].filter((n) => !RUNTIME_ENV.has(n) && !declaredNames(configs[app]).has(n));

/** Loads the service's configuration from an environment exactly as the service would; throws ConfigError naming bad variables. */
const loadAs = (app: ServiceName, env: Record<string, string>) => configs[app].load(env) as Record<string, unknown>;

describe.each(SERVICES)('%s: Dockerfile target', (app) => {
  it('sets only declared variables and exposes the ports the service listens on', () => {
    const image = imageFacts(stages, app);
    expect(undeclared(app, Object.keys(image.env))).toEqual([]);
    expect(image.env[`${prefixOf(configs[app])}_HOST`]).toBe('0.0.0.0');
    expect(() => loadAs(app, image.env)).not.toThrow();
    expect([...image.exposed].sort()).toEqual(Object.values(effectivePorts(configs[app], image.env)).sort());
  });

  it("health-checks the service's own gRPC port variable and default", () => {
    const [, , variable, fallback] = imageFacts(stages, app).healthcheck as string[];
    const grpc = portSetting(configs[app], 'grpc');
    expect({ variable, fallback: Number(fallback) }).toEqual({ variable: grpc?.env, fallback: grpc?.defaultPort });
  });
});

describe('docker/compose.yaml', () => {
  const compose = readCompose();
  const envOf = (app: ServiceName) => ({ ...imageEnv(app), ...serviceEnv(compose.services[app]) });

  it.each(SERVICES)('%s: every variable is declared and the whole environment loads', (app) => {
    expect(undeclared(app, Object.keys(serviceEnv(compose.services[app])))).toEqual([]);
    expect(() => loadAs(app, envOf(app))).not.toThrow();
  });

  it("publishes the gateway's own ports and points it at each tier's gRPC port", () => {
    const ports = effectivePorts(configs.gateway, envOf('gateway'));
    const published = (compose.services.gateway.ports ?? []).map(containerPort);
    expect(published.sort()).toEqual([ports.grpc, ports.http, ports['otlp-grpc'], ports['otlp-http']].sort());

    const gateway = loadAs('gateway', envOf('gateway'));
    const tiers = gateway['tiers'] as { name: ServiceName; address: string }[];
    expect(tiers.map((t) => t.name)).toEqual(['regex', 'embedding', 'llm']);
    for (const t of tiers) expect(t.address).toBe(`${t.name}:${effectivePorts(configs[t.name], envOf(t.name)).grpc}`);
    expect(() => parseRouting(String(gateway['routing']), tiers.map((t) => t.name))).not.toThrow();
  });
});

describeRendered.each([
  ['base', join(ROOT, 'docker', 'k8s', 'base')],
  ['example overlay', join(ROOT, 'docker', 'k8s', 'overlays', 'example')],
])('Kubernetes %s', (_name, dir) => {
  const objects = kustomizeBuild(dir);
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const configMapData = (name: string) =>
    (objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name)?.['data'] ?? {}) as Record<string, string>;
  const mainContainer = (app: ServiceName) => {
    const deployment = find('Deployment', app) as K8sObject;
    return containersOf(deployment).find((c) => c['name'] === app) as YamlObject;
  };
  /** The container's environment with ConfigMap references resolved; an optional Secret counts as unset. */
  const containerEnv = (app: ServiceName): Record<string, string> => {
    const out: Record<string, string> = { ...imageEnv(app) };
    for (const e of (mainContainer(app)['env'] ?? []) as YamlObject[]) {
      const ref = (e['valueFrom'] as { configMapKeyRef?: { name: string; key: string } } | undefined)?.configMapKeyRef;
      if (ref) out[String(e['name'])] = configMapData(ref.name)[ref.key];
      else if (e['value'] !== undefined) out[String(e['name'])] = String(e['value']);
    }
    return out;
  };
  const namedPorts = (app: ServiceName) =>
    Object.fromEntries(((mainContainer(app)['ports'] ?? []) as { name: string; containerPort: number }[]).map((p) => [p.name, p.containerPort]));

  it.each(SERVICES)('%s: every variable is declared and the whole environment loads', (app) => {
    const names = ((mainContainer(app)['env'] ?? []) as YamlObject[]).map((e) => String(e['name']));
    expect(undeclared(app, names)).toEqual([]);
    expect(() => loadAs(app, containerEnv(app))).not.toThrow();
  });

  it.each(SERVICES)('%s: container ports and probes are the ports the service listens on', (app) => {
    const ports = effectivePorts(configs[app], containerEnv(app));
    expect(namedPorts(app)).toEqual(ports);
    const c = mainContainer(app);
    const probePort = (probe: unknown) => {
      const p = probe as { grpc?: { port: number }; tcpSocket?: { port: number | string }; httpGet?: { port: number | string } };
      const port = p.grpc?.port ?? p.tcpSocket?.port ?? p.httpGet?.port;
      return typeof port === 'string' ? namedPorts(app)[port] : port;
    };
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'].map((k) => c[k]).filter(Boolean)) {
      expect([ports.grpc, ports.http]).toContain(probePort(probe));
    }
  });

  it('the gateway reaches every tier through its headless Service on the tier’s gRPC port', () => {
    const gateway = loadAs('gateway', containerEnv('gateway'));
    const tiers = gateway['tiers'] as { name: ServiceName; address: string }[];
    expect(tiers.map((t) => t.name)).toEqual(['regex', 'embedding', 'llm']);
    for (const t of tiers) {
      const [, host, port] = /^dns:\/\/\/([^:/]+):(\d+)$/.exec(t.address) ?? [];
      const svc = find('Service', host)?.['spec'] as { clusterIP?: string; ports: { port: number; targetPort: string }[] } | undefined;
      expect({ tier: t.name, headless: svc?.clusterIP }).toEqual({ tier: t.name, headless: 'None' });
      const grpc = effectivePorts(configs[t.name], containerEnv(t.name)).grpc;
      expect(Number(port)).toBe(grpc);
      expect(svc?.ports.map((p) => [p.port, namedPorts(t.name)[p.targetPort]])).toEqual([[grpc, grpc]]);
    }
    expect(() => parseRouting(String(gateway['routing']), tiers.map((t) => t.name))).not.toThrow();
  });
});
