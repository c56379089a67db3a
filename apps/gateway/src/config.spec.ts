import { renderConfigTable } from '@logclass/service-config';
import { config } from './config';

describe('gateway config', () => {
  it('loads with every default and documents each variable', () => {
    expect(config.load({}).httpPort).toBe(8080);
    const table = renderConfigTable(config);
    for (const name of ['GATEWAY_TIERS', 'GATEWAY_ROUTING', 'GATEWAY_HTTP_PORT', 'GATEWAY_GRPC_PORT', 'GATEWAY_MAX_UPLOAD_BYTES', 'GATEWAY_LLM_TIMEOUT_MS']) {
      expect(table).toContain(`\`${name}\``);
    }
  });
});
