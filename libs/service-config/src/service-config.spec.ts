import { ConfigError, defineServiceConfig, renderConfigTable, serverSettings, setting } from './index';

const config = defineServiceConfig('demo', {
  ...serverSettings('DEMO', 50099),
  ratio: setting.number('DEMO_RATIO', 0.5, 'A ratio.', { min: 0, max: 1 }),
  verbose: setting.boolean('DEMO_VERBOSE', false, 'Talk more.'),
  apiKey: setting.optionalString('DEMO_API_KEY', 'Key.', { aliases: ['STANDARD_KEY'], secret: true }),
  tiers: setting.custom('DEMO_TIERS', 'a=1', 'Pairs.', (raw) =>
    raw.split(',').map((p) => {
      const [k, v] = p.split('=');
      if (!v) throw new Error(`"${p}" is not name=value`);
      return { k, v };
    }),
  ),
});

describe('service config', () => {
  it('applies defaults and types', () => {
    const c = config.load({});
    expect(c.grpcPort).toBe(50099);
    expect(c.host).toBe('127.0.0.1');
    expect(c.ratio).toBe(0.5);
    expect(c.verbose).toBe(false);
    expect(c.apiKey).toBeUndefined();
    expect(c.tiers).toEqual([{ k: 'a', v: '1' }]);
    expect(c.logLevel).toBe('info');
  });

  it('reads values and standard aliases', () => {
    const c = config.load({ DEMO_GRPC_PORT: '0', DEMO_VERBOSE: 'yes', STANDARD_KEY: 'k1', DEMO_RATIO: '1' });
    expect(c.grpcPort).toBe(0);
    expect(c.verbose).toBe(true);
    expect(c.apiKey).toBe('k1');
  });

  it('names every bad variable and never prints a secret', () => {
    let error: unknown;
    try {
      config.load({ DEMO_GRPC_PORT: 'abc', DEMO_RATIO: '2', DEMO_TIERS: 'x', DEMO_API_KEY: '   ', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DEMO_GRPC_PORT="abc": expected an integer between 0 and 65535');
    expect(message).toContain('DEMO_RATIO="2"');
    expect(message).toContain('DEMO_TIERS="x": "x" is not name=value');
    expect(message).toContain('LOG_LEVEL="loud": expected one of');
    expect((error as ConfigError).problems).toHaveLength(4);
    expect(message).toMatch(/^invalid configuration for demo:\n {2}DEMO_/);
    expect(String(error)).toMatch(/^ConfigError: /);
  });

  it('refuses a variable declared twice', () => {
    expect(() =>
      defineServiceConfig('dup', { a: setting.string('X', 'a', 'a'), b: setting.string('X', 'b', 'b') }),
    ).toThrow(/X declared twice/);
  });

  it('renders the README table from the schema', () => {
    const table = renderConfigTable(config);
    expect(table).toContain('| `DEMO_GRPC_PORT` | `50099` | gRPC listen port (0 = any free port). |');
    expect(table).toContain('| `DEMO_API_KEY` / `STANDARD_KEY` | — | Key. |');
  });
});
