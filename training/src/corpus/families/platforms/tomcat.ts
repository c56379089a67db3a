import { apacheTimestamp, FILLERS, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat, familyTemplates } from '../log-family';
import { MONTHS, moment, pad } from './headers';
import TEMPLATES_TOMCAT from './templates/tomcat.json';
import TEMPLATES_TOMCAT_ACCESS from './templates/tomcat-access.json';

/**
 * Apache Tomcat's catalina.out (java.util.logging through JULI, so levels
 * are SEVERE/WARNING/INFO) and its AccessLogValve files. A servlet that
 * throws is one request failing (Error); running out of heap or metaspace is
 * Critical Error.
 */

const julLevel = (level: FamilyLevel): string => {
  if (level === 'ERROR' || level === 'CRITICAL' || level === 'FATAL' || level === 'ALERT') return 'SEVERE';
  if (level === 'WARN') return 'WARNING';
  if (level === 'DEBUG' || level === 'TRACE') return 'FINE';
  return 'INFO';
};

/** The thread a Catalina class logs from. */
function threadOf(component: string, rng: Prng): string {
  if (/StandardWrapperValve|ApplicationDispatcher|CoyoteAdapter|Http11Processor|DispatcherServlet/.test(component)) return `http-nio-${rng.pick([8080, 8443, 8009])}-exec-${rng.int(1, 200)}`;
  if (/HostConfig\.deploy|StandardContext\.startInternal|ContextConfig|TldScanner|WebappClassLoaderBase/.test(component)) return rng.pick(['main', `localhost-startStop-${rng.int(1, 4)}`, `Catalina-utility-${rng.int(1, 2)}`]);
  if (/NioEndpoint|Acceptor/.test(component)) return `http-nio-8080-Acceptor`;
  return 'main';
}

/** Tomcat 8.5+ OneLineFormatter: `02-Jan-2024 03:04:05.678 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [1234] milliseconds`. */
const oneLine: LineFormat = (m, { level, component, rng }) => {
  const t = moment(rng);
  const cls = component ?? 'org.apache.catalina.startup.Catalina.start';
  return `${pad(t.day, 2)}-${MONTHS[t.month - 1]}-${t.year} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.millis, 3)} ${julLevel(level)} [${threadOf(cls, rng)}] ${cls} ${m}`;
};

/** The older two-line SimpleFormatter, whose second line (`SEVERE: ...`) is what a line-by-line reader sees alone. */
const simpleSecondLine: LineFormat = (m, { level }) => `${julLevel(level)}: ${m}`;

const webapp: Filler = (r) => r.pick(['ROOT', 'manager', 'host-manager', 'docs', 'examples', 'api', 'shop', 'jenkins', 'app', 'crm-web', 'portal']);
const catalinaBase: Filler = (r) => r.pick(['/opt/tomcat', '/usr/local/tomcat', '/var/lib/tomcat9', '/opt/apache-tomcat-9.0.83', '/usr/share/tomcat']);
const jar: Filler = (r) => `lib/${r.pick(['spring-core-5.3.31', 'jackson-databind-2.15.3', 'hibernate-core-5.6.15.Final', 'guava-32.1.3-jre', 'commons-lang3-3.14.0', 'poi-ooxml-5.2.5'])}.jar`;
const servlet: Filler = (r) => r.pick(['dispatcher', 'dispatcherServlet', 'jsp', 'default', 'jersey-serlvet', 'Faces Servlet', 'action', 'CXFServlet']);
const contextPath: Filler = (r) => r.pick(['', '/api', '/shop', '/app', '/portal', '/crm-web', '/manager']);
const rootCause: Filler = (r) =>
  r.pick([
    'java.lang.NullPointerException',
    `java.lang.IllegalStateException: Cannot create a session after the response has been committed`,
    `org.springframework.dao.DataAccessResourceFailureException: Could not open JPA EntityManager for transaction`,
    `java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.`,
    `java.lang.NumberFormatException: For input string: "${r.pick(['undefined', 'null', 'abc', ''])}"`,
    `org.hibernate.LazyInitializationException: could not initialize proxy - no Session`,
  ]);

export const tomcat = defineFamily({
  family: 'tomcat',
  description: 'Apache Tomcat catalina.out (JULI one-line and two-line formats)',
  sources: ['tomcat', 'catalina'],
  formats: [oneLine, oneLine, simpleSecondLine],
  fillers: { jar, webapp, catalinaBase, servlet, contextPath, rootCause },
  templates: familyTemplates(TEMPLATES_TOMCAT),
});

const access: LineFormat = (m) => m;

/** localhost_access_log.*.txt, the AccessLogValve's common pattern (`%h %l %u %t "%r" %s %b`), sometimes with `%D` ms. */
export const tomcatAccess = defineFamily({
  family: 'tomcat-access',
  description: 'Apache Tomcat AccessLogValve lines (localhost_access_log)',
  sources: ['tomcat', 'tomcat-access'],
  formats: [access],
  bareShare: 1,
  fillers: { apacheTime: (r) => apacheTimestamp(moment(r)), size: (r) => (r.chance(0.15) ? '-' : FILLERS.bytes(r)), context: (r) => r.pick(['', '', '/api', '/shop', '/app', '/portal', '/crm-web']), remoteUser: (r) => (r.chance(0.8) ? '-' : FILLERS.user(r)) },
  templates: familyTemplates(TEMPLATES_TOMCAT_ACCESS),
});
