module.exports = {
  displayName: 'web-ui',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/web-ui',
};
