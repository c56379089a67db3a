import { ConfigError, defineServiceConfig } from '@logclass/service-config';
import { smallHttpApiOptions, startTestGateway } from '../test/gateway-fixture';
import { buildHttpApi, gatewaySettings, parseTierList } from './index';

describe('gateway settings', () => {
  const config = defineServiceConfig('gateway', gatewaySettings());

  it('defaults to the three local tiers in cascade order, LegacyCRM to the LLM first, the embedding tier when the LLM cannot answer', () => {
    const cfg = config.load({});
    expect(cfg.tiers).toEqual([
      { name: 'regex', address: '127.0.0.1:50051' },
      { name: 'embedding', address: '127.0.0.1:50052' },
      { name: 'llm', address: '127.0.0.1:50053' },
    ]);
    expect(JSON.parse(cfg.routing)).toEqual({ LegacyCRM: ['llm', 'embedding'] });
    expect([cfg.grpcPort, cfg.httpPort, cfg.llmTimeoutMs]).toEqual([50050, 8080, 30_000]);
  });

  it('names a bad tier list', () => {
    expect(parseTierList(' regex=dns:///regex:50051 , llm=10.0.0.9:1 ')).toEqual([
      { name: 'regex', address: 'dns:///regex:50051' },
      { name: 'llm', address: '10.0.0.9:1' },
    ]);
    expect(() => parseTierList('regex')).toThrow('"regex" is not name=host:port');
    expect(() => parseTierList('regex=a:1,regex=b:2')).toThrow('tier "regex" is listed twice');
    expect(() => parseTierList('regex=host')).toThrow('has no :port');
    expect(() => config.load({ GATEWAY_TIERS: 'Regex=a:1' })).toThrow(/GATEWAY_TIERS="Regex=a:1": tier name "Regex" must be lower-case/);
  });

  it('refuses routing to a tier that is not configured, naming the variable', async () => {
    await expect(startTestGateway({ GATEWAY_TIERS: 'regex=127.0.0.1:1' })).rejects.toThrow(ConfigError);
    await expect(startTestGateway({ GATEWAY_TIERS: 'regex=127.0.0.1:1' })).rejects.toThrow(/GATEWAY_ROUTING=.*unknown tier "llm"/);
  });

  it('refuses carrying templates to a tier that is not configured', async () => {
    const env = { GATEWAY_TIERS: 'regex=127.0.0.1:1', GATEWAY_ROUTING: '{}', GATEWAY_TEMPLATE_TIERS: 'regex,llm' };
    await expect(startTestGateway(env)).rejects.toThrow(/GATEWAY_TEMPLATE_TIERS names tiers not in GATEWAY_TIERS: llm/);
  });
});

describe('REST errors', () => {
  it('leak nothing of an unexpected failure', async () => {
    const leaky = {
      tier: 'gateway',
      classify: async () => {
        throw new Error('ECONNREFUSED 10.1.2.3:50051 token=abc');
      },
      describe: () => ({ tier: 'gateway', labels: [], model: '', maxBatchSize: 1 }),
    };
    const { app } = await buildHttpApi(smallHttpApiOptions(leaky));
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const json = await fetch(`${url}/classify/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"source":"a","log_message":"b"}]' });
      expect([json.status, await json.json()]).toEqual([500, { error: 'INTERNAL', message: 'internal error' }]);
      const csv = await fetch(`${url}/classify`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'source,log_message\na,b\n' });
      expect([csv.status, await csv.json()]).toEqual([500, { error: 'INTERNAL', message: 'internal error' }]);
    } finally {
      await app.close();
    }
  });
});
