import { makeGenericClientConstructor, type ChannelCredentials, type ClientOptions } from '@grpc/grpc-js';
import { LogClassifierService, type LogClassifierClient } from '@logclass/contract';
import { decodeStreamResponse, encodeStreamRequest } from '@logclass/stream-codec';

/**
 * The contract's client with ClassifyStream (the gateway's batches) encoded
 * and decoded by @logclass/stream-codec, every other method as generated.
 */
export const FastStreamClient = makeGenericClientConstructor(
  {
    ...LogClassifierService,
    classifyStream: { ...LogClassifierService.classifyStream, requestSerialize: encodeStreamRequest, responseDeserialize: decodeStreamResponse },
  },
  'logclass.v1.LogClassifier',
) as unknown as new (address: string, credentials: ChannelCredentials, options?: Partial<ClientOptions>) => LogClassifierClient;
