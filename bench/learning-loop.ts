/**
 * The learning loop, end to end: a stream with many templates, part of them
 * programs the shipped model never saw, through the cascade (regex, the
 * shipped embedding model, the LLM tier with its SQLite template-label store)
 * against a Groq stand-in whose oracle knows every template's label and
 * answers after 200 ms:
 *   1. first run: Groq calls and tokens, rows that reach the LLM tier;
 *   2. every tier rebuilt (a restart: memory gone, the store file kept), the same stream: calls;
 *   3. `logclass train --store-labels all` (the store's LLM labels as training data) and `promote`;
 *   4. the same stream: the share of rows that still reach the LLM tier, against the first run's.
 * Every tier is built by its lib's builder from the same settings as the
 * services, in this process (no gRPC hops: what is measured is which tier
 * decides, which the hops do not change).
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/learning-loop.ts [rows] [templates] [novelShare] [corpusEvery] [llmLabelWeight] [memory]
 *
 * Defaults: 300,000 rows, 2,000 templates of which 30% from programs not in
 * the corpus; training on every 4th corpus row (see BENCHMARKS.md for why);
 * memory "on" (the trained version's exact-template memory; "off" =
 * train --no-template-memory).
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Outcome } from '@logclass/contract';
import { buildEmbeddingClassifier, embeddingTierConfig } from '@logclass/embedding-tier';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import { maskTemplate } from '@logclass/template-mask';
import { startFakeGroq } from '@logclass/test-support';
import { buildInProcessCascade, promoteVersion, readLabelledCsv, runTrain, writeLabelledCsv } from '@logclass/training';
import { ROOT } from './lib/generate-csv';
import { runBench } from './lib/run-bench';
import { oracleResponder, templateStream } from './lib/template-stream';

const ROWS = Number(process.argv[2] ?? 300_000);
const TEMPLATES = Number(process.argv[3] ?? 2000);
const NOVEL_SHARE = Number(process.argv[4] ?? 0.3);
const CORPUS_EVERY = Number(process.argv[5] ?? 4);
const LLM_WEIGHT = process.argv[6] ?? '20';
const MEMORY = (process.argv[7] ?? 'on') !== 'off';
const BATCH = 1000;
const IN_FLIGHT = 8;
const DELAY_MS = 200;

interface PassResult {
  seconds: number;
  rowsPerSecond: number;
  byTier: Record<string, number>;
  reachedLlm: number;
  right: number;
  calls: number;
  tokens: number;
  storeHits: number;
  novelRowsReachingLlm: number;
  /** (source, masked template) of the rows that reached the LLM tier. */
  reachedTemplates: Set<string>;
}

async function main(dir: string): Promise<void> {
  const modelRoot = join(dir, 'models', 'hashing-lr');
  cpSync(join(ROOT, 'models', 'hashing-lr'), modelRoot, { recursive: true });
  const storeFile = join(dir, 'template-labels.sqlite');
  const corpus = readLabelledCsv(join(ROOT, 'training', 'data', 'corpus.csv'));

  const { rows: stream, oracle, templatesDrawn, templatesUsed, novelTemplates, mostRows } = templateStream(corpus, ROWS, TEMPLATES, NOVEL_SHARE);
  console.log(`stream: ${ROWS} rows of ${templatesUsed} templates (${templatesDrawn} drawn, ${novelTemplates} of programs not in the corpus), the most frequent template ${mostRows} rows`);
  const respond = oracleResponder(oracle);
  const groq = await startFakeGroq({ respond, delayMs: DELAY_MS });
  const env: NodeJS.ProcessEnv = {
    LLM_GROQ_API_KEY: 'bench',
    LLM_GROQ_BASE_URL: groq.baseUrl,
    LLM_STORE: 'sqlite',
    LLM_STORE_FILE: storeFile,
    LLM_MAX_TOKENS_PER_MINUTE: '0',
    EMBEDDING_MODEL_DIR: modelRoot,
  };

  /** Builds every tier as a fresh process would, runs the stream through, closes them. */
  const pass = async (name: string, before?: Set<string>): Promise<PassResult> => {
    const regex = buildRegexClassifier(regexTierConfig.load(env));
    const embedding = await buildEmbeddingClassifier(embeddingTierConfig.load(env));
    const llm = buildLlmClassifier(llmTierConfig.load(env));
    // Every source through every tier: what reaches the LLM is what the two cheaper tiers left.
    const { cascade } = buildInProcessCascade({ tiers: { regex, embedding, llm }, routing: '{}' });
    const byTier: Record<string, number> = {};
    let right = 0;
    let novelRowsReachingLlm = 0;
    const reachedTemplates = new Set<string>();
    let newlyReaching = 0;
    const start = process.hrtime.bigint();
    let next = 0;
    const worker = async () => {
      for (;;) {
        const from = next;
        if (from >= stream.length) return;
        next += BATCH;
        const slice = stream.slice(from, from + BATCH);
        const results = await cascade.classify(slice.map((s) => s.record));
        results.forEach((r, i) => {
          const tier = r.outcome === Outcome.OUTCOME_DECIDED ? r.tier : 'unclassified';
          byTier[tier] = (byTier[tier] ?? 0) + 1;
          if (r.label === slice[i].label) right++;
          if (tier === 'regex' || tier === 'embedding') return;
          if (slice[i].novel) novelRowsReachingLlm++;
          const key = `${slice[i].record.source}\u0000${maskTemplate(slice[i].record.logMessage)}`;
          reachedTemplates.add(key);
          if (before && !before.has(key)) newlyReaching++;
        });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const stats = llm.stats();
    // Closes every tier (the LLM tier flushes its row counts to the store).
    await cascade.close();
    const reachedLlm = ROWS - (byTier.regex ?? 0) - (byTier.embedding ?? 0);
    const result = { seconds, rowsPerSecond: ROWS / seconds, byTier, reachedLlm, right, calls: stats.calls, tokens: stats.promptTokens + stats.completionTokens, storeHits: stats.storeHits, novelRowsReachingLlm, reachedTemplates };
    const pct = (n: number) => `${((100 * n) / ROWS).toFixed(2)}%`;
    console.log(
      `${name}: ${seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond)} rows/s); regex ${pct(byTier.regex ?? 0)}, embedding ${pct(byTier.embedding ?? 0)}, llm ${pct(byTier.llm ?? 0)}, unclassified ${pct(byTier.unclassified ?? 0)};` +
        ` rows reaching the LLM tier ${reachedLlm} (${pct(reachedLlm)}; of programs not in the corpus ${novelRowsReachingLlm}` +
        (before ? `; of templates that did not reach it before ${newlyReaching} rows, ${[...reachedTemplates].filter((k) => !before.has(k)).length} templates` : '') +
        `, ${reachedTemplates.size} templates); Groq calls ${stats.calls}, tokens ${result.tokens}, store hits ${stats.storeHits} templates; right label ${pct(right)}`,
    );
    return result;
  };

  try {
    const first = await pass('1 first run');
    const restart = await pass('2 after a restart');

    // Training data: the corpus (every CORPUS_EVERY-th row, so the fit takes a minute here) and the store's LLM labels.
    const data = join(dir, 'corpus.csv');
    writeFileSync(data, writeLabelledCsv(corpus.filter((_, i) => i % CORPUS_EVERY === 0)));
    const trainStart = Date.now();
    const trained = await runTrain(
      {
        data, embedder: 'hashing', modelsPath: join(ROOT, 'models'), model: modelRoot, corrections: false, correctionWeight: '20',
        seed: '1', l2: '3e-5', targetPrecision: '0.95', maxIterations: '300', storeLabels: 'all', llmLabelWeight: LLM_WEIGHT, storeFile, routing: '{}',
        templateMemory: MEMORY,
      },
      (line) => console.log(`  train: ${line}`),
      `logclass train --store-labels all --llm-label-weight ${LLM_WEIGHT}${MEMORY ? '' : ' --no-template-memory'} (bench)`,
    );
    const m = trained.llmToEmbedding;
    const tm = trained.templateMemory;
    console.log(
      `3 train: ${((Date.now() - trainStart) / 1000).toFixed(0)} s, ${trained.version}; the report says: ${m?.move.templates} store templates (${m?.move.rows} rows answered) would move to the embedding tier,` +
        ` ${m?.moveAgreeing.templates} of them with the store's label, ${m?.moveByMemory.templates} by the template memory, of ${m?.store.templates} in the store`,
    );
    if (tm) console.log(`  template memory: ${tm.belowThreshold + tm.otherLabel} templates remembered (${tm.belowThreshold} under the threshold, ${tm.otherLabel} labelled otherwise by the model) of ${tm.told} told; ${tm.decidedByModel} already decided by the model, ${tm.notUnanimous} not unanimous`);
    if (trained.comparison) {
      const { old, next } = trained.comparison;
      console.log(`  old vs new on held-out families: accuracy ${(100 * old.noThreshold.accuracy).toFixed(1)}% -> ${(100 * next.noThreshold.accuracy).toFixed(1)}%, decided at threshold ${(100 * old.atThreshold.coverage).toFixed(1)}% -> ${(100 * next.atThreshold.coverage).toFixed(1)}%`);
    }
    await promoteVersion(modelRoot, trained.version as string);
    const after = await pass('4 after train + promote', restart.reachedTemplates);

    console.log('');
    console.log(`Groq calls: first run ${first.calls} (${first.tokens} tokens), after a restart ${restart.calls}, after promotion ${after.calls}`);
    console.log(`rows reaching the LLM tier: first run ${first.reachedLlm}, after train + promote ${after.reachedLlm} = ${((100 * after.reachedLlm) / first.reachedLlm).toFixed(1)}% of the first run's (goal <= 5%)`);
    console.log(`right label: ${((100 * first.right) / ROWS).toFixed(2)}% -> ${((100 * after.right) / ROWS).toFixed(2)}%`);
  } finally {
    await groq.close();
  }
}

runBench('learning-loop-', main);
