import { z } from 'zod';

/**
 * One environment variable of a service: its name, what it means, its
 * default, and how its text becomes a typed value. Services declare their
 * settings with these builders; the README's configuration tables are
 * rendered from the same declarations.
 */
export interface Setting<T> {
  readonly env: string;
  /** Other variable names read when `env` is unset (e.g. the standard GROQ_API_KEY). */
  readonly aliases: readonly string[];
  readonly description: string;
  /** The default as a user would write it; undefined = required or optional-without-default. */
  readonly defaultText: string | undefined;
  /** A value that must never be printed (API keys). */
  readonly secret: boolean;
  readonly schema: z.ZodType<T>;
}

interface Options {
  aliases?: string[];
  secret?: boolean;
}

function make<T>(env: string, defaultText: string | undefined, description: string, schema: z.ZodType<T>, opts: Options = {}): Setting<T> {
  return { env, aliases: opts.aliases ?? [], description, defaultText, secret: opts.secret ?? false, schema };
}

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `expected an integer between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected an integer between ${min} and ${max}`).max(max, `expected an integer between ${min} and ${max}`));

export const setting = {
  string(env: string, def: string, description: string, opts?: Options): Setting<string> {
    return make(env, def, description, z.string().trim().min(1, 'must not be empty'), opts);
  },

  /** Unset or empty means undefined (e.g. an API key that may be absent). */
  optionalString(env: string, description: string, opts?: Options): Setting<string | undefined> {
    return make(env, undefined, description, z.string().trim().optional().transform((v) => (v ? v : undefined)), opts);
  },

  int(env: string, def: number, description: string, range: { min?: number; max?: number } = {}, opts?: Options): Setting<number> {
    return make(env, String(def), description, integer(range.min ?? 0, range.max ?? Number.MAX_SAFE_INTEGER), opts);
  },

  port(env: string, def: number, description: string): Setting<number> {
    return make(env, String(def), description, integer(0, 65535));
  },

  number(env: string, def: number, description: string, range: { min?: number; max?: number } = {}, opts?: Options): Setting<number> {
    const min = range.min ?? -Infinity;
    const max = range.max ?? Infinity;
    const msg = `expected a number between ${min} and ${max}`;
    return make(
      env,
      String(def),
      description,
      z.string().trim().min(1, msg).transform(Number).pipe(z.number({ error: msg }).min(min, msg).max(max, msg)),
      opts,
    );
  },

  boolean(env: string, def: boolean, description: string): Setting<boolean> {
    return make(
      env,
      String(def),
      description,
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' }))
        .transform((v) => v === 'true' || v === '1' || v === 'yes'),
    );
  },

  oneOf<const V extends readonly [string, ...string[]]>(env: string, values: V, def: V[number], description: string): Setting<V[number]> {
    return make(env, def, `${description} One of: ${values.join(', ')}.`, z.string().trim().pipe(z.enum(values, { error: `expected one of ${values.join(', ')}` })) as z.ZodType<V[number]>);
  },

  /** Comma-separated list; empty items dropped. */
  list(env: string, def: readonly string[], description: string, opts?: Options): Setting<string[]> {
    return make(
      env,
      def.join(','),
      description,
      z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
      opts,
    );
  },

  /** A setting with its own parser (e.g. a tier list); throw an Error with a message to reject. */
  custom<T>(env: string, def: string | undefined, description: string, parse: (raw: string) => T, opts?: Options): Setting<T> {
    return make(
      env,
      def,
      description,
      z.string().transform((raw, ctx) => {
        try {
          return parse(raw);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }) as unknown as z.ZodType<T>,
      opts,
    );
  },
};
