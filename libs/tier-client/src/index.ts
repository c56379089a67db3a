export { GrpcClassifier, type GrpcClassifierOptions } from './grpc-classifier';
export { checkHealth, type HealthStatus } from './health-client';
export { channelCredentialsFrom, type ClientTlsFiles } from './channel-credentials';
