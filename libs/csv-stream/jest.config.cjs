module.exports = {
  displayName: 'csv-stream',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/csv-stream',
};
