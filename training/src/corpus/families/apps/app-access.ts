import { randomMoment } from '../../fillers';
import { criLine, journal, kubectlPrefix } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';
import { statusLine } from './app-fillers';

import TEMPLATES_APP_ACCESS from './templates/app-access.json';

// The access lines that application servers and app-side edges print for
// every request (uvicorn, Gin, morgan, Werkzeug and Django's runserver,
// Phoenix, Traefik, Caddy, an AWS load balancer, IIS in front of ASP.NET).
// Each is already a whole line: at most a container runtime or journald
// frames it. The level is the one written inside the line, if any.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

export const appAccess = defineFamily({
  family: 'app-access',
  description: 'access lines of application servers and app-side edges (uvicorn, Gin, morgan, Werkzeug, Phoenix, Traefik, Caddy, ALB, IIS)',
  sources: ['api-gateway', 'checkout', 'catalog-api', 'ModernCRM', 'ThirdPartyAPI'],
  formats: [criLine, kubectlPrefix(['app', 'web', 'api']), journal('app')],
  bareShare: 0.6,
  fillers: {
    // Werkzeug and Django runserver: `02/Mar/2025 10:15:30`.
    devServerTime: (r) => {
      const t = randomMoment(r);
      return `${pad2(t.day)}/${MONTHS[t.month - 1]}/${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
    },
    statusLine,
  },
  templates: familyTemplates(TEMPLATES_APP_ACCESS),
});
