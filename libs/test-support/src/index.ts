// Helpers for tests only: real servers and stand-ins for the outside world.
export { listServicesByReflection } from './reflection-client';
export { generateTestCertificates, type TestCertificates } from './test-certificates';
export { MarkerTier, type MarkerTierMode } from './test-tiers';
