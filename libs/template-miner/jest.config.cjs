module.exports = {
  displayName: 'template-miner',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/template-miner',
};
