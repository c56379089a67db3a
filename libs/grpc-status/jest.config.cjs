module.exports = {
  displayName: 'grpc-status',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/grpc-status',
};
