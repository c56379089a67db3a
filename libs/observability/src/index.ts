export { createLogger, silentLogger, type Logger } from './logger';
export { ServiceMetrics, startMetricsServer } from './metrics';
