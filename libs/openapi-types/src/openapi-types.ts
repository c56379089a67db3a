/**
 * The part of OpenAPI 3.0 the gateway's REST description uses (the gateway's
 * routes and the web page's, libs/web-ui), so the document is checked by the
 * compiler as it is written (a typo in a key fails the build, not a reader of
 * /docs). Not a complete model of the specification.
 */
export interface OpenApiDocument {
  openapi: '3.0.3';
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, Response>;
    parameters?: Record<string, Parameter>;
    securitySchemes?: Record<string, SecurityScheme>;
  };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type PathItem = Partial<Record<HttpMethod, Operation>>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, Response | Ref>;
  /** Alternatives: `{}` means "no credentials" is one of them. */
  security?: Record<string, string[]>[];
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
  schema: Schema;
  style?: 'form' | 'simple';
  explode?: boolean;
}

export interface Response {
  description: string;
  headers?: Record<string, { description?: string; schema: Schema }>;
  content?: Record<string, MediaType>;
}

export interface MediaType {
  schema?: Schema | Ref;
  example?: unknown;
}

export interface Ref {
  $ref: string;
}

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  format?: string;
  description?: string;
  enum?: readonly (string | number)[];
  properties?: Record<string, Schema | Ref>;
  required?: string[];
  items?: Schema | Ref;
  additionalProperties?: boolean | Schema | Ref;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
}

export type SecurityScheme = { type: 'apiKey'; in: 'header'; name: string; description?: string } | { type: 'http'; scheme: 'bearer'; description?: string };
