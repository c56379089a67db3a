// A marker tier (same answers as MarkerTier in ../test-tiers.ts) in a process
// of its own, speaking the logclass.v1 contract over gRPC, so a test can
// SIGKILL it mid-request: no graceful GOAWAY, the sockets just die.
// Plain Node (no TypeScript build) so it starts in a fraction of a second.
// Usage: node marker-tier-server.cjs <tier> <port> <delayMs>
'use strict';
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [tier, port = '0', delay = '0'] = process.argv.slice(2);
const delayMs = Number(delay);
const protoFile = path.join(__dirname, '../../../../proto/logclass/v1/classifier.proto');
const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(protoFile, { defaults: true, longs: Number }));
const { LogClassifier } = pkg.logclass.v1;

const answer = (record) => {
  if (!record.logMessage.includes(`@${tier}`)) {
    return { outcome: 'OUTCOME_ABSTAINED', label: '', tier, confidence: 0.25, reason: `no @${tier} marker`, template: '' };
  }
  const label = /label=([A-Za-z ]+?)(?:;|$)/.exec(record.logMessage)?.[1] ?? 'Test Label';
  return { outcome: 'OUTCOME_DECIDED', label, tier, confidence: 0.9, reason: `marker @${tier}`, template: '' };
};

let calls = 0;
const server = new grpc.Server();
const unimplemented = (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in this stand-in' });
server.addService(LogClassifier.service, {
  ClassifyBatch(call, callback) {
    calls++;
    process.stdout.write(`CALL ${calls}\n`);
    setTimeout(() => callback(null, { results: call.request.records.map(answer) }), delayMs);
  },
  Classify: unimplemented,
  Describe: unimplemented,
  ClassifyStream: (call) => call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'not in this stand-in' }),
});
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
  if (err) {
    process.stderr.write(`bind failed: ${err.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`LISTENING ${bound}\n`);
});
