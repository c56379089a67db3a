import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEmbeddingClassifier, buildReloadableEmbeddingClassifier } from './build-embedding-classifier';
import { embeddingTierConfig } from './embedding-settings';
import { versionDir, writeCurrentPointer } from './model-versions';
import { resolveShippedPath } from './shipped-path';

describe('building the embedding tier from the EMBEDDING_* settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'embedding-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the shipped model with the defaults when nothing is set, from any working directory', async () => {
    const classifier = await buildEmbeddingClassifier(embeddingTierConfig.load({}), { maxBatchSize: 9 });
    try {
      expect(classifier.describe()).toMatchObject({ tier: 'embedding', maxBatchSize: 9, model: expect.stringContaining('hashing-v2') });
      expect(classifier.cacheStats().size).toBe(0);
    } finally {
      await classifier.close();
    }
  });

  it('takes the threshold and cache size named by the environment', async () => {
    const classifier = await buildEmbeddingClassifier(embeddingTierConfig.load({ EMBEDDING_THRESHOLD: '0.999', EMBEDDING_CACHE_SIZE: '0' }));
    try {
      expect(classifier.threshold).toBe(0.999);
      const [result] = await classifier.classify([{ source: 'svc', logMessage: 'User 44 logged in.' }]);
      expect(result.reason).toMatch(/ < 0\.999 \(\w[\w ]*\)$/);
      expect(classifier.cacheStats().size).toBe(0);
    } finally {
      await classifier.close();
    }
  });

  it("serves the folder's current version, reloadable or not", async () => {
    // A model root whose only version is v1, a copy of the shipped model.
    const shipped = resolveShippedPath('models/hashing-lr');
    mkdirSync(versionDir(root, 'v1'), { recursive: true });
    for (const file of ['model.json', 'weights.f32']) copyFileSync(join(shipped, file), join(versionDir(root, 'v1'), file));
    writeCurrentPointer(root, 'v1');
    const settings = embeddingTierConfig.load({ EMBEDDING_MODEL_DIR: root });
    const reloadable = await buildReloadableEmbeddingClassifier(settings);
    const plain = await buildEmbeddingClassifier(settings);
    try {
      expect(reloadable.version).toBe('v1');
      expect(plain.describe().model).toBe(reloadable.describe().model);
    } finally {
      await reloadable.close();
      await plain.close();
    }
  });
});
