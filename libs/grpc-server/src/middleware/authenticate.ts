import type { ApiKeyCheck } from '../api-key-check';
import type { Handler } from './handler';

/** When API keys are enabled, a call without a valid one in its metadata is refused (UNAUTHENTICATED) before anything else runs. */
export const authenticate =
  (apiKeys: ApiKeyCheck | undefined) =>
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  async (request, call) => {
    apiKeys?.checkMetadata(call.metadata);
    return next(request, call);
  };
