import { DEFAULT_ROUTING, parseRouting } from './routing';

const TIERS = ['regex', 'embedding', 'llm'];

describe('parseRouting', () => {
  it('routes listed sources, the "*" fallback, and every tier when unlisted or empty', () => {
    const routing = parseRouting('{"LegacyCRM": ["llm"], "*": ["regex", "llm"]}', TIERS);
    expect(routing.tiersFor('LegacyCRM')).toEqual(['llm']);
    expect(routing.tiersFor('ModernCRM')).toEqual(['regex', 'llm']);
    expect(routing.tiersFor('legacycrm')).toEqual(['regex', 'llm']); // exact match only
    expect(parseRouting('{"LegacyCRM": ["llm"]}', TIERS).tiersFor('Other')).toEqual(TIERS);
    expect(parseRouting('  ', TIERS).tiersFor('Any')).toEqual(TIERS);
  });

  it('by default sends LegacyCRM to the LLM then the embedding tier, everything else through every tier', () => {
    const routing = parseRouting(DEFAULT_ROUTING, TIERS);
    expect(routing.tiersFor('LegacyCRM')).toEqual(['llm', 'embedding']);
    expect(routing.tiersFor('ModernCRM')).toEqual(TIERS);
  });

  it.each([
    ['{"LegacyCRM": ["gpt"]}', 'routing for source "LegacyCRM" names unknown tier "gpt"; known tiers: regex, embedding, llm'],
    ['{"LegacyCRM": "llm"}', 'routing for source "LegacyCRM" must be a list of tier names'],
    ['{"LegacyCRM": []}', 'routing for source "LegacyCRM" is empty; list at least one of: regex, embedding, llm'],
    ['{"X": ["llm", "llm"]}', 'routing for source "X" lists tier "llm" twice'],
    ['["llm"]', 'routing must be a JSON object from source name to a list of tiers'],
    ['{LegacyCRM: [llm]}', 'routing is not valid JSON'],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseRouting(text, TIERS)).toThrow(message);
  });
});
