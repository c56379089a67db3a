export { Cascade, DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCHES_IN_FLIGHT, type CascadeOptions, type CascadeTier, type TierStatus, type StateChangeListener } from './cascade';
export { UNDECIDED_POLICIES, type UndecidedPolicy } from './cascade-run';
export { parseRouting, allTiersRouting, DEFAULT_ROUTE, DEFAULT_ROUTING, type RoutingPolicy } from './routing';
export { breakerSettings, breakerSettingsFrom, DEFAULT_BREAKER_SETTINGS, type BreakerSettings, type BreakerSettingsSchema } from './breaker-settings';
export { isCallerFault, type BreakerState } from './tier-breaker';
export { tierFailure, type TierFailure } from './tier-failure';
export { instrumentCascade, BREAKER_STATE_VALUES } from './cascade-metrics';
export { tierCallResult, type TierCallResult, type TierCallListener } from './tier-calls';
