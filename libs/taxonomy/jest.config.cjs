module.exports = {
  displayName: 'taxonomy',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/taxonomy',
};
