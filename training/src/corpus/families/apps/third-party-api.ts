import { bracketedIso, logfmt, pino, structuredJson } from '../formats';
import { defineFamily } from '../log-family';
import { statusLine } from './app-fillers';
import { crit, dep, err, http, res, sec, sys, wf } from './template-kit';

// ThirdPartyAPI: the integration layer that calls partner and SaaS APIs and
// receives their webhooks: its outgoing calls, tokens, quotas, the partners'
// deprecation notices it relays, and their outages.
const LOGGERS = ['integrations.client', 'integrations.webhooks', 'integrations.oauth', 'integrations.sync', 'integrations.ratelimit'];

export const thirdPartyApi = defineFamily({
  family: 'third-party-api',
  description: 'ThirdPartyAPI: outgoing calls to partner and SaaS APIs, webhooks in and out, OAuth tokens, quotas, partner deprecations',
  sources: ['ThirdPartyAPI'],
  formats: [structuredJson(LOGGERS), pino('integrations'), logfmt('integrations'), bracketedIso],
  bareShare: 0.4,
  fillers: {
    statusLine,
    provider: (r) => r.pick(['Stripe', 'Salesforce', 'HubSpot', 'Twilio', 'SendGrid', 'Slack', 'Shopify', 'Xero', 'DocuSign', 'Zendesk']),
    partnerHost: (r) => r.pick(['api.stripe.com', 'api.github.com', 'graph.microsoft.com', 'hooks.slack.com', 'api.hubapi.com', 'api.twilio.com', 'api.partner.example', 'api.example.com']),
  },
  templates: [
    // Calls going out and what they answered.
    http('INFO', 'Outgoing request {method} https://{partnerHost}{path} responded {status} in {duration}', 3),
    http(null, 'ThirdPartyAPI call {method} {path} -> HTTP {status}', 3),
    http('DEBUG', '{method} https://{partnerHost}{path} completed: {statusLine} ({int:1:3000} ms)'),
    http('INFO', 'HTTP request to {service} {path} finished with status {status} after {duration}'),
    http('DEBUG', 'upstream response: {status} for {method} {path} (upstream {ip}:{port}, {float:0:2:3}s)'),
    http(null, 'Call to {service} {method} {path} answered {status}'),
    http('INFO', '{provider} API {method} {path} status={status} request_id={hex32}'),
    http('INFO', '{apiFunction} -> {status} in {duration}'),

    // Routine integration work.
    sys('INFO', 'Webhook {evt_{hex8}|{uuid}} from {provider} received and queued', 3),
    sys('DEBUG', 'OAuth access token for {provider} refreshed, expires in {int:600:86400}s'),
    sys(null, 'Sync with {provider} completed: {int:0:9000} records updated'),
    sys('INFO', 'Webhook delivered to {partnerHost} ({int:1:3000} ms)'),
    sys('INFO', 'Integration {provider} connected for tenant {int:100:9999}'),
    sys('DEBUG', 'Rate limiter for {provider} reset for the new window'),
    sys('DEBUG', 'Duplicate delivery of webhook evt_{hex8} from {provider} ignored'),

    // Calls and deliveries that failed.
    err('ERROR', 'Webhook delivery to {https://hooks.example.com/{hex8}|partner endpoint} failed with status {int:500:504}'),
    err('WARN', 'Failed to refresh OAuth token for {service} integration'),
    err('ERROR', 'Webhook retry exhausted for endpoint https://hooks.{example.com|partner.example}/{hex8} after {int:3:10} attempts'),
    err(null, 'Could not send SMS to +{int:1:99}{int:100000000:999999999}: {provider error|invalid number|rate limited}'),
    err('ERROR', 'Could not push {contact|order|invoice} updates to {service}: {cause}'),
    err('WARN', '{provider} call {method} {path} failed: {cause}; retry {int:1:5} of 5'),
    err('ERROR', 'Response from {provider} could not be parsed: {unexpected end of JSON input|missing field "id"|invalid date format}'),
    err('WARN', 'Rate limited by {provider} (HTTP 429), backing off {int:1:120}s'),
    crit('CRITICAL', '{provider} is down: every call has failed for {int:5:120} minutes'),
    crit('ERROR', 'Integration gateway cannot reach any partner API: outbound proxy unavailable'),
    sec('WARN', 'Invalid API key used {int:10:500} times from {ip} in {int:1:10} minutes'),
    sec('ERROR', 'Excessive failed authentication for API client {hex8} ({int:50:1000} in {int:1:5} min)'),
    sec('WARN', 'Webhook signature verification failed for a {provider} event from {ip}: possible spoofed callback'),
    res('INFO', 'API rate limit usage for key {hex8}: {int:1:5000} of 5000 requests this hour'),
    res('WARN', '{provider} quota: {int:80:99}% of the daily {int:1000:100000} call allowance used'),
    res(null, 'X-RateLimit-Remaining for {provider} is {int:0:100} of {int:100:10000}'),

    // What the partners say they will retire.
    dep('WARN', 'The v1 API is deprecated and will stop working on {date}. Please upgrade to v2.'),
    dep('WARN', 'Client is using deprecated API version {int:2019:2022}-{int:1:12}-{int:1:28}; upgrade before {date}'),
    dep('INFO', 'Deprecated field "{customer_id|legacy_status|old_price}" used in request; it will be ignored from {version}'),
    dep(null, "Parameter '{limit|offset|format}' is deprecated for {path}; use cursor pagination"),
    dep('WARN', 'Legacy endpoint {path} called by client {hex8}; endpoint retires on {date}'),
    dep('INFO', 'Deprecated API {apiFunction} called {int:2:9000} times today; please update your integration'),
    dep('WARN', 'This version of the client SDK ({version}) is deprecated. Upgrade to {version} or later.'),
    dep(null, 'Notice of deprecation: {apiFunction} replaced by {apiReplacement}'),
    dep('WARN', 'Heads up: {apiFunction} will be retired {next month|in {int:30:180} days}; move to {apiReplacement}'),
    dep('INFO', 'Version 1 of the {payments|orders|users|reports} API is deprecated; requests to /v1 will stop working after {date}'),
    dep('WARN', 'The {SOAP|XML|FTP} {invoice|order|export} endpoint is obsolete and will be retired {at the end of {month}|in {quarter}}'),
    dep(null, 'This integration uses the legacy {SOAP|XML-RPC|FTP} interface, which is deprecated'),
    dep('INFO', 'The {feature} integration is deprecated in favour of {replacement}'),
    dep('WARN', '{feature} has been sunset; requests are served by {replacement}'),
    dep('INFO', 'The {feature} API is in maintenance mode and will be shut down in {year}'),
    dep(null, '{provider} response carried "Deprecation: true" and "Sunset: {date}" for {path}'),

    // Partner-side business processes that stopped.
    wf('ERROR', 'Order {order} was not pushed to {provider}: the product has no partner SKU mapping'),
    wf('WARN', 'Contract envelope for deal {int:1000:9999} voided by {provider}: the signer declined'),
  ],
});
