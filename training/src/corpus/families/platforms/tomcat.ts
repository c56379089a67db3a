import { apacheTimestamp, FILLERS, type Filler } from '../../fillers';
import type { Prng } from '../../prng';
import { defineFamily, type FamilyLevel, type LineFormat } from '../log-family';
import { MONTHS, moment, pad } from './headers';

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
  templates: [
    { label: 'System Notification', pattern: 'Server startup in [{int:400:90000}] milliseconds', level: 'INFO', component: 'org.apache.catalina.startup.Catalina.start', weight: 2 },
    { label: 'System Notification', pattern: 'Server version name:   Apache Tomcat/{8.5.{int:50:99}|9.0.{int:30:85}|10.1.{int:1:18}}', level: 'INFO', component: 'org.apache.catalina.startup.VersionLoggerListener.log' },
    { label: 'System Notification', pattern: 'Starting service [Catalina]', level: 'INFO', component: 'org.apache.catalina.core.StandardService.startInternal' },
    { label: 'System Notification', pattern: 'Starting Servlet engine: [Apache Tomcat/9.0.{int:30:85}]', level: 'INFO', component: 'org.apache.catalina.core.StandardEngine.startInternal' },
    { label: 'System Notification', pattern: 'Starting ProtocolHandler ["{http-nio-8080|https-jsse-nio-8443|ajp-nio-127.0.0.1-8009}"]', level: 'INFO', component: 'org.apache.coyote.AbstractProtocol.start', weight: 2 },
    { label: 'System Notification', pattern: 'Deploying web application directory [{catalinaBase}/webapps/{webapp}]', level: 'INFO', component: 'org.apache.catalina.startup.HostConfig.deployDirectory', weight: 3 },
    { label: 'System Notification', pattern: 'Deployment of web application directory [{catalinaBase}/webapps/{webapp}] has finished in [{int:20:60000}] ms', level: 'INFO', component: 'org.apache.catalina.startup.HostConfig.deployDirectory', weight: 3 },
    { label: 'System Notification', pattern: 'Deploying web application archive [{catalinaBase}/webapps/{webapp}.war]', level: 'INFO', component: 'org.apache.catalina.startup.HostConfig.deployWAR' },
    { label: 'System Notification', pattern: 'At least one JAR was scanned for TLDs yet contained no TLDs. Enable debug logging for this logger for a complete list of JARs that were scanned but no TLDs were found in them. Skipping unneeded JARs during scanning can improve startup time and JSP compilation time.', level: 'INFO', component: 'org.apache.jasper.servlet.TldScanner.scanJars', weight: 2 },
    { label: 'System Notification', pattern: 'Initializing Spring {root WebApplicationContext|DispatcherServlet \'{servlet}\'}', level: 'INFO', component: 'org.apache.catalina.core.ApplicationContext.log' },
    { label: 'System Notification', pattern: 'Pausing ProtocolHandler ["http-nio-8080"]', level: 'INFO', component: 'org.apache.coyote.AbstractProtocol.pause' },
    { label: 'System Notification', pattern: 'Stopping service [Catalina]', level: 'INFO', component: 'org.apache.catalina.core.StandardService.stopInternal' },
    { label: 'System Notification', pattern: 'Command line argument: -D{catalina.base={catalinaBase}|java.io.tmpdir={catalinaBase}/temp|java.util.logging.manager=org.apache.juli.ClassLoaderLogManager|Xmx{512|1024|2048}m}', level: 'INFO', component: 'org.apache.catalina.startup.VersionLoggerListener.log', weight: 2 },
    { label: 'System Notification', pattern: 'Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [{int:100:300000}] milliseconds.', level: 'WARN', component: 'org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom' },
    { label: 'Resource Usage', pattern: 'Unable to add the resource at [/WEB-INF/{jar}] to the cache for web application [/{webapp}] because there was insufficient free space available after evicting expired cache entries - consider increasing the maximum size of the cache', level: 'WARN', component: 'org.apache.catalina.webresources.Cache.getResource' },
    { label: 'Error', pattern: 'Servlet.service() for servlet [{servlet}] in context with path [{contextPath}] threw exception{| [Request processing failed; nested exception is {rootCause}] with root cause}', level: 'ERROR', component: 'org.apache.catalina.core.StandardWrapperValve.invoke', weight: 3 },
    { label: 'Error', pattern: 'Error parsing HTTP request header', level: 'INFO', component: 'org.apache.coyote.http11.Http11Processor.service', weight: 2 },
    { label: 'Error', pattern: 'Exception loading sessions from persistent storage', level: 'ERROR', component: 'org.apache.catalina.session.StandardManager.startInternal' },
    { label: 'Error', pattern: 'The web application [{webapp}] appears to have started a thread named [{Abandoned connection cleanup thread|HikariPool-1 housekeeper|pool-{int:1:9}-thread-1|Timer-0}] but has failed to stop it. This is very likely to create a memory leak.', level: 'WARN', component: 'org.apache.catalina.loader.WebappClassLoaderBase.clearReferencesThreads' },
    { label: 'Critical Error', pattern: 'One or more listeners failed to start. Full details will be found in the appropriate container log file', level: 'ERROR', component: 'org.apache.catalina.core.StandardContext.startInternal' },
    { label: 'Critical Error', pattern: 'Context [/{webapp}] startup failed due to previous errors', level: 'ERROR', component: 'org.apache.catalina.core.StandardContext.startInternal' },
    { label: 'Critical Error', pattern: 'Failed to initialize end point associated with ProtocolHandler ["http-nio-8080"]{| java.net.BindException: Address already in use}', level: 'ERROR', component: 'org.apache.catalina.core.StandardService.initInternal' },
    { label: 'Critical Error', pattern: 'Exception in thread "{http-nio-8080-exec-{int:1:200}|main|ContainerBackgroundProcessor[StandardEngine[Catalina]]}" java.lang.OutOfMemoryError: {Java heap space|Metaspace|PermGen space|GC overhead limit exceeded}', level: 'ERROR', component: 'org.apache.catalina.core.StandardWrapperValve.invoke' },
    { label: 'Deprecation Warning', pattern: 'The [{compressableMimeType|disableUploadTimeout}] attribute of the Connector is deprecated and will be removed in {Tomcat 10|a future release}. Use [{compressibleMimeType|connectionUploadTimeout}] instead.', level: 'WARN', component: 'org.apache.catalina.connector.Connector.setProperty' },
  ],
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
  templates: [
    { label: 'HTTP Status', pattern: '{ip} - {remoteUser} [{apacheTime}] "{method} {context}{path} HTTP/1.1" {status} {size}', level: null, weight: 4 },
    { label: 'HTTP Status', pattern: '{ip} - - [{apacheTime}] "GET {/manager/html|/manager/status|/host-manager/html} HTTP/1.1" {200|401|403} {size}', level: null },
    { label: 'HTTP Status', pattern: '{ip} - {remoteUser} [{apacheTime}] "{method} {path} HTTP/1.1" {status} {size} {int:0:9000}', level: null, weight: 2 },
    { label: 'HTTP Status', pattern: '{ip} - - [{apacheTime}] "{GET|HEAD} {/health|/actuator/health|/status|/ping} HTTP/1.1" {200|503} {int:2:400}', level: null, weight: 2 },
    { label: 'HTTP Status', pattern: '{ip} - {remoteUser} [{apacheTime}] "{method} {context}{path} HTTP/1.1" {status} {size} "{-|https://{host}/|https://www.google.com/}" "{userAgent}"', level: null, weight: 2 },
    { label: 'HTTP Status', pattern: '{ip} - - [{apacheTime}] "{POST|GET} {context}/{login|j_security_check|api/auth/token} HTTP/1.1" {200|302|401|403} {size}', level: null },
    { label: 'HTTP Status', pattern: '{ip} - - [{apacheTime}] "GET {context}/static/{js|css|img}/{app|main|vendor|logo}.{hex8}.{js|css|png} HTTP/1.1" {200|304} {size}', level: null, weight: 2 },
  ],
});
