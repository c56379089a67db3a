module.exports = {
  displayName: 'regex',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/regex',
};
