import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../test/store-contract';
import { SqliteTemplateStore } from './sqlite-store';

describe('SqliteTemplateStore', () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'template-store-'));
    // A folder that does not exist yet, as data/ on a fresh clone.
    const file = join(dir, 'data', 'template-labels.sqlite');
    return {
      open: (maxEntries) => new SqliteTemplateStore(file, maxEntries ?? 1000),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
