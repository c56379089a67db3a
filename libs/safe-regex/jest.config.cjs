module.exports = {
  displayName: 'safe-regex',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/safe-regex',
};
