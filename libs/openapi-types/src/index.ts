export type { HttpMethod, MediaType, OpenApiDocument, Operation, Parameter, PathItem, Ref, Response, Schema, SecurityScheme } from './openapi-types';
