import type { AdmissionQueue } from '@logclass/classifier';
import type { Handler } from './handler';

/** Runs the rest of the call in a slot of the service's admission queue: a full queue refuses it (RESOURCE_EXHAUSTED), a cancelled caller leaves it. */
export const admitToQueue =
  (queue: AdmissionQueue) =>
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  (request, call) =>
    queue.run(() => next(request, call), call.signal);
