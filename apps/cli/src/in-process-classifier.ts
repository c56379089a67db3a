import type { Cascade } from '@logclass/cascade';
import { buildEmbeddingClassifier, embeddingTierConfig } from '@logclass/embedding-tier';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { buildInProcessCascade } from '@logclass/training';

export interface InProcessOptions {
  /** Model folder (its current version is used); unset = EMBEDDING_MODEL_DIR or its default. */
  model?: string;
  routing: string;
  /** Regex rules file; unset = REGEX_RULES_FILE or the shipped rules. */
  rules?: string;
  /** Label file for every tier; unset = each tier's own *_TAXONOMY_FILE or the default labels. */
  taxonomy?: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The whole cascade in this process, no servers: each tier built by its lib
 * from the same REGEX_*, EMBEDDING_* and LLM_* variables, with the same
 * defaults, as the deployed services (the LLM's spend ceiling included); the
 * command's flags override the variables they name. Without GROQ_API_KEY the
 * LLM tier abstains with "llm disabled: no API key", as deployed.
 */
export async function openInProcessClassifier(opts: InProcessOptions): Promise<Cascade> {
  const taxonomy = opts.taxonomy ? loadTaxonomy(opts.taxonomy) : undefined;
  const regexSettings = regexTierConfig.load(opts.env);
  const embeddingSettings = embeddingTierConfig.load(opts.env);
  const llmSettings = llmTierConfig.load(opts.env);
  const regex = buildRegexClassifier({ ...regexSettings, rulesFile: opts.rules ?? regexSettings.rulesFile }, { taxonomy });
  const embedding = await buildEmbeddingClassifier({ ...embeddingSettings, modelDir: opts.model ?? embeddingSettings.modelDir });
  const llm = buildLlmClassifier(llmSettings, { taxonomy });
  return buildInProcessCascade({ tiers: { regex, embedding, llm }, routing: opts.routing }).cascade;
}
