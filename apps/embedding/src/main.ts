import { runService } from '@logclass/grpc-server';
import { createLogger } from '@logclass/observability';
import { loadConfigOrExit } from '@logclass/service-config';
import { config } from './config';
import { startEmbeddingService } from './service';

// The embedding tier: load config (exit 78 naming a bad variable), load the
// model and its embedder (exit 1 saying what is missing or mismatched), serve until SIGTERM.
const cfg = loadConfigOrExit(config);
const log = createLogger(config.service, cfg.logLevel);
runService(log, () => startEmbeddingService(cfg, log));
