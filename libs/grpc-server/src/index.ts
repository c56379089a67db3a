export { startClassifierServer, type ClassifierServerOptions, type RunningClassifierServer } from './classifier-server';
export { logClassifierService, type ServiceLimits, type LogClassifierServiceDeps, type CallAdmission, type CallInfo } from './log-classifier-service';
export { serverCredentialsFrom, type ServerTlsFiles } from './server-credentials';
export { ApiKeyCheck, keyFromMetadata, presentedApiKey } from './api-key-check';
export { runService } from './run-service';
export { startClassifierService, type RunningClassifierService } from './classifier-service';
