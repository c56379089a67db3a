import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveShippedPath } from './shipped-path';

describe('resolveShippedPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipped-path-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds a relative path from the working directory, then from folders above the bundle', () => {
    mkdirSync(join(root, 'repo', 'models', 'm'), { recursive: true });
    mkdirSync(join(root, 'repo', 'dist', 'apps', 'embedding'), { recursive: true });
    const bundle = join(root, 'repo', 'dist', 'apps', 'embedding');
    expect(resolveShippedPath('models/m', join(root, 'repo'), '/')).toBe(join(root, 'repo', 'models', 'm'));
    expect(resolveShippedPath('models/m', '/', bundle)).toBe(join(root, 'repo', 'models', 'm'));
    expect(resolveShippedPath('models/x', '/somewhere', bundle)).toBe('/somewhere/models/x');
    expect(resolveShippedPath('/abs/x')).toBe('/abs/x');
  });

  it('finds the shipped model from these sources whatever the working directory', () => {
    expect(resolveShippedPath('models/hashing-lr', root)).toMatch(/models\/hashing-lr$/);
    expect(resolveShippedPath('models/hashing-lr', root)).not.toContain(root);
  });
});
