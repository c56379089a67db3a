import { LogclassError } from '@logclass/classifier';
import type { CallerGate } from '../security/caller-gate';
import type { ReceiveOutcome } from './otlp-pipeline';

/** The gateway's API keys and rate limit, as for every API: undefined when admitted, else the refusal (over its rate: retry after the bucket's wait). */
export function passGate(gate: CallerGate, caller: { apiKey: string | undefined; address: string | undefined; what: string }): ReceiveOutcome | undefined {
  let wait = 1;
  try {
    gate.admit({ ...caller, needsKey: true }, (seconds) => (wait = seconds));
    return undefined;
  } catch (err) {
    if (err instanceof LogclassError && err.code === 'UNAUTHENTICATED') return { kind: 'unauthenticated', message: err.message };
    if (err instanceof LogclassError && err.code === 'RESOURCE_EXHAUSTED') return { kind: 'busy', message: err.message, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    throw err;
  }
}
