module.exports = {
  displayName: 'seeded-random',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/seeded-random',
};
