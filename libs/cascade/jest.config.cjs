module.exports = {
  displayName: 'cascade',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/cascade',
};
