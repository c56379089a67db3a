import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceConfig, renderReadme, ROOT, SERVICES } from './config-docs';

describe('README configuration tables', () => {
  it('match every service configuration schema (run `npm run docs:config` after changing a setting)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });

  it('every service loads with its defaults alone: npm start needs no configuration', () => {
    for (const app of SERVICES) {
      expect(() => loadServiceConfig(app).load({})).not.toThrow();
    }
  });
});
