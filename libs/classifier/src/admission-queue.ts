import { LogclassError, resourceExhausted } from './errors';

interface Waiter {
  start: () => void;
  fail: (err: Error) => void;
}

/**
 * Runs at most `maxInFlight` tasks at once and lets at most `maxQueued` wait.
 * Past that, work is refused at once (RESOURCE_EXHAUSTED) instead of piling
 * up in memory: a caller can back off, a queue cannot.
 */
export class AdmissionQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly name: string,
    readonly maxInFlight: number,
    readonly maxQueued: number,
  ) {
    if (maxInFlight < 1) throw new Error(`${name}: maxInFlight must be at least 1`);
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new LogclassError('CANCELLED', `${this.name}: cancelled`));
    if (this.running < this.maxInFlight) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) {
      return Promise.reject(
        resourceExhausted(`${this.name}: queue full (${this.maxInFlight} running, ${this.maxQueued} waiting); retry later`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new LogclassError('CANCELLED', `${this.name}: cancelled while queued`));
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: reject,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start(); // the slot passes straight to the next waiter
    else this.running--;
  }
}
