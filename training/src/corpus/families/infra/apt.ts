import { formatDate, formatTime, randomMoment, type Filler } from '../../fillers';
import { pythonLevel } from '../formats';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';
import { loginUid, oneOf, pad, unixUser } from './shared';
import TEMPLATES_APT from './templates/apt.json';

/**
 * Debian/Ubuntu package management: /var/log/dpkg.log, apt's history.log and
 * unattended-upgrades.log. Package state changes are System Notification; a
 * command typed by a user (apt history `Commandline:`/`Requested-By:`) is
 * User Action; an upgrade that could not run is Error.
 */

/** The component names the file: `dpkg` (`2024-01-02 03:04:05 status ...`), `unattended-upgrades` (Python logging), `history` (no header). */
const aptLine: LineFormat = (m, { level, component, rng }) => {
  const t = randomMoment(rng);
  if (component === 'history') return m;
  if (component === 'unattended-upgrades') return `${formatDate(t)} ${formatTime(t)},${pad(t.millis, 3)} ${pythonLevel(level)} ${m}`;
  return `${formatDate(t)} ${formatTime(t)} ${m}`;
};

const pkg = oneOf(['libssl3', 'openssl', 'linux-image-5.15.0-91-generic', 'libc6', 'tzdata', 'curl', 'libcurl4', 'nginx', 'nginx-common', 'python3.10', 'libpython3.10-stdlib', 'snapd', 'sudo', 'openssh-server', 'vim-common', 'libnss3', 'ca-certificates', 'docker-ce', 'containerd.io', 'git', 'libexpat1', 'postgresql-15', 'man-db', 'libsystemd0', 'systemd']);
const arch = oneOf(['amd64', 'amd64', 'amd64', 'all', 'arm64']);
const pkgVer: Filler = (r) =>
  r.pick([
    `${r.int(1, 3)}.${r.int(0, 9)}.${r.int(0, 20)}-${r.int(1, 9)}ubuntu${r.int(1, 9)}.${r.int(1, 20)}`,
    `${r.int(1, 3)}.${r.int(0, 9)}.${r.int(0, 20)}-${r.int(1, 9)}+deb12u${r.int(1, 9)}`,
    `5.15.0-${r.int(80, 120)}.${r.int(80, 130)}`,
    `${r.int(2023, 2025)}${r.pick(['a', 'b', 'c'])}-0ubuntu0.22.04`,
    `5:${r.int(20, 27)}.0.${r.int(0, 9)}-1~ubuntu.22.04~jammy`,
    `${r.int(1, 2)}.${r.int(0, 30)}.${r.int(0, 9)}-${r.int(1, 3)}`,
  ]);
const pkgList: Filler = (r) => Array.from({ length: r.int(1, 6) }, () => pkg(r)).join(' ');
const origins = oneOf([
  'o=Ubuntu,a=jammy, o=Ubuntu,a=jammy-security, o=UbuntuESMApps,a=jammy-apps-security, o=UbuntuESM,a=jammy-infra-security',
  'origin=Debian,codename=bookworm,label=Debian-Security, origin=Debian,codename=bookworm-security,label=Debian-Security',
  'o=Ubuntu,a=noble, o=Ubuntu,a=noble-security, o=UbuntuESMApps,a=noble-apps-security',
]);

export const APT = defineFamily({
  family: 'apt',
  description: 'dpkg.log, apt history.log and unattended-upgrades.log on Debian and Ubuntu',
  sources: ['dpkg', 'apt', 'unattended-upgrades'],
  formats: [aptLine],
  bareShare: 0.05,
  fillers: { pkg, arch, pkgVer, pkgList, origins, user: unixUser, uid: loginUid },
  templates: familyTemplates(TEMPLATES_APT),
});
