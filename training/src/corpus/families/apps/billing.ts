import { logback, logfmt, springBoot, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_BILLING from './templates/billing.json';

// A billing and order system: invoices, payments through a payment
// provider, tax, subscriptions and renewals, dunning, refunds, orders.
const LOGGERS = [
  'com.acme.billing.InvoiceService',
  'com.acme.billing.payments.PaymentProcessor',
  'com.acme.billing.tax.TaxCalculator',
  'com.acme.billing.subscriptions.RenewalJob',
  'com.acme.billing.dunning.DunningScheduler',
  'com.acme.orders.OrderWorkflow',
  'com.acme.billing.ledger.LedgerPoster',
];

export const billing = defineFamily({
  family: 'billing',
  description: 'BillingSystem: invoices, payments, tax, subscriptions, dunning, refunds and the order-to-cash flow',
  sources: ['BillingSystem'],
  formats: [springBoot('billing-service', LOGGERS), logback(LOGGERS), structuredJson(LOGGERS), logfmt('billing')],
  bareShare: 0.4,
  fillers: {
    amount: (r) => `${r.pick(['$', '€', '£', ''])}${r.int(1, 49999)}.${String(r.int(0, 99)).padStart(2, '0')}`,
    currency: (r) => r.pick(['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD']),
    plan: (r) => r.pick(['Starter', 'Pro', 'Business', 'Enterprise', 'Team Annual', 'Basic Monthly']),
    paymentId: (r) => r.pick([`pi_${r.hex(24)}`, `ch_${r.hex(24)}`, `PAY-${r.int(100000, 999999)}`, String(r.int(10000000, 99999999))]),
    declineCode: (r) => r.pick(['insufficient_funds', 'card_declined', 'expired_card', 'do_not_honor', 'incorrect_cvc', 'processing_error']),
  },
  templates: familyTemplates(TEMPLATES_BILLING),
});
