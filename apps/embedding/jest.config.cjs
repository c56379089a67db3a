module.exports = {
  displayName: 'embedding',
  preset: '../../jest.preset.js',
  // Loads @xenova/transformers natively under Jest (see the file).
  testEnvironment: '<rootDir>/../../libs/embedding-tier/jest/esm-environment.cjs',
  coverageDirectory: '../../coverage/apps/embedding',
};
