// Keeps a set of processes running, as a platform would: a process that exits
// is restarted after a backoff (doubling while it keeps failing fast), and given
// up on after repeated fast failures; the others keep running either way.
// SIGINT/SIGTERM stop them all. Used by `npm start` (tools/start-local.mjs).
import { spawn } from 'node:child_process';

export const DEFAULTS = {
  /** First restart delay; doubles after each fast failure, up to maxBackoffMs. */
  backoffMs: 500,
  maxBackoffMs: 10_000,
  /** A run at least this long counts as healthy: the backoff and the failure count start over. */
  stableMs: 10_000,
  /** Fast failures in a row after which a service is given up on. */
  maxFastFailures: 5,
  /** On stop, how long children get after SIGTERM before SIGKILL (the services drain for 7 s by default). */
  stopTimeoutMs: 15_000,
};

/**
 * Starts every service ({ name, command, args, env }) and keeps it running.
 * Returns stop() (SIGTERM to all, no restarts from then on; resolves once all
 * have exited), kill(), and `done`, which resolves once everything has stopped
 * or been given up on.
 */
export function supervise(services, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const log = opts.log ?? ((line) => process.stderr.write(`[supervisor] ${line}\n`));
  let stopping = false;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const states = services.map((service) => ({ service, child: undefined, timer: undefined, backoffMs: opts.backoffMs, fastFailures: 0, gaveUp: false }));

  // Done once no child runs and none will: all stopped, or every service given up on.
  const settleIfIdle = () => {
    if (states.every((s) => !s.child && (stopping || s.gaveUp))) finish();
  };

  function start(state) {
    const { name, command, args = [], env } = state.service;
    const startedAt = Date.now();
    const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
    state.child = child;
    log(`${name} started (pid ${child.pid})`);
    child.on('error', (err) => log(`${name} could not be started: ${err.message}`));
    child.on('exit', (code, signal) => {
      state.child = undefined;
      const how = signal ?? `code ${code}`;
      if (stopping) {
        log(`${name} stopped (${how})`);
        settleIfIdle();
        return;
      }
      if (Date.now() - startedAt >= opts.stableMs) {
        state.backoffMs = opts.backoffMs;
        state.fastFailures = 0;
      }
      state.fastFailures += 1;
      if (state.fastFailures >= opts.maxFastFailures) {
        state.gaveUp = true;
        log(`${name} exited (${how}) ${state.fastFailures} times in a row within ${opts.stableMs} ms of starting: giving up on it; the others keep running`);
        settleIfIdle();
        return;
      }
      const delay = state.backoffMs;
      state.backoffMs = Math.min(state.backoffMs * 2, opts.maxBackoffMs);
      log(`${name} exited (${how}); restarting in ${delay} ms`);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        if (!stopping) start(state);
      }, delay);
    });
  }

  function stop() {
    if (!stopping) {
      stopping = true;
      for (const s of states) {
        clearTimeout(s.timer);
        s.timer = undefined;
        if (s.child) s.child.kill('SIGTERM');
      }
      const kill = setTimeout(() => {
        for (const s of states) if (s.child) {
          log(`${s.service.name} still running ${opts.stopTimeoutMs} ms after SIGTERM: killing it`);
          s.child.kill('SIGKILL');
        }
      }, opts.stopTimeoutMs);
      kill.unref();
      settleIfIdle();
    }
    return done;
  }

  /** SIGKILL to every child still running (a second Ctrl-C). */
  function kill() {
    stopping = true;
    for (const s of states) s.child?.kill('SIGKILL');
  }

  for (const s of states) start(s);
  return { stop, kill, done };
}

/**
 * supervise() for a command-line runner: SIGINT/SIGTERM stop everything and
 * exit 0 (a second signal kills the children and exits at once); the process
 * exits 1 when every service has been given up on.
 */
export function runSupervised(services, options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`[supervisor] ${line}\n`));
  let supervisor;
  let signalled = false;
  const onSignal = () => {
    if (signalled) {
      supervisor?.kill();
      process.exit(130);
    }
    signalled = true;
    if (!supervisor) process.exit(0);
    supervisor.stop().then(() => process.exit(0));
  };
  // Before any child starts: a signal that came before the handlers would take the default action,
  // ending this process at once and leaving its children running.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  supervisor = supervise(services, { ...options, log });
  supervisor.done.then(() => {
    if (!signalled) {
      log('every service has been given up on');
      process.exit(1);
    }
  });
  return supervisor;
}
