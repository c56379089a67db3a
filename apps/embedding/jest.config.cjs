module.exports = {
  displayName: 'embedding',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/embedding',
};
