import { defineFamily, familyTemplates } from '../log-family';
import { bodyBytes, client, proto, referer, target, userAgent, vhost } from './web';
import TEMPLATES_APACHE_ACCESS from './templates/apache-access.json';

/**
 * Apache httpd access logs: common, combined, vhost_combined and combined
 * with %D/%T timings, plus the odd lines real servers write (TLS bytes on a
 * plain port, a client that sent nothing). Every line is one request with
 * its status: HTTP Status, whatever the code.
 */
export const APACHE_ACCESS = defineFamily({
  family: 'apache-access',
  description: 'Apache httpd access log lines (common, combined, vhost_combined)',
  sources: ['apache', 'httpd', 'access.log'],
  formats: [],
  bareShare: 1,
  fillers: { client, vhost, target, proto, bytes: bodyBytes, referer, ua: userAgent, ruser: (r) => r.weighted<string>([['-', 9], [r.pick(['admin', 'alice', 'deploy', 'jenkins']), 1]]) },
  templates: familyTemplates(TEMPLATES_APACHE_ACCESS),
});

