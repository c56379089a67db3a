module.exports = {
  displayName: 'grpc-server',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/grpc-server',
};
