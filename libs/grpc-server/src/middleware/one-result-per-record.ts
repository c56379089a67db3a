import { expectOneResultPerRecord } from '@logclass/classifier';
import type { Classification } from '@logclass/contract';
import type { Handler } from './handler';
import type { RecordsRequest } from './records-request';

/** Never sends a misaligned answer on: a classifier that breaks its contract fails the call (WRONG_RESULT_COUNT, answered INTERNAL). */
export const oneResultPerRecord =
  (tier: string) =>
  <Req extends RecordsRequest>(next: Handler<Req, Classification[]>): Handler<Req, Classification[]> =>
  async (request, call) =>
    expectOneResultPerRecord(tier, request.records.length, await next(request, call));
