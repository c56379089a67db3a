import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveArtifact, versionDir, writeCurrentPointer } from './index';
import { HashingEmbedder } from './hashing-embedder';
import { loadReloadableEmbeddingClassifier } from './load-reloadable';
import { trainArtifact } from './train-artifact';

const EXAMPLES = [
  { text: 'User 12 logged in from the web app', label: 'User Action' },
  { text: 'Disk space used 40GB of 50GB on volume data', label: 'Resource Usage' },
];

describe('reloadable embedding tier', () => {
  const root = mkdtempSync(join(tmpdir(), 'embedding-options-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves a promoted version with the options of the first one (the message cap included)', async () => {
    const embedder = new HashingEmbedder({ dimension: 256 });
    const save = async (dir: string, version: string) =>
      saveArtifact(dir, await trainArtifact(embedder, EXAMPLES, { name: 'toy', version, labels: ['User Action', 'Resource Usage'], threshold: 0.5, l2: 0.01 }));
    await save(root, 'one');
    await save(versionDir(root, 'v1'), 'two');
    const options = { modelDir: root, embedder: 'artifact', transformersModel: '', transformersQuantized: true, transformersBatchSize: 8, modelsPath: 'models', allowRemoteModels: false, cacheSize: 0, cacheTtlMs: 0, maxMessageChars: 64 } as const;
    const classifier = await loadReloadableEmbeddingClassifier(options);
    try {
      // Words beyond the cap change the vector: a capped tier answers the long line as it answers its first 64 characters.
      const long = `User 7 logged in ${'disk volume space used '.repeat(40)}`;
      const capped = long.slice(0, 64);
      const before = await classifier.classify([{ source: 's', logMessage: long }, { source: 's', logMessage: capped }]);
      expect(before[0].confidence).toBe(before[1].confidence);
      writeCurrentPointer(root, 'v1');
      expect((await classifier.reload()).status).toBe('reloaded');
      const after = await classifier.classify([{ source: 's', logMessage: long }, { source: 's', logMessage: capped }]);
      expect(after[0].confidence).toBe(after[1].confidence);
    } finally {
      await classifier.close();
    }
  });
});
