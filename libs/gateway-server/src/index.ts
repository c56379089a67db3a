export { startGateway, type RunningGateway } from './start-gateway';
export { gatewaySettings, type GatewayConfig, type GatewaySettings } from './settings';
export { parseTierList, type TierAddress } from './tier-list';
export { buildCascade } from './build-cascade';
export { buildHttpApi, type HttpApi, type HttpApiOptions } from './http/http-app';
export { checkReadiness, type ReadinessReport, type TierReadiness } from './readiness';
export { correctionsFromJson } from './http/feedback-records';
