import { bracketedIso, logfmt, pino, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';
import { statusLine } from './app-fillers';

import TEMPLATES_THIRD_PARTY_API from './templates/third-party-api.json';

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
  templates: familyTemplates(TEMPLATES_THIRD_PARTY_API),
});
