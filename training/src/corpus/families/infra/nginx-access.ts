import { randomMoment, isoTimestamp, type Filler } from '../../fillers';
import { defineFamily, familyTemplates } from '../log-family';

import { bodyBytes, client, proto, referer, seconds3, target, upstreamAddr, userAgent, vhost } from './web';
import TEMPLATES_NGINX_ACCESS from './templates/nginx-access.json';

/**
 * nginx access logs: the default combined format, combined with timings
 * (`rt= uct= uht= urt=`), the ingress-nginx format of Kubernetes and JSON
 * log_format lines. One request per line with its status: HTTP Status.
 */

const upstreamTime: Filler = (r) => (r.chance(0.1) ? '-' : seconds3(r));
const reqId: Filler = (r) => r.hex(32);
const isoLocal: Filler = (r) => isoTimestamp(randomMoment(r)).replace(/\.\d{3}Z$/, '+00:00');

export const NGINX_ACCESS = defineFamily({
  family: 'nginx-access',
  description: 'nginx access log lines (combined, combined with timings, ingress-nginx, JSON)',
  sources: ['nginx', 'access.log', 'ingress-nginx'],
  formats: [],
  bareShare: 1,
  fillers: { client, vhost, target, proto, bytes: bodyBytes, referer, ua: userAgent, rt: seconds3, urt: upstreamTime, upstream: upstreamAddr, reqId, isoLocal, ruser: (r) => r.weighted<string>([['-', 9], [r.pick(['admin', 'prometheus', 'deploy']), 1]]) },
  templates: familyTemplates(TEMPLATES_NGINX_ACCESS),
});
