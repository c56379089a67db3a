import { type Metadata, type ServerDuplexStream, type ServerUnaryCall, type sendUnaryData, status } from '@grpc/grpc-js';
import type { ApiKeyCheck } from './api-key-check';
import {
  ClassifyBatchRequest,
  ClassifyBatchResponse,
  ClassifyRequest,
  ClassifyResponse,
  ClassifyStreamRequest,
  ClassifyStreamResponse,
  DescribeRequest,
  DescribeResponse,
  LogClassifierServer,
  LogRecord,
  Classification,
  ClassifyOptions,
} from '@logclass/contract';
import {
  AdmissionQueue,
  expectOneResultPerRecord,
  invalidArgument,
  LogclassError,
  type Classifier,
} from '@logclass/classifier';
import { toGrpcError } from '@logclass/grpc-status';
import { countRecords, type Logger, type ServiceMetrics } from '@logclass/observability';
import { rejectUndecodable } from './undecodable-requests';

export interface ServiceLimits {
  /** Most records in one batch or stream message. */
  maxBatchSize: number;
  /** The setting that sets maxBatchSize, named in the error a caller gets. */
  maxBatchSizeSetting: string;
  /** Batches a single stream may have in flight before its reads pause. */
  streamWindow: number;
}

/**
 * Serves any Classifier over the LogClassifier contract: validation, the
 * admission queue, cancellation, and the error mapping live here once, so a
 * tier's app only wires its classifier in.
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

/** What an admission hook knows of a call. */
export interface CallInfo {
  rpc: string;
  metadata: Metadata;
  /** grpc-js peer, e.g. "ipv4:127.0.0.1:51234". */
  peer: string;
}
export type CallAdmission = (call: CallInfo) => void;

export function logClassifierService({ classifier, queue, limits, log, metrics, apiKeys, admit }: LogClassifierServiceDeps): LogClassifierServer {
  const authorize = (call: { metadata: Metadata; getPeer(): string }, rpc: string) => {
    apiKeys?.checkMetadata(call.metadata);
    admit?.({ rpc, metadata: call.metadata, peer: call.getPeer() });
  };
  const countResults = (results: readonly Classification[]) => {
    if (metrics) countRecords(metrics, results);
  };
  /** Times an RPC and counts it by final status code. */
  const observe = (rpc: string) => {
    const end = metrics?.rpcDuration.startTimer({ rpc });
    return (code: string) => {
      end?.();
      metrics?.rpcRequests.inc({ rpc, code });
    };
  };
  const run = async (records: readonly LogRecord[], options: ClassifyOptions | undefined, signal: AbortSignal) => {
    // Empty messages go to the classifier like any other: every classifier answers them itself, without a model (libs/classifier empty-messages.ts).
    const results = await queue.run(() => classifier.classify(records, options, signal), signal);
    // A classifier bug; never pass a misaligned answer on (it is answered INTERNAL and logged as one).
    expectOneResultPerRecord(classifier.tier, records.length, results);
    countResults(results);
    return results;
  };

  const checkBatch = (records: readonly LogRecord[]) => {
    if (records.length === 0) throw invalidArgument('records must not be empty');
    if (records.length > limits.maxBatchSize) {
      throw new LogclassError(
        'RESOURCE_EXHAUSTED',
        `batch of ${records.length} records exceeds the limit of ${limits.maxBatchSize} (${limits.maxBatchSizeSetting})`,
      );
    }
  };

  const fail = (err: unknown, rpc: string, done?: (code: string) => void) => {
    const e = toGrpcError(err);
    done?.(status[e.code]);
    if (e.code === status.INTERNAL) log.error({ err, rpc }, 'internal error');
    // Worth an operator's eye (a misconfigured client or a probe); the details never hold the key.
    else if (e.code === status.UNAUTHENTICATED) log.warn({ rpc, details: e.details }, 'request refused: missing or invalid API key');
    else log.debug({ rpc, code: e.code, details: e.details }, 'request refused');
    return e;
  };

  const cancellation = (call: { on(event: 'cancelled', cb: () => void): unknown }) => {
    const ac = new AbortController();
    call.on('cancelled', () => ac.abort());
    return ac.signal;
  };

  return {
    classify(call: ServerUnaryCall<ClassifyRequest, ClassifyResponse>, callback: sendUnaryData<ClassifyResponse>) {
      const signal = cancellation(call);
      const done = observe('Classify');
      (async () => {
        authorize(call, 'Classify');
        rejectUndecodable(call.request);
        const { record, options } = call.request;
        if (!record) throw invalidArgument('record is required');
        const [result] = await run([record], options, signal);
        return { result };
      })().then(
        (res) => {
          done('OK');
          callback(null, res);
        },
        (err) => callback(fail(err, 'Classify', done)),
      );
    },

    classifyBatch(call: ServerUnaryCall<ClassifyBatchRequest, ClassifyBatchResponse>, callback: sendUnaryData<ClassifyBatchResponse>) {
      const signal = cancellation(call);
      const done = observe('ClassifyBatch');
      (async () => {
        authorize(call, 'ClassifyBatch');
        rejectUndecodable(call.request);
        const { records, options } = call.request;
        checkBatch(records);
        return { results: await run(records, options, signal) };
      })().then(
        (res) => {
          done('OK');
          callback(null, res);
        },
        (err) => callback(fail(err, 'ClassifyBatch', done)),
      );
    },

    classifyStream(call: ServerDuplexStream<ClassifyStreamRequest, ClassifyStreamResponse>) {
      try {
        authorize(call, 'ClassifyStream');
      } catch (err) {
        call.emit('error', fail(err, 'ClassifyStream'));
        return;
      }
      const signal = cancellation(call);
      let inFlight = 0;
      let ended = false;
      let failed = false;
      const finishIfDone = () => {
        if (ended && inFlight === 0 && !failed) call.end();
      };
      call.on('data', (req: ClassifyStreamRequest) => {
        if (failed) return;
        inFlight++;
        const done = observe('ClassifyStream.batch');
        // Backpressure: stop reading while this stream has a full window in flight.
        if (inFlight >= limits.streamWindow) call.pause();
        (async () => {
          rejectUndecodable(req);
          checkBatch(req.records);
          return run(req.records, req.options, signal);
        })().then(
          (results: Classification[]) => {
            inFlight--;
            done('OK');
            if (failed) return;
            call.write({ sequence: req.sequence, results });
            if (inFlight < limits.streamWindow) call.resume();
            finishIfDone();
          },
          (err) => {
            inFlight--;
            if (failed) return;
            failed = true;
            // grpc-js turns an emitted status object into the call's final status.
            call.emit('error', fail(err, 'ClassifyStream', done));
          },
        );
      });
      call.on('end', () => {
        ended = true;
        finishIfDone();
      });
      call.on('error', () => {
        failed = true;
      });
    },

    describe(call: ServerUnaryCall<DescribeRequest, DescribeResponse>, callback: sendUnaryData<DescribeResponse>) {
      try {
        authorize(call, 'Describe');
        rejectUndecodable(call.request);
        callback(null, classifier.describe());
      } catch (err) {
        callback(fail(err, 'Describe'));
      }
    },
  };
}
