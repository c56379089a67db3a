import { ConfigError, type ConfigOf, type ServiceConfig, type Settings } from './service-config';

/** Service entry points: a bad configuration stops the process with a message naming the variable. */
export function loadConfigOrExit<S extends Settings>(config: ServiceConfig<S>, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  try {
    return config.load(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
