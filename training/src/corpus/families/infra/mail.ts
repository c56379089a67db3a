import type { Filler } from '../../fillers';
import { EMAIL_DOMAINS, FIRST_NAMES } from '../../vocabulary';
import { defineFamily } from '../log-family';
import { oneOf, peerIp, programJournal, programSyslog, publicIp, sticky } from './shared';

/**
 * A mail server's mail.log: Postfix (smtpd, smtp, qmgr, cleanup, anvil,
 * postscreen, master) and Dovecot (IMAP/POP3 logins, LMTP delivery). Mail
 * accepted, queued, delivered and connections coming and going are System
 * Notification; a mailbox login or logout is User Action; failed SASL or
 * IMAP logins, relay attempts and DNSBL/pregreet blocks are Security Alert;
 * a deferred or bounced delivery is Error; connection and quota limits are
 * Resource Usage; a daemon that dies or is throttled is Critical Error.
 */

const queueId: Filler = (r) => (r.chance(0.7) ? r.hex(r.int(9, 11)).toUpperCase() : `4${r.pick(['N', 'P', 'Q', 'R', 'S'])}${Array.from({ length: 13 }, () => 'BCDFGHJKLMNPQRSTVWXYZbcdfghjkmnpqrstvwxyz0123456789'[r.int(0, 49)]).join('')}`);
const address: Filler = (r) => `${r.pick(FIRST_NAMES)}${r.chance(0.3) ? `.${r.pick(['smith', 'ng', 'ops', 'billing'])}` : ''}@${r.pick(EMAIL_DOMAINS)}`;
const remoteHost: Filler = (r) => {
  const ip = publicIp(r);
  return r.weighted<string>([
    [`unknown[${ip}]`, 4],
    [`mail-${r.pick(['wr1', 'ed1', 'lj1', 'pf1'])}-f${r.int(41, 199)}.google.com[209.85.${r.int(128, 221)}.${r.int(1, 254)}]`, 2],
    [`${r.pick(['mx', 'smtp', 'out'])}${r.int(1, 30)}.${r.pick(['mailgun.net', 'sendgrid.net', 'outbound.protection.outlook.com', 'amazonses.com'])}[${ip}]`, 2],
    [`${ip.replace(/\./g, '-')}.${r.pick(['dyn.example-isp.net', 'static.vnpt.vn', 'adsl.tpnet.pl'])}[${ip}]`, 1],
  ]);
};
const mx = oneOf(['gmail-smtp-in.l.google.com', 'mx1.example.com', 'mx.acme.io', 'contoso-com.mail.protection.outlook.com', 'mx00.ionos.de', 'aspmx.l.google.com', 'mail.globex.org']);
const delays: Filler = (r) => `${(r.next() * 0.5).toFixed(2)}/${(r.next() * 0.01).toFixed(r.chance(0.5) ? 2 : 1)}/${(r.next() * 2).toFixed(2)}/${(r.next() * 3).toFixed(2)}`;
const smtpCommand = oneOf(['CONNECT', 'AUTH', 'EHLO', 'RCPT', 'DATA', 'STARTTLS', 'UNKNOWN']);
const rbl = oneOf(['zen.spamhaus.org', 'bl.spamcop.net', 'b.barracudacentral.org', 'dnsbl.sorbs.net']);
const helo = oneOf(['User', 'localhost', 'ylmf-pc', 'WIN-CLJ1B0GQ6JP', 'mail.example.com', '[127.0.0.1]', 'ADMIN']);
const postfixVersion = oneOf(['3.6.4', '3.7.9', '3.8.5', '3.5.18', '2.10.1']);
const msgId: Filler = (r) => `<${r.hex(8)}.${r.hex(6)}@${r.pick(['mail.gmail.com', 'web-01.acme.io', 'example.com', 'localhost'])}>`;
const sameQueueId = sticky(queueId);
const sameMx = sticky(mx);
const sameRcpt = sticky(address);
const sameIp = sticky(publicIp);

export const POSTFIX = defineFamily({
  family: 'postfix',
  description: 'Postfix MTA messages in mail.log / maillog',
  sources: ['postfix', 'mail.log', 'maillog'],
  formats: [programSyslog('postfix/smtpd'), programSyslog('postfix/smtpd'), programJournal('postfix/smtpd')],
  fillers: { rcpt: sameRcpt.first, rcptAgain: sameRcpt.again, mx1: sameMx.first, mx1again: sameMx.again, ip1: sameIp.first, ip1again: sameIp.again, queueId, qid: sameQueueId.first, qidAgain: sameQueueId.again, address, remoteHost, mx, delays, smtpCommand, rbl, helo, postfixVersion, msgId, ip: peerIp, scanIp: publicIp, cport: (r) => String(r.int(1024, 65535)), size: (r) => String(r.int(400, 9999999)), delay: (r) => (r.next() * r.pick([2, 30, 3000])).toFixed(r.chance(0.5) ? 1 : 2), b64: () => 'UGFzc3dvcmQ6' },
  templates: [
    { label: 'System Notification', level: null, weight: 4, component: 'postfix/smtpd', pattern: 'connect from {remoteHost}' },
    { label: 'System Notification', level: null, weight: 4, component: 'postfix/smtpd', pattern: 'disconnect from {remoteHost} ehlo=1 {|starttls=1 }{mail=1 rcpt=1 data=1 |auth=0/1 }quit=1 commands={int:2:6}{|/{int:3:7}}' },
    { label: 'System Notification', level: null, weight: 3, component: 'postfix/smtpd', pattern: '{queueId}: client={remoteHost}{|, sasl_method=PLAIN, sasl_username={address}}' },
    { label: 'System Notification', level: null, weight: 3, component: 'postfix/cleanup', pattern: '{queueId}: message-id={msgId}' },
    { label: 'System Notification', level: null, weight: 3, component: 'postfix/qmgr', pattern: '{queueId}: from=<{address}>, size={size}, nrcpt={int:1:12} (queue active)' },
    { label: 'System Notification', level: null, weight: 3, component: 'postfix/qmgr', pattern: '{queueId}: removed' },
    { label: 'System Notification', level: null, component: 'postfix/pickup', pattern: '{queueId}: uid={0|33|1000} from=<{root|www-data|{address}}>' },
    { label: 'System Notification', level: null, weight: 4, component: 'postfix/smtp', pattern: '{queueId}: to=<{address}>, relay={mx}[{scanIp}]:25, delay={delay}, delays={delays}, dsn=2.0.0, status=sent (250 2.0.0 {OK  {int:1672531200:1798761600} {hex8}.{int:100:999} - gsmtp|Ok: queued as {qid}|{qid} Message accepted for delivery})' },
    { label: 'System Notification', level: null, component: 'postfix/local', pattern: '{queueId}: to=<root@{host}>, orig_to=<root>, relay=local, delay={delay}, delays={delays}, dsn=2.0.0, status=sent (delivered to {mailbox|command: /usr/bin/procmail})' },
    { label: 'Error', level: null, weight: 2, component: 'postfix/smtp', pattern: '{queueId}: to=<{address}>, relay=none, delay={delay}, delays={delays}, dsn=4.4.1, status=deferred (connect to {mx}[{scanIp}]:25: {Connection timed out|Connection refused|No route to host})' },
    { label: 'Error', level: null, weight: 2, component: 'postfix/smtp', pattern: '{queueId}: to=<{rcpt}>, relay={mx1}[{ip1}]:25, delay={delay}, delays={delays}, dsn=5.1.1, status=bounced (host {mx1again}[{ip1again}] said: 550 5.1.1 <{rcptAgain}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))' },
    { label: 'Error', level: null, component: 'postfix/smtp', pattern: 'connect to {mx}[2607:f8b0:4{int:0:9}0e:c0{int:0:9}::1a]:25: Network is unreachable' },
    { label: 'Error', level: null, component: 'postfix/bounce', pattern: '{queueId}: sender non-delivery notification: {qid}' },
    { label: 'Error', level: null, weight: 2, component: 'postfix/smtpd', pattern: 'lost connection after {smtpCommand} from {remoteHost}' },
    { label: 'Error', level: null, component: 'postfix/smtpd', pattern: 'warning: hostname {mail|smtp|host}.{example-isp.net|vnpt.vn} does not resolve to address {scanIp}{|: Name or service not known}' },
    { label: 'Error', level: null, component: 'postfix/smtpd', pattern: 'NOQUEUE: reject: RCPT from {remoteHost}: 450 4.1.8 <{address}>: Sender address rejected: Domain not found; from=<{address}> to=<{address}> proto=ESMTP helo=<{helo}>' },
    { label: 'Error', level: null, component: 'postfix/smtpd', pattern: 'warning: TLS library problem: error:{0A000418:SSL routines::tlsv1 alert unknown ca|0A00010B:SSL routines::wrong version number|0A000076:SSL routines::no suitable signature algorithm}:../ssl/record/rec_layer_s3.c:{int:300:1600}:SSL alert number {48|70|40}:' },
    { label: 'Security Alert', level: null, weight: 3, component: 'postfix/smtpd', pattern: 'warning: {remoteHost}: SASL {LOGIN|PLAIN} authentication failed: {b64}' },
    { label: 'Security Alert', level: null, weight: 2, component: 'postfix/smtpd', pattern: 'NOQUEUE: reject: RCPT from {remoteHost}: 554 5.7.1 <{address}>: Relay access denied; from=<{address}> to=<{address}> proto=ESMTP helo=<{helo}>' },
    { label: 'Security Alert', level: null, component: 'postfix/smtpd', pattern: 'NOQUEUE: reject: RCPT from {remoteHost}: 554 5.7.1 Service unavailable; Client host [{scanIp}] blocked using {rbl}; from=<{address}> to=<{address}> proto=ESMTP helo=<{helo}>' },
    { label: 'Security Alert', level: null, component: 'postfix/postscreen', pattern: '{PREGREET {int:11:40} after {float:0:2:2} from [{scanIp}]:{cport}: EHLO {helo}\\r\\n|DNSBL rank {int:2:9} for [{scanIp}]:{cport}}' },
    { label: 'System Notification', level: null, weight: 2, component: 'postfix/postscreen', pattern: '{CONNECT from|PASS OLD|PASS NEW|DISCONNECT} [{ip}]:{cport}{ to [{ip}]:25|}' },
    { label: 'Resource Usage', level: null, component: 'postfix/anvil', pattern: 'statistics: max {connection rate {int:1:60}/60s|connection count {int:1:50}|cache size {int:1:200}} for ({smtp|submission}:{scanIp}) at {Jan|Mar|Jul|Oct} {int:1:28} {int:10:23}:{int:10:59}:{int:10:59}' },
    { label: 'Resource Usage', level: null, component: 'postfix/smtpd', pattern: 'warning: Connection rate limit exceeded: {int:31:200} from {remoteHost} for service smtp' },
    { label: 'System Notification', level: null, component: 'postfix/master', pattern: '{daemon started|reload} -- version {postfixVersion}, configuration /etc/postfix' },
    { label: 'System Notification', level: null, component: 'postfix/master', pattern: 'terminating on signal 15' },
    { label: 'Critical Error', level: null, component: 'postfix/master', pattern: 'warning: process /usr/{lib/postfix/sbin|libexec/postfix}/{smtpd|cleanup|qmgr} pid {pid} exit status 1' },
    { label: 'Critical Error', level: null, component: 'postfix/master', pattern: 'warning: /usr/lib/postfix/sbin/{smtpd|cleanup|smtp}: bad command startup -- throttling' },
    { label: 'Critical Error', level: null, component: 'postfix/smtpd', pattern: 'fatal: open database /etc/postfix/{virtual|transport|sasl_passwd}.db: No such file or directory' },
    { label: 'Error', level: null, component: 'postfix/trivial-rewrite', pattern: 'warning: database /etc/postfix/{virtual|transport}.db is older than source file /etc/postfix/{virtual|transport}' },
  ],
});

const session: Filler = (r) => `<${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[r.int(0, 63)]).join('')}>`;
const mailUser: Filler = (r) => (r.chance(0.6) ? address(r) : r.pick(FIRST_NAMES));
const lip: Filler = (r) => `10.${r.int(0, 9)}.${r.int(0, 255)}.${r.int(1, 254)}`;

export const DOVECOT = defineFamily({
  family: 'dovecot',
  description: 'Dovecot IMAP/POP3/LMTP server messages in mail.log',
  sources: ['dovecot', 'mail.log', 'maillog'],
  formats: [programSyslog('dovecot'), programSyslog('dovecot'), programJournal('dovecot')],
  fillers: { session, mailUser, lip, rip: peerIp, scanIp: publicIp, msgId, ver: (r) => `2.3.${r.int(4, 21)}`, mpid: (r) => String(r.int(100, 99999)), io: (r) => String(r.int(0, 9999999)), secs: (r) => String(r.int(0, 30)), n: (r) => String(r.int(1, 20)) },
  templates: [
    { label: 'User Action', level: null, weight: 4, component: 'dovecot', pattern: '{imap|pop3}-login: Login: user=<{mailUser}>, method={PLAIN|LOGIN|CRAM-MD5}, rip={rip}, lip={lip}, mpid={mpid}, {TLS|secured}, session={session}' },
    { label: 'User Action', level: null, weight: 3, component: 'dovecot', pattern: 'imap({mailUser})<{mpid}>{session}: Logged out in={io} out={io} deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count={int:0:50} body_bytes={io}' },
    { label: 'User Action', level: null, component: 'dovecot', pattern: 'pop3({mailUser})<{mpid}>{session}: Disconnected: Logged out top=0/0, retr={int:0:40}/{io}, del={int:0:40}/{int:0:40}, size={io}' },
    { label: 'Security Alert', level: null, weight: 3, component: 'dovecot', pattern: '{imap|pop3}-login: {Disconnected|Aborted login} (auth failed, {n} attempts in {secs} secs): user=<{admin|test|info|{mailUser}}>, method={PLAIN|LOGIN}, rip={scanIp}, lip={lip}, TLS{|: Connection closed}, session={session}' },
    { label: 'Security Alert', level: null, weight: 2, component: 'dovecot', pattern: 'auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser={admin|info|{mailUser}} rhost={scanIp}{|  user={mailUser}}' },
    { label: 'Security Alert', level: null, component: 'dovecot', pattern: 'auth-worker({mpid}): pam({admin|sales|{mailUser}},{scanIp},{session}): {unknown user|Password mismatch}' },
    { label: 'System Notification', level: null, weight: 2, component: 'dovecot', pattern: '{imap|pop3}-login: Disconnected (no auth attempts in {secs} secs): user=<>, rip={rip}, lip={lip}{|, TLS}, session={session}' },
    { label: 'Error', level: null, component: 'dovecot', pattern: '{imap|pop3}-login: Disconnected (no auth attempts in {secs} secs): user=<>, rip={scanIp}, lip={lip}, TLS handshaking: SSL_accept() failed: error:{0A0000C1:SSL routines::no shared cipher|0A00010B:SSL routines::wrong version number|0A000102:SSL routines::unsupported protocol}, session={session}' },
    { label: 'System Notification', level: null, weight: 2, component: 'dovecot', pattern: 'lmtp({mailUser})<{mpid}>{session}: msgid={msgId}: saved mail to {INBOX|Junk|Sent}' },
    { label: 'Resource Usage', level: null, component: 'dovecot', pattern: 'lmtp({mailUser})<{mpid}>{session}: msgid={msgId}: save failed to INBOX: Quota exceeded (mailbox for user is full)' },
    { label: 'Resource Usage', level: null, component: 'dovecot', pattern: 'master: Warning: service({imap-login|pop3-login|imap|auth}): process_limit ({100|1000|512}) reached, client connections are being dropped' },
    { label: 'Error', level: null, component: 'dovecot', pattern: 'imap({mailUser})<{mpid}>{session}: Error: {Corrupted index cache file /var/mail/vhosts/{mailUser}/dovecot.index.cache: invalid record size|Mailbox INBOX: UID inserted in the middle of mailbox ({int:1000:9999} > {int:100:999}, file = dovecot-uidlist)}' },
    { label: 'System Notification', level: null, component: 'dovecot', pattern: 'master: Dovecot v{ver} ({hex8}) starting up for imap, pop3, lmtp{|, sieve} (core dumps disabled)' },
    { label: 'System Notification', level: null, component: 'dovecot', pattern: 'master: Warning: Killed with signal 15 (by pid={mpid} uid=0 code=kill)' },
  ],
});

