import type { LogRecord } from '@logclass/contract';
import { DEFAULT_SHAPES_PER_TEMPLATE, messageShapes, prng, withRandomIds } from './generate-csv';

/** `n` records drawn from the corpus shapes with fresh ids, the same for a given seed. */
export async function recordPool(n: number, seed = 11): Promise<LogRecord[]> {
  const shapes = await messageShapes(DEFAULT_SHAPES_PER_TEMPLATE);
  const rand = prng(seed);
  return Array.from({ length: n }, () => {
    const r = shapes[Math.floor(rand() * shapes.length)];
    return { source: r.source, logMessage: withRandomIds(r.logMessage, rand) };
  });
}
