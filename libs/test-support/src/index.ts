// Helpers for tests only: real servers and stand-ins for the outside world.
export { listServicesByReflection } from './reflection-client';
export { generateTestCertificates, type TestCertificates } from './test-certificates';
export { MarkerTier, type MarkerTierMode } from './test-tiers';
export { startFakeGroq, answerByKeyword, promptRecords, lastUserMessage, systemMessage, type FakeGroq, type FakeGroqReply, type FakeGroqRequest, type FakeGroqResponder } from './fake-groq';
export { writeTinyBertModel, type TinyBertModel } from './tiny-bert-model';
export { startTierProcess, type TierProcess } from './tier-process';
export { scrapeMetrics, parsePrometheusText, type Scrape, type Sample } from './prometheus-scrape';
export { postgresForTests, freshPostgresSchema, whenPostgres, POSTGRES_URL_VARIABLE, type PostgresForTests, type TestRegistrar } from './postgres-for-tests';
export { LOOPBACK_GATEWAY_ENV } from './gateway-env';
export { TOY_EXAMPLES, TOY_LABELS } from './toy-training-set';
