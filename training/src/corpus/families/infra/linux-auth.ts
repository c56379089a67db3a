import { FILLERS, type Filler } from '../../fillers';
import { defineFamily, familyTemplates } from '../log-family';
import { loginUid, oneOf, programJournal, programSyslog, sticky, tty, unixUser } from './shared';
import TEMPLATES_LINUX_AUTH from './templates/linux-auth.json';

/**
 * The rest of auth.log: PAM, sudo, su, login, the shadow tools (useradd,
 * usermod, passwd), systemd-logind and polkit. Each template's component is
 * the program that writes it, so the syslog tag matches the message. A
 * refused or failed authentication is Security Alert; what an account did
 * successfully (sudo command, su, login, account or password change) is
 * User Action.
 */

const pwd: Filler = (r) => r.pick([`/home/${unixUser(r)}`, '/var/lib/app', '/', '/var/www/html', '/etc/nginx', '/opt/app', '/srv/deploy', '/mnt/data', '/var/log']);
const sudoCmd: Filler = (r) =>
  r.pick([
    '/usr/bin/apt update',
    '/usr/bin/apt upgrade -y',
    '/usr/bin/systemctl restart nginx',
    '/usr/bin/systemctl status postgresql',
    '/bin/bash',
    '/usr/bin/su -',
    '/usr/bin/docker ps -a',
    '/usr/bin/journalctl -u kubelet -f',
    '/usr/bin/tail -f /var/log/syslog',
    '/usr/bin/vim /etc/hosts',
    '/usr/sbin/reboot',
    '/usr/bin/cat /etc/shadow',
    '/usr/bin/mount /dev/sdb1 /mnt/data',
    '/usr/bin/chown -R www-data:www-data /var/www/html',
    '/usr/local/bin/kubectl get pods -A',
    '/usr/bin/dnf install -y htop',
    '/usr/sbin/iptables -L -n',
    '/usr/bin/crontab -e',
  ]);
const sess: Filler = (r) => String(r.weighted<number>([[r.int(1, 99), 2], [r.int(100, 9999), 3], [r.int(10000, 99999), 1]]));
const group = oneOf(['sudo', 'docker', 'adm', 'wheel', 'www-data', 'lxd', 'developers', 'ssh-users']);
const sameUser = sticky(unixUser);
const sameUid = sticky(loginUid);
const sameSess = sticky(sess);
const vt: Filler = (r) => `tty${r.int(1, 6)}`;

export const LINUX_AUTH = defineFamily({
  family: 'linux-auth',
  description: 'Linux PAM, sudo, su, login, shadow-utils, systemd-logind and polkit messages (auth.log, secure)',
  sources: ['auth.log', 'secure', 'sudo', 'systemd-logind'],
  formats: [programSyslog('sudo'), programSyslog('sudo'), programJournal('sudo')],
  fillers: { user: unixUser, user1: sameUser.first, user1again: sameUser.again, uid1: sameUid.first, uid1again: sameUid.again, sess1: sameSess.first, sess1again: sameSess.again, tty, pwd, sudoCmd, uid: loginUid, sess, group, vt, n: (r) => String(r.int(1, 9999)), host: FILLERS.host },
  templates: familyTemplates(TEMPLATES_LINUX_AUTH),
});
