import { maskTemplate } from '@logclass/template-mask';
import { EmbeddingClassifier } from './embedding-classifier';
import type { Embedder } from './embedder';
import { HashingEmbedder } from './hashing-embedder';
import { trainArtifact } from './train-artifact';

/** Records the texts it is asked to embed, to see what the classifier hands over. */
class RecordingEmbedder extends HashingEmbedder {
  readonly seen: string[] = [];
  override embedSparse(texts: readonly string[]) {
    this.seen.push(...texts);
    return super.embedSparse(texts);
  }
}

describe('embedding tier message cap', () => {
  it('embeds only the first maxMessageChars characters but reports the whole message template', async () => {
    const embedder = new RecordingEmbedder({ dimension: 256 });
    const artifact = await trainArtifact(embedder as Embedder, [
      { text: 'User 12 logged in.', label: 'User Action' },
      { text: 'Disk space used 40GB of 50GB', label: 'Resource Usage' },
    ], { name: 'toy', version: '1', labels: ['User Action', 'Resource Usage'], threshold: 0.5, l2: 0.01 });
    embedder.seen.length = 0;
    const classifier = new EmbeddingClassifier(artifact, embedder, { maxMessageChars: 100, cacheSize: 0 });
    const huge = `User logged in ${'x'.repeat(1_000_000)}`;
    const [result] = await classifier.classify([{ source: 'S', logMessage: huge }], { includeTemplate: true });
    expect(embedder.seen.length).toBeGreaterThan(0);
    expect(embedder.seen.every((t) => t.length <= 100)).toBe(true);
    expect(result.template).toBe(maskTemplate(huge));
  });
});
