module.exports = {
  displayName: 'test-support',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/test-support',
};
