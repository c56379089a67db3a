// Jest runs each test file in its own VM realm with its own typed-array
// constructors. Native code (onnxruntime-node, grpc's Buffer handling) checks
// `instanceof Float32Array` against the main realm's constructors and fails on
// arrays made in the test realm. Sharing the main realm's constructors makes
// both sides agree.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class NodeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = NodeRealmEnvironment;
