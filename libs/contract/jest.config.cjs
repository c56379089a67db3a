module.exports = {
  displayName: 'contract',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/contract',
};
