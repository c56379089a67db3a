import { EmbeddingClassifier } from './embedding-classifier';
import type { Embedder } from './embedder';
import { HashingEmbedder } from './hashing-embedder';
import { trainArtifact } from './train-artifact';

/** Records how many texts each model run is handed. */
class RunSizeEmbedder extends HashingEmbedder {
  readonly runs: number[] = [];
  override embedSparse(texts: readonly string[]) {
    this.runs.push(texts.length);
    return super.embedSparse(texts);
  }
}

describe('embedding tier model runs', () => {
  const labels = ['User Action', 'Resource Usage'];
  const trained = async (embedder: Embedder) =>
    trainArtifact(embedder, [
      { text: 'User 12 logged in.', label: 'User Action' },
      { text: 'Disk space used 40GB of 50GB', label: 'Resource Usage' },
    ], { name: 'toy', version: '1', labels, threshold: 0.5, l2: 0.01 });

  it('embeds at most maxTemplatesPerRun first-seen templates per run, and answers every record in order', async () => {
    const embedder = new RunSizeEmbedder({ dimension: 256 });
    const artifact = await trained(embedder);
    embedder.runs.length = 0;
    const classifier = new EmbeddingClassifier(artifact, embedder, { maxTemplatesPerRun: 8 });
    const records = Array.from({ length: 50 }, (_, i) => ({ source: 'S', logMessage: `event kind${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} happened` }));
    const alone = await new EmbeddingClassifier(artifact, new HashingEmbedder({ dimension: 256 }), { cacheSize: 0 }).classify(records);
    const results = await classifier.classify([...records, ...records]);
    expect(embedder.runs).toEqual([8, 8, 8, 8, 8, 8, 2]);
    expect(results).toEqual([...alone, ...alone]);
  });

  it('by default takes the first-seen templates of a large batch in runs of at most 256', async () => {
    const embedder = new RunSizeEmbedder({ dimension: 256 });
    const artifact = await trained(embedder);
    embedder.runs.length = 0;
    const records = Array.from({ length: 600 }, (_, i) => ({ source: 'S', logMessage: `job ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26) % 26]} finished` }));
    await new EmbeddingClassifier(artifact, embedder).classify(records);
    expect(Math.max(...embedder.runs)).toBeLessThanOrEqual(256);
    expect(embedder.runs.reduce((a, b) => a + b, 0)).toBe(600);
  });
});
