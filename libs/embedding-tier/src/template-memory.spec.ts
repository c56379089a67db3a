import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Outcome } from '@logclass/contract';
import { TOY_EXAMPLES, TOY_LABELS } from '@logclass/test-support';
import { loadArtifact, saveArtifact, type ModelArtifact } from './artifact';
import { DEFAULT_MAX_MESSAGE_CHARS, EmbeddingClassifier } from './embedding-classifier';
import { HashingEmbedder } from './hashing-embedder';
import { memoryKeyOf, TEMPLATE_MEMORY_REASON } from './template-memory';
import { trainArtifact } from './train-artifact';

// A line the toy model has no words for: it abstains on it at any useful threshold.
const UNKNOWN = 'quux 41 frobnicated the zorb widget';

describe('template memory (exact templates decided before the threshold)', () => {
  let dir: string;
  let embedder: HashingEmbedder;
  let plain: ModelArtifact;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'template-memory-'));
    embedder = new HashingEmbedder({ dimension: 256 });
    plain = await trainArtifact(embedder, TOY_EXAMPLES, { name: 'toy', version: '1', labels: TOY_LABELS, threshold: 0.9, l2: 0.01 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const withMemory = (label: string): ModelArtifact => ({ ...plain, templateMemory: { keyedBy: 'embedder-template', entries: [[memoryKeyOf(embedder, UNKNOWN, DEFAULT_MAX_MESSAGE_CHARS), label]] } });

  it('decides every line of a remembered template, whatever its numbers, and leaves other lines to the model', async () => {
    const label = TOY_LABELS[1];
    expect((await new EmbeddingClassifier(plain, embedder).classify([{ source: 's', logMessage: UNKNOWN }]))[0].outcome).toBe(Outcome.OUTCOME_ABSTAINED);
    saveArtifact(dir, withMemory(label));
    const tier = new EmbeddingClassifier(loadArtifact(dir, embedder), embedder);
    const [a, b, c] = await tier.classify([
      { source: 's', logMessage: UNKNOWN },
      { source: 'another source', logMessage: UNKNOWN.replace('41', '9000') },
      { source: 's', logMessage: 'quux 41 frobnicated the zorb gadget' },
    ]);
    expect([a.outcome, a.label, a.reason]).toEqual([Outcome.OUTCOME_DECIDED, label, TEMPLATE_MEMORY_REASON]);
    expect([b.outcome, b.label]).toEqual([Outcome.OUTCOME_DECIDED, label]);
    // One word more or less is another template: the memory is exact.
    expect(c.reason).not.toBe(TEMPLATE_MEMORY_REASON);
  });

  it('refuses a memory whose label the model does not have', () => {
    expect(() => new EmbeddingClassifier(withMemory('No Such Label'), embedder)).toThrow(/template memory label "No Such Label" is not one of the model's labels/);
  });
});
