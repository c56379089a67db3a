module.exports = {
  displayName: 'system-tests',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tests/system',
};
