import type { PathItem, Schema } from '@logclass/openapi-types';
import { noKey, ref } from './openapi/openapi-shared';

/** GET /healthz and GET /readyz (health-routes.ts). */
export const HEALTH_ROUTE_PATHS: Record<string, PathItem> = {
  '/healthz': {
    get: {
      operationId: 'liveness',
      tags: ['health'],
      summary: 'Liveness: the process is up',
      description: 'Stays 200 while the gateway drains before shutdown: the process is fine, it is just leaving.',
      responses: {
        '200': {
          description: 'Alive.',
          content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } } },
        },
      },
      security: noKey,
    },
  },
  '/readyz': {
    get: {
      operationId: 'readiness',
      tags: ['health'],
      summary: 'Readiness: each tier\'s health and circuit breaker',
      description: '200 while the gateway can classify (all tiers usable, or `degraded`); 503 when no tier is usable or the gateway is shutting down.',
      responses: {
        '200': { description: 'Ready or degraded.', content: { 'application/json': { schema: ref('schemas', 'Readiness') } } },
        '503': {
          description: 'No tier usable (a readiness report), or shutting down (an error body).',
          content: { 'application/json': { schema: ref('schemas', 'Readiness') } },
        },
      },
      security: noKey,
    },
  },
};

/** The readiness report, as a component. */
export const HEALTH_ROUTE_SCHEMAS: Record<string, Schema> = {
  Readiness: {
    type: 'object',
    required: ['status', 'tiers'],
    properties: {
      status: { type: 'string', enum: ['ready', 'degraded', 'unavailable'] },
      tiers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'address', 'health', 'breaker'],
          properties: {
            name: { type: 'string', example: 'regex' },
            address: { type: 'string', example: '127.0.0.1:50051' },
            health: { type: 'string', description: 'grpc.health.v1 status, or UNREACHABLE.', example: 'SERVING' },
            breaker: { type: 'string', enum: ['closed', 'open', 'half-open'] },
            lastError: { type: 'string' },
          },
        },
      },
      otlp: {
        type: 'object',
        description: 'The OTLP logs receiver, when on: its ports, requests in flight, and what the downstream last answered (failing makes a ready gateway degraded).',
        required: ['inFlight', 'maxInFlight', 'exporter'],
        properties: {
          grpcPort: { type: 'integer' },
          httpPort: { type: 'integer' },
          inFlight: { type: 'integer' },
          maxInFlight: { type: 'integer' },
          exporter: {
            type: 'object',
            required: ['state', 'consecutiveFailures'],
            properties: {
              state: { type: 'string', enum: ['not-configured', 'unknown', 'ok', 'failing'] },
              protocol: { type: 'string', enum: ['grpc', 'http/protobuf', 'http/json'] },
              lastError: { type: 'string', example: 'downstream answered gRPC UNAVAILABLE' },
              consecutiveFailures: { type: 'integer' },
            },
          },
        },
      },
    },
  },
};
