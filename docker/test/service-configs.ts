import { join } from 'node:path';
import type { ServiceConfig, Settings } from '@logclass/service-config';
import { ROOT } from './repo';

/**
 * The services' own configuration schemas, the single source of truth the
 * deployment files are checked against. Loaded from apps/<app>/src/config.ts
 * at test time by path: the deploy project reads the apps' schemas without
 * a compile-time dependency on the apps (apps are leaves of the graph).
 */
export const SERVICES = ['gateway', 'regex', 'embedding', 'llm'] as const;
export type ServiceName = (typeof SERVICES)[number];

export type AnyServiceConfig = ServiceConfig<Settings>;

export async function loadServiceConfig(app: ServiceName): Promise<AnyServiceConfig> {
  const mod = (await import(join(ROOT, 'apps', app, 'src', 'config'))) as { config?: AnyServiceConfig };
  if (!mod.config?.settings) throw new Error(`apps/${app}/src/config.ts does not export a defineServiceConfig() config`);
  return mod.config;
}

/** Every variable name the service reads (settings and their aliases). */
export function declaredNames(config: AnyServiceConfig): Set<string> {
  return new Set(Object.values(config.settings).flatMap((s) => [s.env, ...s.aliases]));
}

export type PortKind = 'grpc' | 'http' | 'metrics' | 'otlp-grpc' | 'otlp-http';
const PORT_SUFFIX: Record<PortKind, string> = { grpc: '_GRPC_PORT', http: '_HTTP_PORT', metrics: '_METRICS_PORT', 'otlp-grpc': '_OTLP_GRPC_PORT', 'otlp-http': '_OTLP_HTTP_PORT' };

/** The service's port setting of one kind (e.g. REGEX_GRPC_PORT; GATEWAY_OTLP_GRPC_PORT is of kind otlp-grpc, not grpc), if it has one. */
export function portSetting(config: AnyServiceConfig, kind: PortKind): { env: string; defaultPort: number } | undefined {
  const otlp = kind.startsWith('otlp-');
  const s = Object.values(config.settings).find((x) => x.env.endsWith(PORT_SUFFIX[kind]) && (otlp || !x.env.includes('_OTLP_')));
  return s ? { env: s.env, defaultPort: Number(s.defaultText) } : undefined;
}

/** The ports the service listens on given an environment: explicit values win over defaults. */
export function effectivePorts(config: AnyServiceConfig, env: Record<string, string | undefined>): Partial<Record<PortKind, number>> {
  const out: Partial<Record<PortKind, number>> = {};
  for (const kind of Object.keys(PORT_SUFFIX) as PortKind[]) {
    const s = portSetting(config, kind);
    if (!s) continue;
    const port = Number(env[s.env] || s.defaultPort);
    if (port >= 0) out[kind] = port; // -1 turns metrics off
  }
  return out;
}

/** The service's variable prefix, e.g. REGEX from REGEX_GRPC_PORT. */
export function prefixOf(config: AnyServiceConfig): string {
  const grpc = portSetting(config, 'grpc');
  if (!grpc) throw new Error(`${config.service} has no *_GRPC_PORT setting`);
  return grpc.env.slice(0, -PORT_SUFFIX.grpc.length);
}
