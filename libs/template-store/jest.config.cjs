module.exports = {
  displayName: 'template-store',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/template-store',
};
