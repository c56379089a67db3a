import type { Filler } from '../../fillers';
import { defineFamily, familyTemplates } from '../log-family';
import { oneOf, programJournal, programSyslog, sticky, unixUser } from './shared';
import TEMPLATES_CRON from './templates/cron.json';

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
  templates: familyTemplates(TEMPLATES_CRON),
});
