module.exports = {
  displayName: 'service-config',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/service-config',
};
