export { GrpcClassifier, type GrpcClassifierOptions } from './grpc-classifier';
export { checkHealth, type HealthStatus } from './health-client';
