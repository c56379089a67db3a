import { status } from '@grpc/grpc-js';
import { ERROR_CODES, LogclassError } from '@logclass/classifier';
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

  it('gives every code a status that comes back as itself, except the HTTP-only ones', () => {
    for (const code of ERROR_CODES) {
      const back = fromGrpcStatus(GRPC_STATUS[code], 'm').code;
      if (code === 'PAYLOAD_TOO_LARGE') expect(back).toBe('RESOURCE_EXHAUSTED');
      else if (code === 'UNSUPPORTED_MEDIA_TYPE') expect(back).toBe('INVALID_ARGUMENT');
      else expect(back).toBe(code);
    }
  });
});
