import { runService } from '@logclass/grpc-server';
import { createLogger } from '@logclass/observability';
import { loadConfigOrExit } from '@logclass/service-config';
import { config } from './config';
import { startLlmService } from './llm-service';

// The LLM tier: load config (exit 78 naming a bad variable), serve until SIGTERM.
const cfg = loadConfigOrExit(config);
const log = createLogger(config.service, cfg.logLevel);
runService(log, () => startLlmService(cfg, log));
