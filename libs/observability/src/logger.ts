import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Structured JSON logs, one object per line on stdout, with the service name
 * on every line. Keys that could hold secrets are redacted wherever they
 * appear in a logged object. `destination` (default stdout) lets tests read
 * exactly what production would write.
 */
export function createLogger(service: string, level: LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization', 'headers["x-api-key"]'],
      censor: '[redacted]',
    },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing (tests, in-process use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
