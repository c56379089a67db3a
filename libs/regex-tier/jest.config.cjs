module.exports = {
  displayName: 'regex-tier',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/regex-tier',
};
