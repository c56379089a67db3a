import { randomMoment, type Filler } from '../../fillers';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { internetHost, oneOf, pad } from './shared';
import TEMPLATES_PROXY_CLIENT from './templates/proxy-client.json';

/**
 * A desktop proxy client that relays programs' connections through a
 * SOCKS/HTTPS proxy and logs each one: `[01.02 03:04:05] chrome.exe -
 * www.google.com:443 open through proxy proxy.corp.local:8080 HTTPS`.
 * Opening and closing connections (with their byte totals and lifetime)
 * is System Notification; a connection that could not be made or was
 * cancelled is Error.
 */

/** `[MM.DD HH:MM:SS]`, the client's own short stamp. */
const stamp: LineFormat = (m, { rng }) => {
  const t = randomMoment(rng);
  return `[${pad(t.month, 2)}.${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}] ${m}`;
};

const program: Filler = (r) =>
  `${r.pick(['chrome.exe', 'firefox.exe', 'msedge.exe', 'Teams.exe', 'ms-teams.exe', 'OUTLOOK.EXE', 'WINWORD.EXE', 'svchost.exe', 'Dropbox.exe', 'slack.exe', 'Code.exe', 'git-remote-https.exe', 'Spotify.exe', 'steam.exe', 'python.exe', 'OneDrive.exe', 'Zoom.exe', 'putty.exe', 'WinSCP.exe', 'Telegram.exe', 'java.exe', 'node.exe'])}${r.chance(0.2) ? ' *64' : ''}`;
const target: Filler = (r) => `${internetHost(r)}:${r.weighted<number>([[443, 8], [80, 3], [r.pick([22, 5222, 993, 8443, 3478, 5228]), 1]])}`;
const proxy: Filler = (r) => `${r.pick(['proxy.corp.local', 'proxy.example.com', '127.0.0.1', '10.10.1.5', 'gw-proxy-02.acme.io', '192.168.1.10'])}:${r.pick([8080, 3128, 1080, 9050, 8888, 1081])}`;
/** `1190 bytes (1.16 KB)`: the client adds the KB/MB figure once the total passes 1 KB. */
const traffic: Filler = (r) => {
  const n = r.weighted<number>([[r.int(0, 1023), 2], [r.int(1024, 999999), 5], [r.int(1000000, 99999999), 1]]);
  if (n < 1024) return `${n} bytes`;
  return n < 1048576 ? `${n} bytes (${(n / 1024).toFixed(2)} KB)` : `${n} bytes (${(n / 1048576).toFixed(2)} MB)`;
};
const lifetime: Filler = (r) => r.weighted<string>([['<1 sec', 2], [`00:${pad(r.int(1, 59), 2)}`, 5], [`${pad(r.int(1, 59), 2)}:${pad(r.int(0, 59), 2)}`, 2], [`${r.int(1, 9)}:${pad(r.int(0, 59), 2)}:${pad(r.int(0, 59), 2)}`, 1]]);
const winsockError = oneOf(['10061', '10060', '10065', '10051', '10054']);
const rule = oneOf(['Default', 'Corporate', 'Localhost', 'Browsers', 'Direct LAN']);

export const PROXY_CLIENT = defineFamily({
  family: 'proxy-client',
  description: 'A desktop proxy client relaying program connections through a SOCKS/HTTPS proxy',
  sources: ['proxy-client', 'Proxifier'],
  formats: [stamp],
  bareShare: 0.2,
  fillers: { program, target, proxy, traffic, lifetime, winsockError, rule },
  templates: familyTemplates(TEMPLATES_PROXY_CLIENT),
});
