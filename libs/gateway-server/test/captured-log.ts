import type { DestinationStream } from 'pino';
import { createLogger } from '@logclass/observability';

/** A logger whose lines (parsed) a test can read. */
export function capturedLog(): { log: ReturnType<typeof createLogger>; lines: { msg: string; level: string }[] } {
  const lines: { msg: string; level: string }[] = [];
  const sink: DestinationStream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { log: createLogger('gateway', 'debug', sink), lines };
}
