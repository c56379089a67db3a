import type { ServiceDefinition } from '@grpc/grpc-js';
import { invalidArgument } from '@logclass/classifier';

const UNDECODABLE = Symbol('undecodable request');

interface Undecodable {
  [UNDECODABLE]: string;
}

/**
 * The service definition with every request decoder made lenient: bytes that
 * are not the method's protobuf message become a marker instead of an
 * exception. grpc-js answers a decoder exception with INTERNAL before any
 * handler runs, which tells the caller "the server is broken" (and looks
 * like a 5xx to dashboards) when the caller sent garbage; the handler turns
 * the marker into INVALID_ARGUMENT with `rejectUndecodable`.
 */
export function withUndecodableRequestsMarked<S extends ServiceDefinition>(definition: S): S {
  const lenient: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(definition)) {
    lenient[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch {
          return { [UNDECODABLE]: method.path } satisfies Undecodable;
        }
      },
    };
  }
  return lenient as S;
}

/** Throws INVALID_ARGUMENT when grpc-js handed over a request that did not decode. */
export function rejectUndecodable(request: unknown): void {
  if (typeof request === 'object' && request !== null && UNDECODABLE in request) {
    const path = (request as Undecodable)[UNDECODABLE];
    throw invalidArgument(`the request is not a valid protobuf message for ${path}`);
  }
}
