import { status } from '@grpc/grpc-js';
import { ERROR_CODES, LogclassError, type ErrorCode } from '@logclass/classifier';
import { fromGrpcStatus, GRPC_STATUS, toGrpcError } from './index';

describe('gRPC status of the closed error set', () => {
  it('answers a LogclassError with its status and message', () => {
    expect(toGrpcError(new LogclassError('RESOURCE_EXHAUSTED', 'queue full'))).toEqual({ code: status.RESOURCE_EXHAUSTED, details: 'queue full' });
    expect(toGrpcError(new LogclassError('PAYLOAD_TOO_LARGE', 'x')).code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('leaks nothing of unknown errors', () => {
    expect(toGrpcError(new Error('ENOENT /secret/path/key=abc'))).toEqual({ code: status.INTERNAL, details: 'internal error' });
  });

  it('maps a tier status back into the closed set', () => {
    expect(fromGrpcStatus(status.INVALID_ARGUMENT, 'bad').code).toBe('INVALID_ARGUMENT');
    expect(fromGrpcStatus(status.RESOURCE_EXHAUSTED, 'full').code).toBe('RESOURCE_EXHAUSTED');
    expect(fromGrpcStatus(status.DEADLINE_EXCEEDED, 'slow').code).toBe('DEADLINE_EXCEEDED');
    expect(fromGrpcStatus(status.UNKNOWN, 'boom')).toMatchObject({ code: 'UNAVAILABLE', message: 'UNKNOWN: boom' });
  });

  it('gives every code a status that comes back as itself, except those no gRPC status means alone', () => {
    const becomes: Partial<Record<ErrorCode, ErrorCode>> = {
      PAYLOAD_TOO_LARGE: 'RESOURCE_EXHAUSTED',
      UNSUPPORTED_MEDIA_TYPE: 'INVALID_ARGUMENT',
      WRONG_RESULT_COUNT: 'INTERNAL',
    };
    for (const code of ERROR_CODES) expect([code, fromGrpcStatus(GRPC_STATUS[code], 'm').code]).toEqual([code, becomes[code] ?? code]);
  });
});
