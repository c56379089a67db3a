import { bracketedIso, logfmt, pino, zapJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_AUTH_SERVICE from './templates/auth-service.json';

// An application's own login service (Node or Go): sign-in and sign-out,
// sign-up, MFA, password resets, tokens, lockouts and the alerts it raises.
// The original project's lines ("User User123 logged in.") come from the
// same business apps, so its sources are theirs.
export const authService = defineFamily({
  family: 'auth-service',
  description: "an application's own login service: sign-in, sign-up, MFA, password resets, API tokens, lockouts and login alerts",
  sources: ['ModernCRM', 'ModernHR', 'BillingSystem', 'AnalyticsEngine', 'ThirdPartyAPI', 'auth-service'],
  formats: [pino('auth-service'), zapJson(['auth/login.go', 'auth/session.go', 'auth/mfa.go', 'auth/token.go']), logfmt('auth'), bracketedIso],
  bareShare: 0.45,
  fillers: {
    mfaMethod: (r) => r.pick(['TOTP', 'SMS', 'WebAuthn', 'push', 'email code']),
    idp: (r) => r.pick(['Okta', 'Azure AD', 'Google Workspace', 'Keycloak', 'Auth0', 'OneLogin']),
  },
  templates: familyTemplates(TEMPLATES_AUTH_SERVICE),
});
