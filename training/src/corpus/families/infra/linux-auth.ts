import { FILLERS, type Filler } from '../../fillers';
import { defineFamily } from '../log-family';
import { loginUid, oneOf, programJournal, programSyslog, sticky, tty, unixUser } from './shared';

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
  templates: [
    { label: 'User Action', level: null, weight: 4, component: 'sudo', pattern: '{user} : TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'User Action', level: null, component: 'sudo', pattern: '{user} : TTY={tty} ; PWD={pwd} ; USER={postgres|www-data|deploy|jenkins} ; COMMAND={sudoCmd}' },
    { label: 'User Action', level: null, component: 'sudo', pattern: '{user} : PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'User Action', level: null, weight: 4, component: 'sudo', pattern: 'pam_unix(sudo:session): session opened for user root{(uid=0)|} by {user}(uid={uid})' },
    { label: 'User Action', level: null, weight: 3, component: 'sudo', pattern: 'pam_unix(sudo:session): session closed for user root' },
    { label: 'Security Alert', level: null, weight: 2, component: 'sudo', pattern: '{user} : user NOT in sudoers ; TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'Security Alert', level: null, weight: 2, component: 'sudo', pattern: '{user} : {1 incorrect password attempt|2 incorrect password attempts|3 incorrect password attempts} ; TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'Security Alert', level: null, component: 'sudo', pattern: '{user} : command not allowed ; TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'Security Alert', level: null, component: 'sudo', pattern: '{user} : a password is required ; TTY={tty} ; PWD={pwd} ; USER=root ; COMMAND={sudoCmd}' },
    { label: 'Security Alert', level: null, weight: 2, component: 'sudo', pattern: 'pam_unix(sudo:auth): authentication failure; logname={user1} uid={uid} euid=0 tty=/dev/{tty} ruser={user1again} rhost=  user={user1again}' },
    { label: 'User Action', level: null, weight: 2, component: 'su', pattern: '(to {root|postgres|oracle}) {user} on {tty}' },
    { label: 'User Action', level: null, weight: 2, component: 'su', pattern: 'pam_unix({su|su-l}:session): session opened for user {root|postgres|www-data}{(uid=0)|} by {user}(uid={uid})' },
    { label: 'User Action', level: null, component: 'su', pattern: 'pam_unix({su|su-l}:session): session closed for user {root|postgres}' },
    { label: 'Security Alert', level: null, weight: 2, component: 'su', pattern: 'FAILED SU (to root) {user} on {tty}' },
    { label: 'Security Alert', level: null, component: 'su', pattern: 'pam_unix(su:auth): authentication failure; logname={user1} uid={uid} euid=0 tty={tty} ruser={user1again} rhost=  user=root' },
    { label: 'User Action', level: null, component: 'useradd', pattern: 'new user: name={user1}, UID={uid1}, GID={uid1again}, home=/home/{user1again}, shell={/bin/bash|/bin/sh|/usr/sbin/nologin}{, from=/dev/{tty}|}' },
    { label: 'User Action', level: null, component: 'groupadd', pattern: 'new group: name={user}, GID={uid}' },
    { label: 'User Action', level: null, component: 'useradd', pattern: "add '{user}' to {|shadow }group '{group}'" },
    { label: 'User Action', level: null, component: 'usermod', pattern: "change user '{user}' shell from '/bin/sh' to '/bin/bash'" },
    { label: 'User Action', level: null, component: 'userdel', pattern: "delete user '{user}'" },
    { label: 'User Action', level: null, component: 'userdel', pattern: "removed group '{user1}' owned by '{user1again}'" },
    { label: 'User Action', level: null, component: 'passwd', pattern: 'pam_unix(passwd:chauthtok): password changed for {user}' },
    { label: 'User Action', level: null, component: 'chage', pattern: 'changed password expiry for {user}' },
    { label: 'User Action', level: null, component: 'login', pattern: 'pam_unix(login:session): session opened for user {user}{(uid={uid})|} by LOGIN(uid=0)' },
    { label: 'User Action', level: null, component: 'login', pattern: "ROOT LOGIN  on '/dev/{vt}'" },
    { label: 'Security Alert', level: null, component: 'login', pattern: "FAILED LOGIN ({int:1:3}) on '/dev/{vt}' FOR '{UNKNOWN|{user}}', Authentication failure" },
    { label: 'Security Alert', level: null, component: 'login', pattern: 'pam_unix(login:auth): authentication failure; logname=LOGIN uid=0 euid=0 tty=/dev/{vt} ruser= rhost=  user={user}' },
    { label: 'Security Alert', level: null, component: 'sshd', pattern: 'pam_faillock(sshd:auth): Consecutive login failures for user {user} account temporarily locked' },
    { label: 'Security Alert', level: null, component: 'unix_chkpwd', pattern: 'password check failed for user ({user})' },
    { label: 'User Action', level: null, weight: 4, component: 'systemd-logind', pattern: 'New session {sess} of user {user}.' },
    { label: 'User Action', level: null, weight: 2, component: 'systemd-logind', pattern: 'Session {sess} logged out. Waiting for processes to exit.' },
    { label: 'User Action', level: null, weight: 4, component: 'systemd-logind', pattern: 'Removed session {sess}.' },
    { label: 'User Action', level: null, weight: 2, component: 'systemd', pattern: 'Started {Session {sess} of User {user}|session-{sess1}.scope - Session {sess1again} of User {user}}.' },
    { label: 'System Notification', level: null, component: 'systemd', pattern: 'Started {User Manager for UID {uid}|user@{uid1}.service - User Manager for UID {uid1again}}.' },
    { label: 'System Notification', level: null, component: 'systemd-logind', pattern: 'New seat seat0.' },
    { label: 'System Notification', level: null, component: 'systemd-logind', pattern: 'Watching system buttons on /dev/input/event{int:0:4} ({Power Button|Sleep Button|AT Translated Set 2 keyboard})' },
    { label: 'System Notification', level: null, component: 'systemd-logind', pattern: 'System is {rebooting|powering down}.' },
    { label: 'System Notification', level: null, component: 'polkitd', pattern: 'Registered Authentication Agent for unix-session:{sess} (system bus name :1.{n} [/usr/bin/gnome-shell], object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale en_US.UTF-8)' },
    { label: 'Security Alert', level: null, component: 'polkitd', pattern: 'Operator of unix-session:{sess} FAILED to authenticate to gain authorization for action org.freedesktop.systemd1.manage-units for system-bus-name::1.{n} [systemctl restart {nginx|docker|postgresql}] (owned by unix-user:{user})' },
    { label: 'User Action', level: null, component: 'pkexec', pattern: '{user}: Executing command [USER=root] [TTY=/dev/{tty}] [CWD={pwd}] [COMMAND={sudoCmd}]' },
  ],
});
