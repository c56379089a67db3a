import type { Logger } from '@logclass/observability';

/**
 * Keeps a service running until SIGTERM/SIGINT, then stops it gracefully
 * once. A second signal exits at once. Start-up failures exit non-zero with
 * the reason logged (never a stack trace with secrets in a message).
 */
export function runService(log: Logger, start: () => Promise<{ stop(): Promise<void> }>): void {
  start().then(
    (running) => {
      let signalled = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (signalled) process.exit(130);
        signalled = true;
        log.info({ signal }, 'shutting down');
        running.stop().then(
          () => process.exit(0),
          (err) => {
            log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    },
    (err: Error) => {
      log.fatal({ error: err.message }, 'start-up failed');
      process.stderr.write(`start-up failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
