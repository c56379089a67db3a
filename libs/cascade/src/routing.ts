/** Which tiers, in which order, classify the records of one source. */
export interface RoutingPolicy {
  /** Tiers to use for a source, in order; default = all tiers in order. */
  tiersFor(source: string): readonly string[];
}

/** The key of a routing table that matches every source without an entry of its own. */
export const DEFAULT_ROUTE = '*';

/**
 * The routing a deployment starts with (GATEWAY_ROUTING's default, and the
 * in-process cascade's): LegacyCRM has almost no labelled data, so the LLM
 * first, then the embedding tier when the LLM cannot answer (no key, down,
 * off-taxonomy); every other source through every tier in cascade order.
 */
export const DEFAULT_ROUTING = '{"LegacyCRM":["llm","embedding"]}';

/** Every source goes through every tier, in the cascade's order. */
export function allTiersRouting(tierNames: readonly string[]): RoutingPolicy {
  const all = [...tierNames];
  return { tiersFor: () => all };
}

/**
 * Routing as configuration: a JSON object from source to tier list, e.g.
 * `{"LegacyCRM": ["llm"], "*": ["regex", "embedding", "llm"]}`. Sources
 * match exactly (case-sensitive, as sent); `"*"` is the fallback, and
 * without it unlisted sources use every tier in order. Empty text means
 * "every tier for every source". Throws an Error naming the bad entry.
 */
export function parseRouting(text: string, tierNames: readonly string[]): RoutingPolicy {
  if (text.trim() === '') return allTiersRouting(tierNames);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`routing is not valid JSON (${(err as Error).message}); expected e.g. {"LegacyCRM": ["llm"], "*": [${tierNames.map((t) => `"${t}"`).join(', ')}]}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('routing must be a JSON object from source name to a list of tiers');
  }
  const known = new Set(tierNames);
  const routes = new Map<string, readonly string[]>();
  for (const [source, tiers] of Object.entries(parsed)) {
    routes.set(source, checkRoute(source, tiers, known, tierNames));
  }
  const fallback = routes.get(DEFAULT_ROUTE) ?? [...tierNames];
  return { tiersFor: (source) => routes.get(source) ?? fallback };
}

function checkRoute(source: string, tiers: unknown, known: ReadonlySet<string>, tierNames: readonly string[]): readonly string[] {
  const where = `routing for source "${source}"`;
  if (!Array.isArray(tiers) || tiers.some((t) => typeof t !== 'string')) {
    throw new Error(`${where} must be a list of tier names`);
  }
  // An empty route would make a source silently unclassifiable: almost surely a mistake.
  if (tiers.length === 0) throw new Error(`${where} is empty; list at least one of: ${tierNames.join(', ')}`);
  const seen = new Set<string>();
  for (const tier of tiers as string[]) {
    if (!known.has(tier)) throw new Error(`${where} names unknown tier "${tier}"; known tiers: ${tierNames.join(', ')}`);
    if (seen.has(tier)) throw new Error(`${where} lists tier "${tier}" twice`);
    seen.add(tier);
  }
  return tiers as string[];
}
