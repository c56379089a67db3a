export { GRPC_STATUS, toGrpcError, fromGrpcStatus } from './grpc-status';
