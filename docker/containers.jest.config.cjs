// The container tests (`npm run test:containers`): not part of `npm test`, they
// need a Docker engine and the images tools/containers/test-containers.sh builds.
module.exports = {
  displayName: 'containers',
  preset: '../jest.preset.js',
  testMatch: ['<rootDir>/test/containers/**/*.containers.ts'],
  // One stack on the machine at a time.
  maxWorkers: 1,
};
