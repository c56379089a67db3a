/** One downstream tier as configured: its name (what routing refers to) and gRPC target. */
export interface TierAddress {
  name: string;
  address: string;
}

const NAME = /^[a-z][a-z0-9_-]*$/;

/**
 * Parses "regex=127.0.0.1:50051,embedding=127.0.0.1:50052,llm=127.0.0.1:50053"
 * into tiers in cascade order (cheapest first). The address is any grpc-js
 * target, e.g. "dns:///regex.logclass.svc:50051" for several pods. Throws an
 * Error naming the bad entry.
 */
export function parseTierList(text: string): TierAddress[] {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('list at least one tier as name=host:port');
  const tiers = entries.map((entry) => {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? '' : entry.slice(0, eq).trim();
    const address = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (!name || !address) throw new Error(`"${entry}" is not name=host:port`);
    if (!NAME.test(name)) throw new Error(`tier name "${name}" must be lower-case letters, digits, - or _`);
    if (!/:\d+$/.test(address)) throw new Error(`tier "${name}" address "${address}" has no :port`);
    return { name, address };
  });
  const names = tiers.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`tier "${twice}" is listed twice`);
  return tiers;
}
