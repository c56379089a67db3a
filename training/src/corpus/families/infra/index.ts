import type { LogFamily } from '../log-family';
import { APACHE_ACCESS } from './apache-access';
import { APACHE_ERROR } from './apache-error';
import { APACHE_ERROR_LEGACY } from './apache-error-legacy';
import { APT } from './apt';
import { CRON } from './cron';
import { LINUX_AUTH } from './linux-auth';
import { LINUX_KERNEL } from './linux-kernel';
import { NGINX_ACCESS } from './nginx-access';
import { NGINX_ERROR } from './nginx-error';
import { SSHD } from './sshd';
import { SYSTEMD } from './systemd';

/** The infra families of the corpus, in a fixed order (template ids do not depend on it). */
export const INFRA_FAMILIES: readonly LogFamily[] = [SSHD, LINUX_AUTH, LINUX_KERNEL, SYSTEMD, APT, CRON, APACHE_ACCESS, APACHE_ERROR, APACHE_ERROR_LEGACY, NGINX_ACCESS, NGINX_ERROR];
