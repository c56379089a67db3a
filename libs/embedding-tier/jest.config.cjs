module.exports = {
  displayName: 'embedding-tier',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/embedding-tier',
};
