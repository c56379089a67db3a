import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';
import { abstained, classifyNonEmpty, decided, EMPTY_MESSAGE_REASON, type Classifier } from '@logclass/classifier';
import { maskTemplate } from '@logclass/template-mask';
import { LRUCache } from 'lru-cache';
import type { ModelArtifact } from './artifact';
import { embedSparse, type Embedder } from './embedder';
import { argmax, LogisticRegressionModel } from './logistic-regression';
import { memoryIndexOf, TEMPLATE_MEMORY_REASON, type MemoryIndex } from './template-memory';

export const EMBEDDING_TIER = 'embedding';

/**
 * Keys that are not a text to embed start with NUL: a carried template's
 * with CARRIED_KEY, a text that itself starts with NUL with OWN_KEY. So a
 * message can never take the key of a carried template (and give its answer
 * to that template's lines), and the common key stays the text itself.
 */
const CARRIED_KEY = '\u0000c';
const OWN_KEY = '\u0000o';

/**
 * Default of EmbeddingClassifierOptions.maxMessageChars: what the regex tier
 * matches too. A log line's class shows in its first lines; embedding a
 * multi-megabyte dump would cost time and memory for nothing.
 */
export const DEFAULT_MAX_MESSAGE_CHARS = 2048;

export interface EmbeddingClassifierOptions {
  /** Overrides the artifact's threshold. */
  threshold?: number;
  /** Distinct templates remembered (0 = no cache). */
  cacheSize?: number;
  /** How long a cached decision lives, in ms (0 = until evicted). */
  cacheTtlMs?: number;
  /** Reported by describe(): the server's batch limit. */
  maxBatchSize?: number;
  /** Label descriptions for describe(), by label name. */
  labelDescriptions?: ReadonlyMap<string, string>;
  /** Only this many leading characters of a message are embedded (the template a caller asks for is still the whole message's). */
  maxMessageChars?: number;
  /**
   * First-seen templates one model run takes (default DEFAULT_MAX_TEMPLATES_PER_RUN);
   * more are embedded in further runs, each taking its turn. Keeps the
   * tier's memory independent of how many rows a caller sends at once.
   */
  maxTemplatesPerRun?: number;
}

/** Default of EmbeddingClassifierOptions.maxTemplatesPerRun. */
export const DEFAULT_MAX_TEMPLATES_PER_RUN = 256;

/** The model's answer for one template: best class and its probability. */
interface Prediction {
  index: number;
  p: number;
  /** Its answer, made once and shared by the rows of the template (formatting the reason, or even copying the answer, for every row cost more than the lookup). */
  answer?: Classification;
  /** The artifact's template memory has this exact template: decided without the model. */
  remembered?: boolean;
}

/**
 * The embedding tier: embed the message, logistic regression over the
 * artifact's labels, decide when the top probability reaches the threshold,
 * abstain otherwise with the probability as the reason and the top label as
 * `bestGuess`. Predictions are
 * cached by the embedder's own template of the message, because the
 * embedder sees only that, or by the mined template the record carries
 * (see keyOf).
 */
export class EmbeddingClassifier implements Classifier {
  readonly tier = EMBEDDING_TIER;
  readonly threshold: number;
  private readonly model: LogisticRegressionModel;
  private readonly memory: MemoryIndex | undefined;
  private readonly cache: LRUCache<string, Prediction> | undefined;
  private hitCount = 0;
  /** Templates being embedded right now, by any batch. */
  private readonly inFlight = new Map<string, Promise<Prediction>>();
  private lastTurn: Promise<void> = Promise.resolve();
  private missCount = 0;

  constructor(
    readonly artifact: ModelArtifact,
    readonly embedder: Embedder,
    private readonly options: EmbeddingClassifierOptions = {},
  ) {
    if (artifact.embedder.id !== embedder.id || artifact.embedder.dimension !== embedder.dimension) {
      throw new Error(`model ${artifact.name} was trained with embedder "${artifact.embedder.id}", not "${embedder.id}"`);
    }
    this.model = new LogisticRegressionModel(artifact.weights, artifact.bias);
    this.memory = memoryIndexOf(artifact.templateMemory, artifact.labels, artifact.name);
    this.threshold = options.threshold ?? artifact.threshold;
    const size = options.cacheSize ?? 100_000;
    this.cache = size > 0 ? new LRUCache({ max: size, ttl: options.cacheTtlMs || undefined }) : undefined;
  }

  /** Cache hits and misses since start (a batch's repeated template counts as a hit). */
  cacheStats(): { hits: number; misses: number; size: number } {
    return { hits: this.hitCount, misses: this.missCount, size: this.cache?.size ?? 0 };
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions): Promise<Classification[]> {
    return classifyNonEmpty(
      records,
      () => abstained(this.tier, EMPTY_MESSAGE_REASON),
      async (kept) => {
        const cap = this.options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
        const messageOf = new Map<string, string>();
        const keys = kept.map((r) => this.keyOf(r, cap, messageOf));
        const predictions = await this.predictTemplates(keys, messageOf);
        // Every row of a template gets its one answer, frozen so that no caller can change it for the others.
        if (!options?.includeTemplate) return predictions.map((p) => (p.answer ??= Object.freeze(this.toResult(p))));
        // The contract's template is the shared one every tier reports (cache keys here are the embedder's own mask).
        return predictions.map((p, i) => ({ ...(p.answer ??= Object.freeze(this.toResult(p))), template: maskTemplate(kept[i].logMessage) }));
      },
    );
  }

  describe(): DescribeResponse {
    return {
      tier: this.tier,
      labels: this.artifact.labels.map((name) => ({ name, description: this.options.labelDescriptions?.get(name) ?? '' })),
      model: `${this.artifact.name}@${this.artifact.version} (${this.embedder.id})`,
      maxBatchSize: this.options.maxBatchSize ?? 0,
    };
  }

  async close(): Promise<void> {
    await this.embedder.close?.();
  }

  private templateOf(message: string): string {
    return this.embedder.templateOf ? this.embedder.templateOf(message) : message;
  }

  /**
   * What a record's prediction is remembered under: the template the
   * gateway's miner carried with it (LogRecord.template, with
   * GATEWAY_TEMPLATE_TIERS naming this tier), so the lines the miner grouped
   * cost one model run, of the first such line (its capped message is added
   * to `messageOf`); else the embedder's own template of the message, which
   * is also the text embedded. A text the template memory holds keeps its own
   * key: the memory decides that exact template only, never the lines grouped
   * with it. A carried record's own template is made only when the memory
   * needs it or the record's line is the one embedded. A carried template
   * counts by its first `cap` characters, as a message does.
   */
  private keyOf(record: LogRecord, cap: number, messageOf: Map<string, string>): string {
    const message = record.logMessage.length > cap ? record.logMessage.slice(0, cap) : record.logMessage;
    const template = record.template;
    if (template && !(this.memory && this.memory.has(this.templateOf(message)))) {
      // Capped as the message is: the cache holds keys of bounded size, and what is embedded is capped anyway.
      const key = CARRIED_KEY + (template.length > cap ? template.slice(0, cap) : template);
      if (!messageOf.has(key)) messageOf.set(key, message);
      return key;
    }
    const own = this.templateOf(message);
    if (own.charCodeAt(0) !== 0) return own;
    messageOf.set(OWN_KEY + own, message);
    return OWN_KEY + own;
  }

  /**
   * One prediction per template. Each distinct template is embedded once even
   * across concurrent batches: a template already being embedded for another
   * batch is awaited, not embedded again, and model runs take turns (a
   * CPU-bound model gains nothing from running twice at once on the same
   * cores, and the second run would redo the first one's templates). Batches
   * whose templates are all cached never wait for a turn. Work is not
   * cancelled when a caller gives up: its templates fill the cache for the
   * retries and the rest of the file.
   */
  private async predictTemplates(templates: readonly string[], messageOf: ReadonlyMap<string, string>): Promise<Prediction[]> {
    const known = new Map<string, Prediction>();
    const waiting = new Map<string, Promise<Prediction>>();
    const todo = new Set<string>();
    for (const t of templates) {
      if (known.has(t) || todo.has(t) || waiting.has(t)) {
        this.hitCount++;
        continue;
      }
      const cached = this.cache?.get(t);
      const inFlight = cached ? undefined : this.inFlight.get(t);
      if (cached) {
        this.hitCount++;
        known.set(t, cached);
      } else if (inFlight) {
        this.hitCount++;
        waiting.set(t, inFlight);
      } else {
        this.missCount++;
        todo.add(t);
      }
    }
    if (todo.size > 0) {
      const texts = [...todo];
      const perRun = Math.max(1, this.options.maxTemplatesPerRun ?? DEFAULT_MAX_TEMPLATES_PER_RUN);
      // One model run per slice: another batch's run may take its turn in between.
      const runs: Promise<Prediction[]>[] = [];
      for (let start = 0; start < texts.length; start += perRun) {
        const slice = texts.slice(start, start + perRun);
        const run = this.takeTurn(() => this.predictUncached(slice, messageOf));
        run.catch(() => undefined); // awaited below
        slice.forEach((t, i) => {
          const one = run.then((predictions) => predictions[i]);
          one.catch(() => undefined); // the batch that owns the run reports its failure
          this.inFlight.set(t, one);
        });
        runs.push(run);
      }
      try {
        const predictions = (await Promise.all(runs)).flat();
        texts.forEach((t, i) => known.set(t, predictions[i]));
      } finally {
        for (const t of texts) this.inFlight.delete(t);
      }
    }
    for (const [t, p] of waiting) known.set(t, await p);
    return templates.map((t) => known.get(t) as Prediction);
  }

  /**
   * Embeds the keys' texts not cached meanwhile (an earlier turn may have
   * done some) and caches the results. A key is its text, or (messageOf) it
   * stands for a message whose own template is the text.
   */
  private async predictUncached(keys: string[], messageOf: ReadonlyMap<string, string>): Promise<Prediction[]> {
    const out: (Prediction | undefined)[] = keys.map((k) => this.cache?.get(k));
    const missing = keys.filter((_, i) => out[i] === undefined);
    if (missing.length > 0) {
      const texts = missing.map((k) => {
        const message = messageOf.get(k);
        return message === undefined ? k : this.templateOf(message);
      });
      const predictions = await this.predict(texts);
      let j = 0;
      keys.forEach((t, i) => {
        if (out[i] !== undefined) return;
        out[i] = predictions[j++];
        this.cache?.set(t, out[i] as Prediction);
      });
    }
    return out as Prediction[];
  }

  /** Runs `task` after every earlier model run has finished (failed runs do not block the next). */
  private takeTurn<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.lastTurn.then(task);
    this.lastTurn = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async predict(texts: string[]): Promise<Prediction[]> {
    // Looked up once per template the cache does not hold: no cost per row.
    const remembered = this.memory ? texts.map((t) => this.memory?.get(t)) : undefined;
    const toEmbed = remembered ? texts.filter((_, i) => remembered[i] === undefined) : texts;
    const predicted = toEmbed.length > 0 ? (await embedSparse(this.embedder, toEmbed)).map((v) => argmax(this.model.predictProbaSparse(v))) : [];
    if (!remembered) return predicted;
    let j = 0;
    return remembered.map((index) => (index === undefined ? predicted[j++] : { index, p: 1, remembered: true }));
  }

  private toResult({ index, p, remembered }: Prediction): Classification {
    const label = this.artifact.labels[index];
    if (remembered) return decided(this.tier, label, p, TEMPLATE_MEMORY_REASON);
    if (p >= this.threshold) return decided(this.tier, label, p, `p=${p.toFixed(2)}`);
    // The top label travels with the abstention: a gateway with no tier left to ask may answer it as a best guess.
    return { ...abstained(this.tier, `${belowThreshold(p, this.threshold)} (${label})`, p), bestGuess: label };
  }
}

/**
 * "p=0.41 < 0.55": the threshold as configured, the probability truncated to
 * as many decimals (at least two), so the shown p is never rounded up to or
 * past the threshold it missed.
 */
function belowThreshold(p: number, threshold: number): string {
  const shownThreshold = String(Number(threshold.toFixed(6)));
  const digits = Math.max(2, shownThreshold.split('.')[1]?.length ?? 0);
  const scale = 10 ** digits;
  return `p=${(Math.floor(p * scale) / scale).toFixed(digits)} < ${shownThreshold}`;
}
