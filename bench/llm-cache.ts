/**
 * How much the LLM tier's cache and batching save: a CSV of 1,000
 * LegacyCRM-style rows drawn from 20 templates with varying ids, classified
 * against a fake Groq that answers after 200 ms, with and without the cache,
 * side by side in one run.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/llm-cache.ts [rows] [delayMs]
 *
 * Rows go in as the gateway sends them: batches of 100, all in flight at once.
 */
import { parse } from 'csv-parse/sync';
import type { LogRecord } from '@logclass/contract';
import { buildLlmClassifier, llmTierConfig } from '@logclass/llm-tier';
import { answerByKeyword, startFakeGroq, type FakeGroqResponder } from '@logclass/test-support';

const ROWS = Number(process.argv[2] ?? 1000);
const DELAY_MS = Number(process.argv[3] ?? 200);
const BATCH = 100;
const CONCURRENCY = 8;

const TEMPLATES = [
  'Case escalation for ticket ID {id} failed because the assigned support agent is no longer active.',
  'Invoice generation process aborted for order ID {id} due to invalid tax calculation module.',
  'Customer follow-up process for lead ID {id} failed due to missing next action.',
  'Lead conversion failed for prospect ID {id} due to missing contact information.',
  'Escalation rule execution failed for ticket ID {id} - undefined escalation level.',
  'Quote {id} could not be approved: pricing workflow stuck in step {n}.',
  'Renewal reminder for contract {id} not sent: billing workflow returned error {n}.',
  'Opportunity {id} stage update rejected by approval workflow.',
  'Ticket {id} auto-assignment failed: no agent in queue {n}.',
  'Refund request {id} for order {n} failed validation in billing flow.',
  'Subscription {id} cancellation workflow timed out after {n} attempts.',
  'Sales order {id} sync to ERP failed in fulfilment workflow.',
  "API endpoint 'getCustomerDetails' is deprecated and will be removed in version {n}. Use 'fetchCustomerInfo' instead.",
  "The 'BulkEmailSender' feature will be retired in release {n}. Use 'EmailCampaignManager' for improved functionality.",
  'Module ReportBuilder v{n} is deprecated: migrate dashboards before {id} days.',
  'SOAP integration endpoint {id} is deprecated; switch to REST API v{n}.',
  'User {id} logged in from the mobile app.',
  'User {id} logged out after {n} minutes.',
  'Account {id} created by admin {n}.',
  'Legacy export job {id} is deprecated and will stop in {n} weeks.',
];

const KEYWORDS = [
  [/deprecated|retired/i, 'Deprecation Warning'],
  [/logged|created by admin/i, 'User Action'],
  [/failed|aborted|rejected|timed out|not sent|could not|stuck/i, 'Workflow Error'],
] as const;

/** Deterministic rows (mulberry32) so runs compare. */
function makeCsv(rows: number): string {
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines = ['source,log_message'];
  for (let i = 0; i < rows; i++) {
    const template = TEMPLATES[Math.floor(random() * TEMPLATES.length)];
    const message = template.replace('{id}', String(1000 + Math.floor(random() * 9000))).replace('{n}', String(1 + Math.floor(random() * 99)));
    lines.push(`LegacyCRM,"${message.replace(/"/g, '""')}"`);
  }
  return lines.join('\n');
}

interface Scenario {
  name: string;
  /** LLM_* variables of this scenario, over BASE_ENV. */
  env: Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  { name: 'cache (template key), 1 msg/call', env: { LLM_CACHE_SIZE: '10000', LLM_CACHE_KEY: 'template', LLM_MESSAGES_PER_CALL: '1' } },
  { name: 'cache (template key), 10 msgs/call', env: { LLM_CACHE_SIZE: '10000', LLM_CACHE_KEY: 'template', LLM_MESSAGES_PER_CALL: '10' } },
  { name: 'cache (exact key), 10 msgs/call', env: { LLM_CACHE_SIZE: '10000', LLM_CACHE_KEY: 'exact', LLM_MESSAGES_PER_CALL: '10' } },
  { name: 'no cache, 10 msgs/call', env: { LLM_CACHE_SIZE: '0', LLM_MESSAGES_PER_CALL: '10' } },
  { name: 'no cache, 1 msg/call', env: { LLM_CACHE_SIZE: '0', LLM_MESSAGES_PER_CALL: '1' } },
];

/** The tier as the service builds it, with no retries, no answer expiry and no spend ceiling (the bench measures calls, not budgets). */
const BASE_ENV = {
  GROQ_API_KEY: 'bench',
  LLM_TIMEOUT_MS: '30000',
  LLM_CONCURRENCY: String(CONCURRENCY),
  LLM_MAX_RETRIES: '0',
  LLM_CACHE_TTL_MS: '0',
  LLM_MAX_TOKENS_PER_MINUTE: '0',
  // Every scenario starts cold: answers kept by an earlier run would hide the calls measured.
  LLM_STORE: 'none',
};

async function main(): Promise<void> {
  const records: LogRecord[] = (parse(makeCsv(ROWS), { columns: true }) as Array<{ source: string; log_message: string }>).map((r) => ({
    source: r.source,
    logMessage: r.log_message,
  }));
  const answer = answerByKeyword(KEYWORDS);
  // Usage as a real model would report it, roughly: ~4 characters per token.
  const respond: FakeGroqResponder = async (request) => {
    const reply = await answer(request);
    if (!('content' in reply)) return reply;
    const tokens = (text: string) => Math.ceil(text.length / 4);
    return { ...reply, usage: { prompt_tokens: tokens(JSON.stringify(request.body.messages)), completion_tokens: tokens(reply.content) } };
  };
  const fake = await startFakeGroq({ respond, delayMs: DELAY_MS });
  const rows: string[][] = [];
  try {
    for (const scenario of SCENARIOS) {
      fake.reset();
      const classifier = buildLlmClassifier(llmTierConfig.load({ ...BASE_ENV, GROQ_BASE_URL: fake.baseUrl, ...scenario.env }));
      const started = performance.now();
      const batches: LogRecord[][] = [];
      for (let i = 0; i < records.length; i += BATCH) batches.push(records.slice(i, i + BATCH));
      const results = (await Promise.all(batches.map((b) => classifier.classify(b)))).flat();
      const wallMs = performance.now() - started;
      // Right label for its own row: checks that batching never hands one row's answer to another.
      const expected = (message: string) => KEYWORDS.find(([pattern]) => pattern.test(message))?.[1];
      const correct = results.filter((r, i) => r.label === expected(records[i].logMessage)).length;
      const stats = classifier.stats();
      rows.push([
        scenario.name,
        String(fake.requests.length),
        String(stats.promptTokens + stats.completionTokens),
        String(fake.maxConcurrent),
        wallMs.toFixed(0),
        `${correct}/${results.length}`,
      ]);
    }
  } finally {
    await fake.close();
  }
  const header = ['scenario', 'calls', 'tokens', 'peak concurrent', 'wall ms', 'right label'];
  console.log(`${ROWS} LegacyCRM rows from ${TEMPLATES.length} templates, batches of ${BATCH} in parallel, fake Groq answering after ${DELAY_MS} ms, LLM_CONCURRENCY=${CONCURRENCY}`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
