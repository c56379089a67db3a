module.exports = {
  displayName: 'embedding-tier',
  preset: '../../jest.preset.js',
  // Loads @xenova/transformers natively, with or without --experimental-vm-modules (see the file).
  testEnvironment: '<rootDir>/jest/esm-environment.cjs',
  coverageDirectory: '../../coverage/libs/embedding-tier',
};
