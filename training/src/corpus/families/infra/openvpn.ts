import { formatDate, formatTime, randomMoment, syslogTimestamp, FILLERS, type Filler } from '../../fillers';
import { defineFamily, type LineFormat } from '../log-family';
import { ctime, ephemeralPort, oneOf, publicIp, sticky, unixUser } from './shared';

/**
 * OpenVPN server (2.4 ctime stamps, 2.5+ ISO stamps, syslog). A peer that
 * completed its TLS handshake and logged in is User Action; a failed
 * username/password or certificate check is Security Alert; a handshake
 * that failed or a ping timeout is Error; learning routes, cipher choices and
 * restarts are System Notification; deprecated options are Deprecation Warning.
 */

const ctimeLine: LineFormat = (m, { rng }) => `${ctime(randomMoment(rng))} ${m}`;
const isoLine: LineFormat = (m, { rng }) => {
  const t = randomMoment(rng);
  return `${formatDate(t)} ${formatTime(t)} ${m}`;
};
const syslogLine: LineFormat = (m, { rng }) => `${syslogTimestamp(randomMoment(rng))} ${FILLERS.host(rng)} ${rng.pick(['ovpn-server', 'openvpn'])}[${FILLERS.pid(rng)}]: ${m}`;

const cn = sticky(unixUser);
const addr = sticky((r) => `${publicIp(r)}:${ephemeralPort(r)}`);
const legacyCipher = sticky(oneOf(['AES-256-CBC', 'BF-CBC', 'AES-128-CBC']));
const vip: Filler = (r) => `10.8.${r.int(0, 3)}.${r.int(2, 254)}`;
const sid: Filler = (r) => `${r.hex(8)} ${r.hex(8)}`;

export const OPENVPN = defineFamily({
  family: 'openvpn',
  description: 'OpenVPN server log',
  sources: ['openvpn', 'ovpn-server'],
  formats: [ctimeLine, isoLine, syslogLine],
  bareShare: 0.15,
  fillers: { cipher: legacyCipher.first, cipherAgain: legacyCipher.again, cn: cn.first, cnAgain: cn.again, addr: addr.first, addrAgain: addr.again, vip, sid, ver: oneOf(['2.4.12', '2.5.9', '2.6.8', '2.5.5', '2.6.3']) },
  templates: [
    { label: 'System Notification', level: null, weight: 3, pattern: '{addr} TLS: Initial packet from [AF_INET]{addrAgain}, sid={sid}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{addr} VERIFY OK: depth={0|1}, CN={cn}' },
    { label: 'User Action', level: null, weight: 3, pattern: '{addr} [{cn}] Peer Connection Initiated with [AF_INET]{addrAgain}' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{cn}/{addr} MULTI_sva: pool returned IPv4={vip}, IPv6=(Not enabled)' },
    { label: 'System Notification', level: null, weight: 3, pattern: '{cn}/{addr} MULTI: Learn: {vip} -> {cnAgain}/{addrAgain}' },
    { label: 'System Notification', level: null, pattern: '{cn}/{addr} MULTI: primary virtual IP for {cnAgain}/{addrAgain}: {vip}' },
    { label: 'System Notification', level: null, weight: 2, pattern: "{cn}/{addr} {Data Channel: using negotiated cipher 'AES-256-GCM'|Outgoing Data Channel: Cipher 'AES-256-GCM' initialized with 256 bit key|Incoming Data Channel: Cipher 'AES-256-GCM' initialized with 256 bit key}" },
    { label: 'System Notification', level: null, pattern: '{addr} Control Channel: TLSv1.3, cipher TLSv1.3 TLS_AES_256_GCM_SHA384, peer certificate: {2048|4096} bit RSA, signature: RSA-SHA256' },
    { label: 'System Notification', level: null, pattern: '{cn}/{addr} SENT CONTROL [{cnAgain}]: \'PUSH_REPLY,route 10.8.0.0 255.255.255.0,topology subnet,ping 10,ping-restart 120,ifconfig {vip} 255.255.255.0,peer-id {int:0:40},cipher AES-256-GCM\' (status=1)' },
    { label: 'Security Alert', level: null, weight: 2, pattern: '{addr} TLS Auth Error: Auth Username/Password verification failed for peer' },
    { label: 'Security Alert', level: null, weight: 2, pattern: "{cn}/{addr} SENT CONTROL [{cnAgain}]: 'AUTH_FAILED' (status=1)" },
    { label: 'Security Alert', level: null, pattern: 'PLUGIN_CALL: plugin function PLUGIN_AUTH_USER_PASS_VERIFY failed with status 1: /usr/lib/{x86_64-linux-gnu/|}openvpn/plugins/openvpn-plugin-auth-pam.so' },
    { label: 'Security Alert', level: null, pattern: '{addr} VERIFY ERROR: depth=0, error={certificate has expired|certificate revoked|unable to get local issuer certificate}: CN={cn}{, serial={int:1:999999}|}' },
    { label: 'Error', level: null, weight: 2, pattern: '{addr} TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)' },
    { label: 'Error', level: null, pattern: '{addr} TLS Error: TLS handshake failed' },
    { label: 'Error', level: null, pattern: '{addr} TLS_ERROR: BIO read tls_read_plaintext error' },
    { label: 'Error', level: null, weight: 2, pattern: '{cn}/{addr} [{cnAgain}] Inactivity timeout (--ping-restart), restarting' },
    { label: 'System Notification', level: null, weight: 2, pattern: '{cn}/{addr} SIGUSR1[soft,{ping-restart|connection-reset}] received, client-instance restarting' },
    { label: 'System Notification', level: null, pattern: '{cn}/{addr} SIGTERM[soft,remote-exit] received, client-instance exiting' },
    { label: 'Error', level: null, pattern: "{cn}/{addr} MULTI: bad source address from client [{ip}], packet dropped" },
    { label: 'System Notification', level: null, pattern: "MULTI: new connection by client '{cn}' will cause previous active sessions by this client to be dropped.  Remember to use the --duplicate-cn option if you want multiple clients using the same certificate or username to concurrently connect." },
    { label: 'Error', level: null, pattern: "{addr} WARNING: 'link-mtu' is used inconsistently, local='link-mtu {1541|1557}', remote='link-mtu {1542|1558}'" },
    { label: 'System Notification', level: null, pattern: '{Initialization Sequence Completed|MULTI: multi_init called, r=256 v=256|IFCONFIG POOL IPv4: base=10.8.0.2 size=252|UDPv4 link local (bound): [AF_INET][undef]:1194|event_wait : Interrupted system call (code=4)}' },
    { label: 'System Notification', level: null, pattern: 'OpenVPN {ver} x86_64-pc-linux-gnu [SSL (OpenSSL)] [LZO] [LZ4] [EPOLL] [PKCS11] [MH/PKTINFO] [AEAD] built on {Jan|Jun|Nov} {int:10:28} {2022|2023|2024}' },
    { label: 'Deprecation Warning', level: null, pattern: "DEPRECATED OPTION: --cipher set to '{cipher}' but missing in --data-ciphers (AES-256-GCM:AES-128-GCM). Future OpenVPN version will ignore --cipher for cipher negotiations. Add '{cipherAgain}' to --data-ciphers or change --cipher '{cipherAgain}' to --data-ciphers-fallback '{cipherAgain}' to silence this warning." },
  ],
});
