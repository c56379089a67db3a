import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('one entry point for training and evaluation', () => {
  it('npm run train is logclass train, npm run evaluate is logclass evaluate', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.train).toBe(`${scripts.logclass} train`);
    expect(scripts.evaluate).toBe(`${scripts.logclass} evaluate`);
  });
});
