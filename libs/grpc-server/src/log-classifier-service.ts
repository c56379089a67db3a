import type {
  Classification,
  ClassifyBatchRequest,
  ClassifyBatchResponse,
  ClassifyRequest,
  ClassifyResponse,
  ClassifyStreamRequest,
  ClassifyStreamResponse,
  DescribeRequest,
  DescribeResponse,
  LogClassifierServer,
} from '@logclass/contract';
import { invalidArgument, type AdmissionQueue, type Classifier } from '@logclass/classifier';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import type { ApiKeyCheck } from './api-key-check';
import { admitCalls, type CallAdmission } from './middleware/admit-calls';
import { admitToQueue } from './middleware/admission-queue';
import { authenticate } from './middleware/authenticate';
import { countRecords } from './middleware/count-records';
import { batchStreamMethod, unaryMethod } from './middleware/grpc-js-calls';
import { compose, type Handler } from './middleware/handler';
import { limitBatchSize, type BatchLimit } from './middleware/limit-batch-size';
import { logErrors } from './middleware/log-errors';
import { observeRpc } from './middleware/observe-rpc';
import { oneResultPerRecord } from './middleware/one-result-per-record';
import type { RecordsRequest } from './middleware/records-request';
import { rejectUndecodableRequests } from './middleware/reject-undecodable';

export type { CallAdmission, CallInfo } from './middleware/admit-calls';

export interface ServiceLimits extends BatchLimit {
  /** Batches a single stream may have in flight before its reads pause. */
  streamWindow: number;
}

/**
 * Serves any Classifier over the LogClassifier contract. Each concern is one
 * middleware (./middleware), composed here in the order a call goes through
 * them, so a tier's app only wires its classifier in.
 */
export interface LogClassifierServiceDeps {
  classifier: Classifier;
  queue: AdmissionQueue;
  limits: ServiceLimits;
  log: Logger;
  metrics?: ServiceMetrics;
  /** When enabled, every contract call needs a valid API key in its metadata. */
  apiKeys?: ApiKeyCheck;
  /** Called once per contract call (once per stream) after the key check; throws a LogclassError to refuse it (e.g. a rate limit). */
  admit?: CallAdmission;
}

export function logClassifierService({ classifier, queue, limits, log, metrics, apiKeys, admit }: LogClassifierServiceDeps): LogClassifierServer {
  /** What every classifying method comes down to, once its request is read. */
  const classifyRecords: Handler<RecordsRequest, Classification[]> = compose<RecordsRequest, Classification[]>(
    limitBatchSize(limits),
    admitToQueue(queue),
    countRecords(metrics),
    oneResultPerRecord(classifier.tier),
  )(
    // Empty messages go to the classifier like any other: every classifier answers them itself, without a model (libs/classifier empty-messages.ts).
    ({ records, options }, call) => classifier.classify(records, options, call.signal),
  );

  /**
   * What every call goes through before its handler reads the request: timed
   * and counted under `observedAs` (Describe is not), errors logged, the key
   * and the admission hook checked, undecodable bytes refused.
   */
  const contractCall = <Req, Res>(observedAs: string | undefined, handler: Handler<Req, Res>): Handler<Req, Res> =>
    compose<Req, Res>(
      ...(observedAs ? [observeRpc(metrics, observedAs)] : []),
      logErrors(log),
      authenticate(apiKeys),
      admitCalls(admit),
      rejectUndecodableRequests,
    )(handler);

  return {
    classify: unaryMethod(
      'Classify',
      contractCall<ClassifyRequest, ClassifyResponse>('Classify', async ({ record, options }, call) => {
        if (!record) throw invalidArgument('record is required');
        const [result] = await classifyRecords({ records: [record], options }, call);
        return { result };
      }),
    ),

    classifyBatch: unaryMethod(
      'ClassifyBatch',
      contractCall<ClassifyBatchRequest, ClassifyBatchResponse>('ClassifyBatch', async (request, call) => ({
        results: await classifyRecords(request, call),
      })),
    ),

    classifyStream: batchStreamMethod<ClassifyStreamRequest, ClassifyStreamResponse>('ClassifyStream', {
      // A stream is authenticated and admitted once; each of its messages is observed, checked and queued on its own.
      open: compose<void, void>(logErrors(log), authenticate(apiKeys), admitCalls(admit))(async () => undefined),
      message: compose<ClassifyStreamRequest, ClassifyStreamResponse>(
        observeRpc(metrics, 'ClassifyStream.batch'),
        logErrors(log),
        rejectUndecodableRequests,
      )(async (request, call) => ({ sequence: request.sequence, results: await classifyRecords(request, call) })),
      window: limits.streamWindow,
    }),

    describe: unaryMethod(
      'Describe',
      contractCall<DescribeRequest, DescribeResponse>(undefined, async () => classifier.describe()),
    ),
  };
}
