import { runService } from '@logclass/grpc-server';
import { createLogger } from '@logclass/observability';
import { loadConfigOrExit } from '@logclass/service-config';
import { config } from './config';
import { startRegexService } from './service';

// The regex tier: load config (exit 78 naming a bad variable), load the rules
// (exit 1 naming a bad rule), serve until SIGTERM.
const cfg = loadConfigOrExit(config);
const log = createLogger(config.service, cfg.logLevel);
runService(log, () => startRegexService(cfg, log));
