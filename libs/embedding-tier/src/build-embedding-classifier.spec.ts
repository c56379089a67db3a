import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbedder } from './create-embedder';
import { saveArtifact } from './artifact';
import { buildEmbeddingClassifier, buildReloadableEmbeddingClassifier } from './build-embedding-classifier';
import { embeddingTierConfig } from './embedding-settings';
import { versionDir, writeCurrentPointer } from './model-versions';
import { trainArtifact } from './train-artifact';

const EXAMPLES = [
  ['User 12 logged in.', 'User Action'],
  ['User 31 logged out.', 'User Action'],
  ['Disk space used 40GB of 50GB', 'Resource Usage'],
  ['Memory usage at 91% on node-3', 'Resource Usage'],
].map(([text, label]) => ({ text, label }));

async function train(dir: string, version: string): Promise<void> {
  const embedder = await createEmbedder({ kind: 'hashing' });
  saveArtifact(dir, await trainArtifact(embedder, EXAMPLES, { name: 'toy', version, labels: ['User Action', 'Resource Usage'], threshold: 0.4, l2: 1e-3 }));
}

describe('building the embedding tier from the EMBEDDING_* settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'embedding-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the shipped model with the defaults when nothing is set, from any working directory', async () => {
    const classifier = await buildEmbeddingClassifier(embeddingTierConfig.load({}), { maxBatchSize: 9 });
    try {
      expect(classifier.describe()).toMatchObject({ tier: 'embedding', maxBatchSize: 9, model: expect.stringContaining('hashing-v2') });
    } finally {
      await classifier.close();
    }
  });

  it('reads the model folder, threshold and cache size named by the environment', async () => {
    await train(root, 'one');
    const settings = embeddingTierConfig.load({ EMBEDDING_MODEL_DIR: root, EMBEDDING_THRESHOLD: '0.999', EMBEDDING_CACHE_SIZE: '0' });
    const classifier = await buildEmbeddingClassifier(settings);
    try {
      expect(classifier.threshold).toBe(0.999);
      const [result] = await classifier.classify([{ source: 'svc', logMessage: 'User 44 logged in.' }]);
      expect(result.reason).toMatch(/ < 0\.999 \(User Action\)$/);
      expect(classifier.cacheStats().size).toBe(0);
    } finally {
      await classifier.close();
    }
  });

  it('serves the folder\'s current version, reloadable or not', async () => {
    await train(versionDir(root, 'v1'), 'two');
    writeCurrentPointer(root, 'v1');
    const settings = embeddingTierConfig.load({ EMBEDDING_MODEL_DIR: root });
    const reloadable = await buildReloadableEmbeddingClassifier(settings);
    const plain = await buildEmbeddingClassifier(settings);
    try {
      expect(reloadable.version).toBe('v1');
      expect(reloadable.artifact.version).toBe('two');
      expect(plain.describe().model).toMatch(/^toy@two /);
    } finally {
      await reloadable.close();
      await plain.close();
    }
  });
});
