export { setting, type Setting } from './setting';
export { defineServiceConfig, renderConfigTable, ConfigError, ProblemsError, type ServiceConfig, type ConfigOf, type Settings } from './service-config';
export { serverSettings } from './server-settings';
export { loadConfigOrExit } from './load-or-exit';
export type { ServerConfig } from './server-settings-type';
