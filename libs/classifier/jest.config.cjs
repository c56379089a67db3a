module.exports = {
  displayName: 'classifier',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/classifier',
};
