import type { Filler } from '../../fillers';
import { EMAIL_DOMAINS, FIRST_NAMES } from '../../vocabulary';
import { defineFamily, familyTemplates } from '../log-family';
import { oneOf, peerIp, programJournal, programSyslog, publicIp, sticky } from './shared';
import TEMPLATES_POSTFIX from './templates/postfix.json';
import TEMPLATES_DOVECOT from './templates/dovecot.json';

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
  templates: familyTemplates(TEMPLATES_POSTFIX),
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
  templates: familyTemplates(TEMPLATES_DOVECOT),
});

