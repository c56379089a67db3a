import type { LogFamily } from '../log-family';
import { APACHE_ACCESS } from './apache-access';
import { APACHE_ERROR } from './apache-error';
import { APACHE_ERROR_LEGACY } from './apache-error-legacy';
import { APT } from './apt';
import { CRON } from './cron';
import { ENVOY, ENVOY_ACCESS } from './envoy';
import { HAPROXY } from './haproxy';
import { DNSMASQ, FAIL2BAN, KEEPALIVED, NAMED, VSFTPD } from './host-daemons';
import { LINUX_AUTH } from './linux-auth';
import { LINUX_KERNEL } from './linux-kernel';
import { DOVECOT, POSTFIX } from './mail';
import { MONGODB, MONGODB_LEGACY } from './mongodb';
import { MARIADB, MYSQL, MYSQL_SLOW } from './mysql';
import { NGINX_ACCESS } from './nginx-access';
import { NGINX_ERROR } from './nginx-error';
import { OPENVPN } from './openvpn';
import { POSTGRESQL } from './postgresql';
import { PROXY_CLIENT } from './proxy-client';
import { REDIS } from './redis';
import { REDIS_CLIENT } from './redis-client';
import { SQUID, SQUID_ACCESS } from './squid';
import { SSHD } from './sshd';
import { SYSTEMD } from './systemd';

/** The infra families of the corpus, in a fixed order (template ids do not depend on it). */
export const INFRA_FAMILIES: readonly LogFamily[] = [
  SSHD,
  LINUX_AUTH,
  LINUX_KERNEL,
  SYSTEMD,
  APT,
  CRON,
  APACHE_ACCESS,
  APACHE_ERROR,
  APACHE_ERROR_LEGACY,
  NGINX_ACCESS,
  NGINX_ERROR,
  HAPROXY,
  ENVOY_ACCESS,
  ENVOY,
  POSTGRESQL,
  MYSQL,
  MARIADB,
  MYSQL_SLOW,
  REDIS,
  REDIS_CLIENT,
  MONGODB,
  MONGODB_LEGACY,
  SQUID_ACCESS,
  SQUID,
  OPENVPN,
  POSTFIX,
  DOVECOT,
  FAIL2BAN,
  KEEPALIVED,
  NAMED,
  DNSMASQ,
  VSFTPD,
  PROXY_CLIENT,
];
