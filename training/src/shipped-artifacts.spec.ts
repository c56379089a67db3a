import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashingEmbedder, readArtifactMetadata } from '@logclass/embedding-tier';
import { DEFAULT_CORPUS_OPTIONS, generateCorpus } from './corpus/generate';
import { writeLabelledCsv } from './dataset/labelled-csv';

// The committed corpus and model must stay in step with the code that makes and reads them:
// an edited template without `npm run corpus`, or a changed embedder or corpus without
// `npm run train`, fails here instead of shipping a model the service refuses to load.
const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'training', 'data', 'corpus.csv');
const MODEL = join(ROOT, 'models', 'hashing-lr');

describe('committed corpus and shipped model', () => {
  const corpus = readFileSync(CORPUS);

  it('corpus.csv is what `npm run corpus` generates', () => {
    const regenerated = writeLabelledCsv(generateCorpus(DEFAULT_CORPUS_OPTIONS));
    expect(regenerated === corpus.toString('utf8')).toBe(true);
  });

  it('models/hashing-lr was trained on this corpus with the current hashing embedder', () => {
    const metadata = readArtifactMetadata(MODEL);
    expect(metadata.trainingData.fingerprint).toBe(`sha256:${createHash('sha256').update(corpus).digest('hex')}`);
    const embedder = new HashingEmbedder();
    expect(metadata.embedder).toEqual({ id: embedder.id, dimension: embedder.dimension });
    expect(metadata.labels).toHaveLength(9);
  });
});
