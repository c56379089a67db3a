import { composeEnv, composeService, containerEnv, imageOf, K8S_DIRS, kustomizeBuild, podSpec } from './deployed-env';
import { describeRendered } from './kustomize';
import { loadServiceConfig, SERVICES, type AnyServiceConfig, type ServiceName } from './service-configs';

/**
 * On SIGTERM a service drains for its <PREFIX>_SHUTDOWN_GRACE_MS, then closes
 * (cancels, closes its tiers or store, writes its snapshot) and exits. The
 * platform kills it when its stop timeout runs out: that timeout must hold
 * the grace and the closing, or `docker stop` under load is a SIGKILL.
 */
const CLOSING_MS = 3_000;
/** `docker stop` and `docker run` containers without --stop-timeout. */
const DOCKER_DEFAULT_STOP_MS = 10_000;
/** A pod without terminationGracePeriodSeconds. */
const KUBERNETES_DEFAULT_GRACE_S = 30;

const configs = new Map<ServiceName, AnyServiceConfig>();
beforeAll(async () => {
  for (const app of SERVICES) configs.set(app, await loadServiceConfig(app));
});
const graceMs = (app: ServiceName, env: Record<string, string>) => (configs.get(app)?.load(env) as { shutdownGraceMs: number }).shutdownGraceMs;

/** Compose durations as this file writes them: 15s, 1m30s, 500ms. */
function durationMs(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a compose duration: ${text}`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

describe('shutdown grace inside the stop timeout', () => {
  it.each(SERVICES)("%s: the image's default fits in Docker's default stop timeout (10 s)", (app) => {
    expect(graceMs(app, imageOf(app).env) + CLOSING_MS).toBeLessThanOrEqual(DOCKER_DEFAULT_STOP_MS);
  });

  it.each(SERVICES)('%s: compose stop_grace_period holds the grace and the closing', (app) => {
    const period = composeService(app)['stop_grace_period'];
    const stopMs = typeof period === 'string' ? durationMs(period) : DOCKER_DEFAULT_STOP_MS;
    expect(graceMs(app, composeEnv(app)) + CLOSING_MS).toBeLessThanOrEqual(stopMs);
  });

  it('reads compose durations as compose does', () => {
    expect(durationMs('15s')).toBe(15_000);
    expect(durationMs('1m30s')).toBe(90_000);
    expect(() => durationMs('15')).toThrow();
  });
});

describeRendered.each(K8S_DIRS)('Kubernetes %s: shutdown grace inside terminationGracePeriodSeconds', (_name, dir) => {
  const objects = kustomizeBuild(dir);

  it.each(SERVICES)('%s', (app) => {
    const seconds = podSpec(objects, app)['terminationGracePeriodSeconds'];
    const stopMs = 1000 * (typeof seconds === 'number' ? seconds : KUBERNETES_DEFAULT_GRACE_S);
    expect(graceMs(app, containerEnv(objects, app)) + CLOSING_MS).toBeLessThanOrEqual(stopMs);
  });
});
