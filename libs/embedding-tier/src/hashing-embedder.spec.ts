import { createEmbedder, embedderSpecFromId, type EmbedderSpec } from './create-embedder';
import { HashingEmbedder } from './hashing-embedder';
import { logTokens, maskLogText } from './log-text';
import { toDense } from './sparse-vector';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('log text', () => {
  it('masks numbers, addresses and ids', () => {
    expect(maskLogText('User 1234 logged in from 10.0.0.1:8080 trace=3f2a9c0b11ee id 123e4567-e89b-12d3-a456-426614174000')).toBe(
      'User <num> logged in from <ip> trace= <hex> id <uuid>',
    );
  });

  it('splits camelCase, snake_case and digits, lower-cased', () => {
    expect(logTokens('db_write_failed ConnectionTimeoutError in HTTPServer node7')).toEqual(
      ['db', 'write', 'failed', 'connection', 'timeout', 'error', 'in', 'http', 'server', 'node', '7'],
    );
  });
});

describe('HashingEmbedder', () => {
  const embedder = new HashingEmbedder({ dimension: 1024 });

  it('names its parameters in its id', () => {
    expect(embedder.id).toBe('hashing-v2:d=1024:w=1-2:c=3-5x0.5:m1');
    expect(new HashingEmbedder().dimension).toBe(16384);
    expect(() => new HashingEmbedder({ dimension: 1000 })).toThrow(/power of two/);
  });

  it('returns unit vectors, the same for the same template and close for similar lines', async () => {
    const [a, b, c, d] = await embedder.embed([
      'User 12 logged in',
      'User 99871 logged in',
      'User 12 logged out',
      'Disk usage at 91% on /dev/sda1',
    ]);
    expect(a).toHaveLength(1024);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(cosine(a, c)).toBeGreaterThan(cosine(a, d));
  });

  it('gives the same vectors sparse and dense, and for an empty line a zero vector', async () => {
    const texts = ['ConnectionTimeoutError talking to db_primary', '   '];
    const dense = await embedder.embed(texts);
    const sparse = embedder.embedSparse(texts);
    expect(Array.from(toDense(sparse[0], 1024))).toEqual(Array.from(dense[0]));
    expect(sparse[1].indices).toHaveLength(0);
    expect(norm(dense[1])).toBe(0);
  });

  it('is not disturbed by a huge line before it (its scratch space is fully reset)', async () => {
    const text = 'Backup completed successfully in 42s';
    const before = (await embedder.embed([text]))[0];
    const huge = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(' ');
    const [hugeVector, after] = await embedder.embed([huge, text]);
    expect(norm(hugeVector)).toBeCloseTo(1, 5);
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it('is deterministic across instances', async () => {
    const again = new HashingEmbedder({ dimension: 1024 });
    const text = 'Backup completed successfully in 42s';
    expect(Array.from((await again.embed([text]))[0])).toEqual(Array.from((await embedder.embed([text]))[0]));
  });
});

describe('createEmbedder for hashing', () => {
  it('builds from a spec and rebuilds the same embedder from its id', async () => {
    const built = await createEmbedder({ kind: 'hashing', dimension: 512, charWeight: 0.25 });
    const spec = embedderSpecFromId(built.id, { modelsPath: '/nowhere' });
    expect(spec).toEqual({ kind: 'hashing', dimension: 512, charNgramMin: 3, charNgramMax: 5, charWeight: 0.25 });
    expect((await createEmbedder(spec as EmbedderSpec)).id).toBe(built.id);
    expect(embedderSpecFromId('word2vec:d=300', { modelsPath: '/nowhere' })).toBeUndefined();
  });
});
