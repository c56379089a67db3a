import { Server, ServerCredentials, status } from '@grpc/grpc-js';
import { LogClassifierService, type ClassifyStreamRequest, type LogClassifierServer } from '@logclass/contract';
import { abstained, type Classifier } from '@logclass/classifier';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { GrpcClassifier } from '@logclass/tier-client';
import type { BreakerSettings, CascadeTier } from '../src';

/**
 * Serves a classifier as a real gRPC tier on 127.0.0.1 (port 0 = any free
 * port; pass a port to restart on it). `admission` sets the tier's own
 * admission queue (to make it shed load with RESOURCE_EXHAUSTED).
 */
export function startTierServer(
  classifier: Classifier,
  port = 0,
  admission: { maxInFlight: number; maxQueued: number } = { maxInFlight: 64, maxQueued: 1_000 },
): Promise<RunningClassifierServer> {
  return startClassifierServer({
    classifier,
    host: '127.0.0.1',
    port,
    maxBatchSize: 100_000,
    maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE',
    ...admission,
    log: silentLogger(),
  });
}

/** Stops a tier server at once, cancelling its in-flight calls: the tier "crashes". */
export async function killTierServer(running: RunningClassifierServer): Promise<void> {
  running.server.forceShutdown();
  await running.stop(0);
}

/** Breakers that never open on their own in a test unless it asks them to. */
export const PATIENT_BREAKER: BreakerSettings = { timeoutMs: 5_000, errorThresholdPercentage: 100, volumeThreshold: 1_000_000, resetTimeoutMs: 60_000 };

/** A cascade tier reached over gRPC, with the gRPC deadline equal to the breaker's timeout (as the gateway wires it). */
export function remoteTier(name: string, address: string, breaker: BreakerSettings = PATIENT_BREAKER): CascadeTier & { classifier: GrpcClassifier } {
  return { name, breaker, classifier: new GrpcClassifier({ tier: name, address, timeoutMs: breaker.timeoutMs, batchSize: 100_000 }) };
}

/**
 * A broken tier our own server code would never be: it answers every
 * ClassifyBatch call and ClassifyStream message with one result too few (logclass servers refuse to send a
 * misaligned answer, so this speaks the contract directly).
 */
export async function startShortAnsweringTier(): Promise<{ address: string; calls: () => number; stop: () => void }> {
  let calls = 0;
  const server = new Server();
  const unimplemented = (_call: unknown, callback: (err: { code: number; details: string }) => void) =>
    callback({ code: status.UNIMPLEMENTED, details: 'not in this stand-in' });
  const service: LogClassifierServer = {
    classifyBatch(call, callback) {
      calls++;
      callback(null, { results: call.request.records.slice(1).map(() => abstained('short', 'too few answers')) });
    },
    classify: unimplemented,
    classifyStream(call) {
      call.on('data', (req: ClassifyStreamRequest) => {
        calls++;
        call.write({ sequence: req.sequence, results: req.records.slice(1).map(() => abstained('short', 'too few answers')) });
      });
      call.on('end', () => call.end());
    },
    describe: unimplemented,
  };
  server.addService(LogClassifierService, service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return { address: `127.0.0.1:${port}`, calls: () => calls, stop: () => server.forceShutdown() };
}
