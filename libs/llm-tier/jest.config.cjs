module.exports = {
  displayName: 'llm-tier',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/llm-tier',
};
