import { Outcome, type LogRecord } from '@logclass/contract';
import { TOY_EXAMPLES, TOY_LABELS } from '@logclass/test-support';
import type { ModelArtifact } from './artifact';
import { DEFAULT_MAX_MESSAGE_CHARS, EmbeddingClassifier } from './embedding-classifier';
import type { Embedder } from './embedder';
import { HashingEmbedder } from './hashing-embedder';
import { memoryKeyOf, TEMPLATE_MEMORY_REASON } from './template-memory';
import { trainArtifact } from './train-artifact';

describe('EmbeddingClassifier given the template the gateway mined (LogRecord.template)', () => {
  const hashing = new HashingEmbedder({ dimension: 256 });
  let artifact: ModelArtifact;
  let embedded: string[];
  /** The real hashing embedder, with the texts it is asked to embed written down. */
  const counted: Embedder = {
    id: hashing.id,
    dimension: hashing.dimension,
    templateOf: (text) => hashing.templateOf(text),
    embed: (texts) => {
      embedded.push(...texts);
      return hashing.embed(texts);
    },
  };
  beforeAll(async () => (artifact = await trainArtifact(hashing, TOY_EXAMPLES, { name: 'toy', version: '1', labels: TOY_LABELS, threshold: 0.5, l2: 0.01 })));
  beforeEach(() => (embedded = []));

  const carried = (logMessage: string, template: string): LogRecord => ({ source: 'svc', logMessage, template });

  it('embeds the first line of a carried template once and gives its answer to every line of it, in this call and later ones', async () => {
    const tier = new EmbeddingClassifier(artifact, counted, { cacheSize: 100 });
    const template = 'User <*> logged in.';
    const first = await tier.classify([carried('User alice logged in.', template), carried('User bob logged in.', template)]);
    const later = await tier.classify([carried('User carol logged in.', template)]);
    expect(embedded).toEqual([hashing.templateOf('User alice logged in.')]);
    expect([...first, ...later].map((r) => [r.outcome, r.label])).toEqual(Array(3).fill([Outcome.OUTCOME_DECIDED, 'User Action']));
    expect(later[0]).toBe(first[0]); // the one frozen answer of the template
    expect(tier.cacheStats()).toEqual({ hits: 2, misses: 1, size: 1 });
  });

  it('counts a carried template by its first maxMessageChars characters, as it does a message', async () => {
    const tier = new EmbeddingClassifier(artifact, counted, { cacheSize: 100, maxMessageChars: 64 });
    const long = `User <*> logged in. ${'a'.repeat(100)}`;
    await tier.classify([carried('User erin logged in.', `${long} x`), carried('User frank logged in.', `${long} y`)]);
    expect(embedded).toEqual([hashing.templateOf('User erin logged in.')]);
    expect(tier.cacheStats().size).toBe(1);
  });

  it('keys by its own text a record that carries no template, and keeps the two kinds of key apart', async () => {
    const tier = new EmbeddingClassifier(artifact, counted, { cacheSize: 100 });
    const text = 'CPU usage 90% for 5 minutes';
    await tier.classify([{ source: 'svc', logMessage: text }, carried(text, 'CPU usage <*> for <*>')]);
    // One model run per key: the line's own text, and the carried template (whose first line is the same text).
    expect(embedded).toEqual([hashing.templateOf(text), hashing.templateOf(text)]);
  });

  it('does not let a message take the key of a carried template', async () => {
    const tier = new EmbeddingClassifier(artifact, counted, { cacheSize: 100 });
    const template = 'Brute force attack detected on ssh';
    // A line written to be a carried template's key, and embedded first: its answer must not become the template's.
    const [forged] = await tier.classify([{ source: 'svc', logMessage: `\u0000c${template}` }]);
    // The template's first line here says something else: it is what the template's answer comes from.
    const [real] = await tier.classify([carried('User dave logged in.', template)]);
    expect(forged.label).toBe('Security Alert');
    expect([real.outcome, real.label]).toEqual([Outcome.OUTCOME_DECIDED, 'User Action']);
    expect(embedded).toHaveLength(2);
  });

  it('decides a line the template memory holds by the memory, even when it carries a template, and gives that label to no other line', async () => {
    const remembered = 'quux 41 frobnicated the zorb widget';
    const withMemory: ModelArtifact = {
      ...artifact,
      templateMemory: { keyedBy: 'embedder-template', entries: [[memoryKeyOf(hashing, remembered, DEFAULT_MAX_MESSAGE_CHARS), 'Security Alert']] },
    };
    const tier = new EmbeddingClassifier(withMemory, counted, { cacheSize: 100 });
    const template = 'quux <*> frobnicated the zorb <*>';
    const [a, b] = await tier.classify([carried(remembered, template), carried('quux 41 frobnicated the zorb gadget', template)]);
    expect([a.label, a.reason]).toEqual(['Security Alert', TEMPLATE_MEMORY_REASON]);
    expect(b.reason).not.toBe(TEMPLATE_MEMORY_REASON);
    expect(embedded).toEqual([hashing.templateOf('quux 41 frobnicated the zorb gadget')]);
  });
});
