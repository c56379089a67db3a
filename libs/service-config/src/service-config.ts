import type { Setting } from './setting';

export type Settings = Record<string, Setting<unknown>>;
export type ConfigOf<S extends Settings> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Every problem found in one place (a service's settings, a rules file), one a line under a heading. */
export class ProblemsError extends Error {
  constructor(
    heading: string,
    readonly problems: readonly string[],
  ) {
    super(`${heading}:\n  ${problems.join('\n  ')}`);
  }
}

/** A bad configuration: names every offending variable. Services print it and exit. */
export class ConfigError extends ProblemsError {
  override readonly name = 'ConfigError';
  constructor(readonly service: string, problems: readonly string[]) {
    super(`invalid configuration for ${service}`, problems);
  }
}

export interface ServiceConfig<S extends Settings> {
  readonly service: string;
  readonly settings: S;
  /** Read and validate every setting; throws ConfigError naming each bad variable. */
  load(env?: NodeJS.ProcessEnv): ConfigOf<S>;
}

export function defineServiceConfig<S extends Settings>(service: string, settings: S): ServiceConfig<S> {
  const names = new Set<string>();
  for (const s of Object.values(settings)) {
    for (const name of [s.env, ...s.aliases]) {
      if (names.has(name)) throw new Error(`${service}: environment variable ${name} declared twice`);
      names.add(name);
    }
  }
  return {
    service,
    settings,
    load(env = process.env) {
      const out: Record<string, unknown> = {};
      const problems: string[] = [];
      for (const [key, s] of Object.entries(settings)) {
        const from = [s.env, ...s.aliases].find((name) => env[name] !== undefined && env[name] !== '');
        const raw = from ? env[from] : s.defaultText;
        if (raw === undefined) {
          const parsed = s.schema.safeParse('');
          if (parsed.success) {
            out[key] = parsed.data;
            continue;
          }
          problems.push(`${s.env} is required: ${s.description}`);
          continue;
        }
        const parsed = s.schema.safeParse(raw);
        if (parsed.success) {
          out[key] = parsed.data;
        } else {
          const shown = s.secret ? '<redacted>' : JSON.stringify(raw);
          const why = parsed.error.issues.map((i) => i.message).join('; ');
          problems.push(`${from ?? s.env}=${shown}: ${why}`);
        }
      }
      if (problems.length > 0) throw new ConfigError(service, problems);
      return out as ConfigOf<S>;
    },
  };
}

/** The README's configuration table for one service, rendered from its schema. */
export function renderConfigTable(config: ServiceConfig<Settings>): string {
  const rows = Object.values(config.settings).map((s) => {
    const name = [s.env, ...s.aliases].map((n) => `\`${n}\``).join(' / ');
    const def = s.defaultText === undefined ? '—' : s.defaultText === '' ? '(empty)' : `\`${s.defaultText}\``;
    return `| ${name} | ${def} | ${s.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
