export { createLogger, silentLogger, type Logger } from './logger';
export { ServiceMetrics, startMetricsServer } from './metrics';
export { countRecords } from './record-counts';
export { totalsCounter, readGauge } from './scrape-time';
