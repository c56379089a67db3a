import type { LogClassifierService } from '@logclass/contract';
import { decodeStreamRequest, encodeStreamResponse } from '@logclass/stream-codec';

/**
 * The contract's service definition with ClassifyStream's requests decoded and
 * answers encoded by @logclass/stream-codec (the same messages and bytes as
 * ts-proto's, faster per row; a tier serves the gateway's batches on it),
 * every other method as generated.
 */
export function withStreamCodec(definition: typeof LogClassifierService): typeof LogClassifierService {
  return {
    ...definition,
    classifyStream: { ...definition.classifyStream, requestDeserialize: decodeStreamRequest, responseSerialize: encodeStreamResponse },
  };
}
