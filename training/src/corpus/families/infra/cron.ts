import type { Filler } from '../../fillers';
import { defineFamily } from '../log-family';
import { oneOf, programJournal, programSyslog, sticky, unixUser } from './shared';

const sameUser = sticky(unixUser);

/**
 * cron (Debian's vixie cron and RHEL's cronie/crond), anacron, crontab and
 * run-parts. A job started, a table reloaded or a job finished is System
 * Notification; a PAM session cron opens for the job's account is User
 * Action as everywhere in auth.log; a job that exits with an error, a
 * crontab that cannot be used or mail that could not be sent is Error.
 */

const cronCmd = oneOf([
  '   cd / && run-parts --report /etc/cron.hourly',
  'test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )',
  'run-parts /etc/cron.hourly',
  '/usr/lib64/sa/sa1 1 1',
  '/usr/lib/sysstat/debian-sa1 1 1',
  'php /var/www/html/artisan schedule:run >> /dev/null 2>&1',
  '/usr/local/bin/backup.sh > /var/log/backup.log 2>&1',
  'command -v debian-sa1 > /dev/null && debian-sa1 1 1',
  '[ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi',
  '/usr/bin/certbot renew --quiet',
  'python3 /opt/app/manage.py clearsessions',
  '/home/deploy/bin/sync-reports.sh',
  'flock -n /run/lock/rsync.lock rsync -a /srv/data/ backup01:/srv/data/',
  '/usr/bin/find /var/cache/app -type f -mtime +7 -delete',
]);
const cronUser: Filler = (r) => r.weighted<string>([['root', 6], ['www-data', 2], [unixUser(r), 2], ['postgres', 1], ['nagios', 1]]);
const period = oneOf(['cron.daily', 'cron.weekly', 'cron.monthly']);
const script = oneOf(['0anacron', 'logrotate', 'man-db', 'apt-compat', 'dpkg', 'mlocate', 'sysstat', 'popularity-contest', 'apport', 'bsdmainutils', 'raid-check']);
const cronFile = oneOf(['/etc/cron.d/backup', '/etc/cron.d/php', '/etc/cron.d/sysstat', '/etc/cron.d/certbot', '/etc/cron.d/e2scrub_all', '/etc/cron.d/app-jobs']);

export const CRON = defineFamily({
  family: 'cron',
  description: 'cron/crond/CROND, anacron, crontab and run-parts messages in syslog, cron and the journal',
  sources: ['cron', 'crond', 'anacron'],
  formats: [programSyslog('CRON'), programSyslog('CRON'), programJournal('CRON')],
  fillers: { user1: sameUser.first, user1again: sameUser.again, cronCmd, cronUser, period, script, cronFile, user: unixUser, child: (r) => String(r.int(1000, 999999)) },
  templates: [
    { label: 'System Notification', level: null, weight: 4, component: 'CRON', pattern: '({cronUser}) CMD ({cronCmd})' },
    { label: 'System Notification', level: null, weight: 3, component: 'CROND', pattern: '({cronUser}) CMD ({run-parts /etc/cron.hourly|/usr/lib64/sa/sa1 1 1|/usr/lib64/sa/sa2 -A|{cronCmd}})' },
    { label: 'System Notification', level: null, weight: 2, component: 'CROND', pattern: '({cronUser}) CMDEND ({cronCmd})' },
    { label: 'User Action', level: null, weight: 3, component: 'CRON', pattern: 'pam_unix(cron:session): session opened for user {root{(uid=0)|}|www-data{(uid=33)|}|{user}{(uid=1000)|}} by {(uid=0)|root(uid=0)}' },
    { label: 'User Action', level: null, weight: 3, component: 'CRON', pattern: 'pam_unix(cron:session): session closed for user {root|www-data|{user}}' },
    { label: 'System Notification', level: null, component: 'cron', pattern: '(CRON) INFO ({pidfile fd = 3|Running @reboot jobs|Skipping @reboot jobs -- not system startup})' },
    { label: 'System Notification', level: null, component: 'crond', pattern: '(CRON) {STARTUP (1.5.{2|5|7})|INFO (RANDOM_DELAY will be scaled with factor {int:1:99}% if used.)|INFO (running with inotify support)|INFO (@reboot jobs will be run at computer\'s startup.)}' },
    { label: 'System Notification', level: null, weight: 2, component: 'CRON', pattern: '(CRON) info (No MTA installed, discarding output)' },
    { label: 'Error', level: null, weight: 2, component: 'cron', pattern: '(CRON) error (grandchild #{child} failed with exit status {1|2|126|127|255})' },
    { label: 'System Notification', level: null, component: 'cron', pattern: '{(*system*) RELOAD (/etc/crontab)|(*system*php) RELOAD (/etc/cron.d/php)|(*system*sysstat) RELOAD (/etc/cron.d/sysstat)|(*system*certbot) RELOAD (/etc/cron.d/certbot)|({user1}) RELOAD (crontabs/{user1again})}' },
    { label: 'Error', level: null, component: 'cron', pattern: '({user}) ORPHAN (no passwd entry)' },
    { label: 'Error', level: null, component: 'cron', pattern: '(*system*) {BAD FILE MODE|WRONG FILE OWNER|INSECURE MODE (mode 0600 expected)} ({cronFile})' },
    { label: 'Error', level: null, component: 'cron', pattern: 'Error: bad {minute|hour|command|day-of-week}; while reading {cronFile}' },
    { label: 'Error', level: null, component: 'cron', pattern: '(*system*{|backup}) ERROR (Syntax error, this crontab file will be ignored)' },
    { label: 'Error', level: null, component: 'CROND', pattern: '({cronUser}) MAIL (mailed {int:20:9000} bytes of output but got status 0x{004b|0001|00ff} from MTA#012)' },
    { label: 'User Action', level: null, component: 'crontab', pattern: '({user1}) {BEGIN EDIT|REPLACE|END EDIT|LIST|DELETE} ({user1again})' },
    { label: 'System Notification', level: null, weight: 2, component: 'run-parts(/etc/cron.daily)', pattern: '{starting|finished} {script}' },
    { label: 'System Notification', level: null, component: 'run-parts(/etc/cron.hourly)', pattern: '{starting|finished} 0anacron' },
    { label: 'System Notification', level: null, component: 'anacron', pattern: 'Anacron 2.3 started on {date}' },
    { label: 'System Notification', level: null, component: 'anacron', pattern: "Will run job `{period}' in {int:5:45} min." },
    { label: 'System Notification', level: null, component: 'anacron', pattern: '{Jobs will be executed sequentially|Normal exit ({int:0:3} job{s|} run)}' },
    { label: 'System Notification', level: null, weight: 2, component: 'anacron', pattern: "Job `{period}' {started|terminated}" },
    { label: 'Error', level: null, component: 'anacron', pattern: "Job `{period}' terminated (exit status: {1|2|127}) (mailing output)" },
    { label: 'System Notification', level: null, component: 'anacron', pattern: "Job `{period}' locked by another anacron - skipping" },
    { label: 'System Notification', level: null, component: 'anacron', pattern: "Updated timestamp for job `{period}' to {date}" },
  ],
});
