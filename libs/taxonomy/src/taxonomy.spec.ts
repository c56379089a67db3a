import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTaxonomy, loadTaxonomy, Taxonomy, UNCLASSIFIED } from './index';

describe('Taxonomy', () => {
  it('ships the nine default labels with their meanings', () => {
    expect(defaultTaxonomy.names).toHaveLength(9);
    expect(defaultTaxonomy.names).toContain('Deprecation Warning');
    expect(defaultTaxonomy.labels.every((l) => l.description.length > 10)).toBe(true);
  });

  it('resolves labels written loosely and nothing else', () => {
    expect(defaultTaxonomy.resolve('  http status ')).toBe('HTTP Status');
    expect(defaultTaxonomy.resolve('Security-Alert.')).toBe('Security Alert');
    expect(defaultTaxonomy.resolve('USER_ACTION')).toBe('User Action');
    expect(defaultTaxonomy.resolve('Warning')).toBeUndefined();
    expect(defaultTaxonomy.resolve(UNCLASSIFIED)).toBeUndefined();
    expect(defaultTaxonomy.has('Error')).toBe(true);
    expect(defaultTaxonomy.has('error')).toBe(false);
  });

  it('refuses ambiguous or reserved labels', () => {
    expect(() => new Taxonomy([{ name: 'A b', description: '' }, { name: 'a-B', description: '' }])).toThrow(/differ only/);
    expect(() => new Taxonomy([{ name: 'unclassified', description: '' }])).toThrow(/reserved/);
    expect(() => new Taxonomy([])).toThrow(/at least one/);
  });

  it('loads a deployment taxonomy from a file and names a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tax-'));
    const file = join(dir, 'labels.json');
    writeFileSync(file, JSON.stringify([{ name: 'Billing', description: 'billing events' }]));
    expect(loadTaxonomy(file).names).toEqual(['Billing']);
    writeFileSync(file, '{not json');
    expect(() => loadTaxonomy(file)).toThrow(file);
  });
});
