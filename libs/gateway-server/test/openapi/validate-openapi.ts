import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The validator is an ES module, which Jest's CommonJS runtime cannot load: it runs in a child node. */
const VALIDATE = `
import { Validator } from '@seriousme/openapi-schema-validator';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const validator = new Validator();
const result = await validator.validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? [] }));
`;

export interface OpenApiValidation {
  valid: boolean;
  /** The OpenAPI version the document was checked against, e.g. "3.0". */
  version: string;
  errors: unknown[];
}

/** Checks a document against the official OpenAPI JSON schema of its version. */
export function validateOpenApi(document: unknown): OpenApiValidation {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', VALIDATE], {
    // From the repo root, so the package resolves from its node_modules.
    cwd: resolve(__dirname, '../../../..'),
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  return JSON.parse(out) as OpenApiValidation;
}
