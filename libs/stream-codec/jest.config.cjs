module.exports = {
  displayName: 'stream-codec',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/stream-codec',
};
