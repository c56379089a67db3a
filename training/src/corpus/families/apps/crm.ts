import { logback, springBoot, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_CRM from './templates/crm.json';

// ModernCRM, a Spring service: leads, contacts, opportunities, support
// cases, escalations and the rule engine that drives them. The LegacyCRM it
// replaces is a family of its own (legacy-crm).
const LOGGERS = [
  'com.acme.crm.leads.LeadConversionService',
  'com.acme.crm.cases.EscalationService',
  'com.acme.crm.workflow.RuleEngine',
  'com.acme.crm.contacts.ContactMergeJob',
  'com.acme.crm.ticketing.AssignmentService',
  'com.acme.crm.sync.ErpSyncWorker',
  'com.acme.crm.sales.OpportunityController',
  'LeadController',
];

export const crm = defineFamily({
  family: 'crm',
  description: 'ModernCRM: leads, contacts, opportunities, support cases, escalation and assignment rules',
  sources: ['ModernCRM'],
  formats: [springBoot('modern-crm', LOGGERS), logback(LOGGERS), structuredJson(LOGGERS)],
  bareShare: 0.4,
  fillers: {
    stage: (r) => r.pick(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']),
    team: (r) => r.pick(['Tier 1 Support', 'Enterprise Success', 'EMEA Sales', 'Billing Support', 'VIP Desk', 'Inside Sales']),
    leadSource: (r) => r.pick(['web form', 'trade show import', 'partner referral', 'LinkedIn campaign', 'inbound call']),
  },
  templates: familyTemplates(TEMPLATES_CRM),
});
