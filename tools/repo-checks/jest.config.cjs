module.exports = {
  displayName: 'repo-checks',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/repo-checks',
};
