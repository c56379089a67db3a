module.exports = {
  displayName: 'corrections',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/corrections',
};
