module.exports = {
  displayName: 'template-mask',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/template-mask',
};
