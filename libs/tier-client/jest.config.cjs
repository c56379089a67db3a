module.exports = {
  displayName: 'tier-client',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/tier-client',
};
