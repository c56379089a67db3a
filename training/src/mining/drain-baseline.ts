/**
 * Drain (He et al., ICWS 2017) as Drain3 runs it with its example
 * configuration (drain3.ini: sim_th 0.4, depth 4, max_children 100,
 * extra_delimiters "_", the example's masks), written here as a yardstick
 * only: the issue measured Drain3 so on real logs (0.758 grouping accuracy,
 * 0.99 clusters per true template), so the same algorithm on the corpus
 * tells how far the corpus's figures carry to real logs, and where it groups
 * a true template right and our miner does not, the miner has something to
 * learn that no ground-truth convention explains.
 *
 * The cluster cap (max_clusters 1024) is left out: the corpus holds more true
 * templates than that in one run, and eviction would score the cap, not the
 * algorithm.
 */

export interface DrainOptions {
  similarityThreshold: number;
  /** Drain3's depth: the length layer, then depth - 2 layers of leading tokens. */
  depth: number;
  maxChildren: number;
}

export const DRAIN3_EXAMPLE_OPTIONS: DrainOptions = { similarityThreshold: 0.4, depth: 4, maxChildren: 100 };

const WILDCARD = '<*>';

/** The example configuration's masks, in its order; each value becomes <:NAME:>. */
const EXAMPLE_MASKS: readonly (readonly [RegExp, string])[] = [
  [/((?<=[^A-Za-z0-9])|^)(([0-9a-f]{2,}:){3,}([0-9a-f]{2,}))((?=[^A-Za-z0-9])|$)/g, 'ID'],
  [/((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)/g, 'IP'],
  [/((?<=[^A-Za-z0-9])|^)([0-9a-f]{6,} ?){3,}((?=[^A-Za-z0-9])|$)/g, 'SEQ'],
  [/((?<=[^A-Za-z0-9])|^)([0-9A-F]{4} ?){4,}((?=[^A-Za-z0-9])|$)/g, 'SEQ'],
  [/((?<=[^A-Za-z0-9])|^)(0x[a-f0-9A-F]+)((?=[^A-Za-z0-9])|$)/g, 'HEX'],
  [/((?<=[^A-Za-z0-9])|^)([-+]?\d+)((?=[^A-Za-z0-9])|$)/g, 'NUM'],
  [/(?<=executed cmd )(".+?")/g, 'CMD'],
];

export function drainMask(message: string): string {
  let text = message;
  for (const [pattern, name] of EXAMPLE_MASKS) text = text.replace(pattern, `<:${name}:>`);
  return text;
}

function tokensOf(message: string): string[] {
  const text = drainMask(message).trim().replaceAll('_', ' ');
  return text === '' ? [] : text.split(/\s+/);
}

interface Cluster {
  id: number;
  tokens: string[];
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: Cluster[];
}

const newNode = (): TreeNode => ({ children: new Map(), clusters: [] });

function childOf(node: TreeNode, key: string): TreeNode {
  let child = node.children.get(key);
  if (!child) node.children.set(key, (child = newNode()));
  return child;
}
const hasDigit = (token: string): boolean => /\d/.test(token);

export class Drain {
  private readonly root = newNode();
  private readonly clusters: Cluster[] = [];

  constructor(private readonly options: DrainOptions = DRAIN3_EXAMPLE_OPTIONS) {}

  /** Adds a line and returns its cluster's id (stable: a cluster's template changes, its id does not). */
  add(message: string): number {
    const tokens = tokensOf(message);
    const leaf = this.leafFor(tokens, false);
    const match = leaf && this.bestMatch(leaf.clusters, tokens);
    if (match) {
      match.tokens = match.tokens.map((t, i) => (t === tokens[i] ? t : WILDCARD));
      return match.id;
    }
    const cluster: Cluster = { id: this.clusters.length, tokens };
    this.clusters.push(cluster);
    this.leafFor(tokens, true)?.clusters.push(cluster);
    return cluster.id;
  }

  template(id: number): string {
    return this.clusters[id].tokens.join(' ');
  }

  /** The leaf a line's tokens lead to: its length, then its first depth - 2 - 1 tokens (or the wildcard child). */
  private leafFor(tokens: readonly string[], create: boolean): TreeNode | undefined {
    const lengthKey = String(tokens.length);
    if (!create && !this.root.children.has(lengthKey)) return undefined;
    let node: TreeNode = childOf(this.root, lengthKey);
    const layers = Math.min(this.options.depth - 2, tokens.length) - 1;
    for (let depth = 0; depth < layers; depth++) {
      const next: TreeNode | undefined = create ? this.childToCreate(node, tokens[depth]) : (node.children.get(tokens[depth]) ?? node.children.get(WILDCARD));
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** Drain3's rule for a new line's branch: tokens with digits and tokens past max_children go to the wildcard child. */
  private childToCreate(node: TreeNode, token: string): TreeNode {
    const existing = node.children.get(token);
    if (existing) return existing;
    const room = node.children.has(WILDCARD) ? node.children.size < this.options.maxChildren : node.children.size + 1 < this.options.maxChildren;
    return childOf(node, !hasDigit(token) && room ? token : WILDCARD);
  }

  /** The most similar cluster (wildcards neither match nor count against; ties to more wildcards), if it reaches the threshold. */
  private bestMatch(candidates: readonly Cluster[], tokens: readonly string[]): Cluster | undefined {
    let best: Cluster | undefined;
    let bestSimilarity = -1;
    let bestWildcards = -1;
    for (const cluster of candidates) {
      let same = 0;
      let wildcards = 0;
      for (let i = 0; i < tokens.length; i++) {
        if (cluster.tokens[i] === WILDCARD) wildcards++;
        else if (cluster.tokens[i] === tokens[i]) same++;
      }
      const similarity = tokens.length === 0 ? 1 : same / tokens.length;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && wildcards > bestWildcards)) {
        best = cluster;
        bestSimilarity = similarity;
        bestWildcards = wildcards;
      }
    }
    return best && bestSimilarity >= this.options.similarityThreshold ? best : undefined;
  }
}
