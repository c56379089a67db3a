import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('one entry point for training', () => {
  it('npm run train is logclass train (one behaviour: versions, corrections, --out)', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.train).toBe(`${scripts.logclass} train`);
  });
});
