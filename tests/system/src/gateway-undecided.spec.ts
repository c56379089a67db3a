import { startTestGateway, tiersWithoutLlmKeyForBlock } from './fixtures';

/** The gateway as `npm start` runs it without an LLM key, over REST (see tiersWithoutLlmKeyForBlock). */
describe('gateway: lines no tier decided (GATEWAY_UNDECIDED)', () => {
  const tiers = tiersWithoutLlmKeyForBlock();
  const classify = async (env: Record<string, string>): Promise<Array<Record<string, unknown>>> => {
    const { embedding, llm } = tiers.addresses();
    const gateway = tiers.closeAtEnd(await startTestGateway({ GATEWAY_TIERS: `embedding=${embedding},llm=${llm}`, GATEWAY_ROUTING: '{}', ...env }), (g) => g.stop());
    const res = await fetch(`${gateway.httpUrl}/classify/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ source: 'ModernHR', log_message: 'User 99 logged in.' }]),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Array<Record<string, unknown>>;
  };

  it('answers the embedding tier\'s best guess by default, saying it is one, at its real probability', async () => {
    const [result] = await classify({});
    expect(result).toMatchObject({ label: 'User Action', tier: 'embedding' });
    expect(result.reason).toMatch(/^best guess of embedding, below its threshold \(p=0\.\d+ < 0\.999 \(User Action\)\); no tier decided \(llm: llm disabled: no API key\)$/);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThan(0.999);
  });

  it('answers Unclassified with GATEWAY_UNDECIDED=unclassified', async () => {
    const [result] = await classify({ GATEWAY_UNDECIDED: 'unclassified' });
    expect(result).toMatchObject({ label: 'Unclassified', tier: '', confidence: 0 });
    expect(result.reason).toContain('no tier decided');
  });
});
