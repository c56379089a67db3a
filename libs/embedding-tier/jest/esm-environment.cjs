// The shared node-realm environment, plus a native `import()` for ESM-only
// packages (@xenova/transformers). Jest's own module system can import ESM
// only when Node started with --experimental-vm-modules, which `npx jest -c`
// does not pass; this file runs in Node's main realm, where import() always
// works, and the test realm reaches it through a global that
// src/esm-import.ts looks for. The typed-array constructors are already shared
// by the base environment, so objects made by the natively loaded package
// work in tests.
const NodeRealmEnvironment = require('../../../tools/jest/node-realm-environment.js');

class EsmImportEnvironment extends NodeRealmEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__logclassEsmImport = (specifier) => import(specifier);
  }
}

module.exports = EsmImportEnvironment;
