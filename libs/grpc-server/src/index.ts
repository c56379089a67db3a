export { startClassifierServer, type ClassifierServerOptions, type RunningClassifierServer } from './classifier-server';
export { logClassifierService, type ServiceLimits } from './log-classifier-service';
export { runService } from './run-service';
