import { createLogger } from '@logclass/observability';
import { loadConfigOrExit, ConfigError } from '@logclass/service-config';
import { runService } from '@logclass/grpc-server';
import { startGateway } from '@logclass/gateway-server';
import { config } from './config';

const cfg = loadConfigOrExit(config);
const log = createLogger('gateway', cfg.logLevel);
runService(log, async () => {
  try {
    return await startGateway(cfg, log);
  } catch (err) {
    // A setting that is only wrong together with another (routing naming an unknown tier).
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
});
