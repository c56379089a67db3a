import type { Filler } from '../../fillers';
import { defineFamily } from '../log-family';

/**
 * Exception heads as they reach a line-by-line reader alone, the first line
 * of a stack trace or its `Caused by:` (Java), a traceback's last line
 * (Python), a Go panic, Node's uncaught errors. One failed call is Error;
 * the process running out of memory or panicking is Critical Error.
 */

const javaClass: Filler = (r) => `com.${r.pick(['acme', 'example', 'initech', 'globex'])}.${r.pick(['orders', 'billing', 'crm', 'auth', 'inventory'])}.${r.pick(['service', 'web', 'repository', 'client'])}.${r.pick(['OrderService', 'InvoiceMapper', 'CustomerRepository', 'TokenValidator', 'StockClient', 'PaymentController'])}`;
const getter: Filler = (r) => r.pick(['getId()', 'getCustomer()', 'getName()', 'toString()', 'getStatus()', 'length()', 'intValue()', 'getBytes()', 'stream()', 'get(Object)']);
const localVar: Filler = (r) => r.pick(['customer', 'order', 'this.client', 'response', 'user', '<local1>', '<parameter1>', 'item.getPrice()', 'config', 'session']);
const hostPort: Filler = (r) => r.pick([`${r.pick(['db', 'redis', 'orders-api', 'localhost', 'postgres', 'rabbitmq'])}:${r.pick([5432, 6379, 8080, 5672, 3306, 9092])}`, `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}:${r.pick([5432, 8080, 443])}`]);
const pyModule: Filler = (r) => r.pick(['app.services.billing', 'worker.tasks', 'api.views', 'etl.load', 'core.models']);
const pyKey: Filler = (r) => r.pick(["'user_id'", "'data'", "'id'", "'customer'", "'items'", "'token'", '0', "'results'"]);
const pyPath: Filler = (r) => r.pick(['celery/app/base', 'botocore/auth', 'dateutil/tz/tz', 'pandas/core/frame', 'kombu/utils/compat', 'setuptools/command/install']);
const pyHost: Filler = (r) => r.pick(['orders-api', 'localhost', 'billing', '127.0.0.1', `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`]);
/** `3] with length 3`: the index is at or past the length. */
const outOfRange: Filler = (r) => {
  const length = r.int(0, 64);
  return `${length + r.weighted<number>([[0, 3], [r.int(1, 9), 1]])}] with length ${length}`;
};
const goAddr: Filler = (r) => `0x${r.hex(r.pick([6, 7]))}`;

export const jvmExceptions = defineFamily({
  family: 'jvm-exceptions',
  description: 'Exception and crash heads alone on a line: Java stack traces, Python tracebacks, Go panics, Node.js errors',
  sources: ['java-app', 'spring-boot', 'python-app', 'go-service', 'node-app'],
  formats: [],
  bareShare: 1,
  fillers: { pyPath, pyHost, outOfRange, javaClass, getter, localVar, hostPort, pyModule, pyKey, goAddr },
  templates: [
    { label: 'Error', pattern: 'java.net.ConnectException: Connection refused{| (Connection refused)|: no further information}', level: null, weight: 3 },
    { label: 'Error', pattern: 'Caused by: java.net.ConnectException: Connection refused{| (Connection refused)}', level: null, weight: 2 },
    { label: 'Error', pattern: 'java.net.SocketTimeoutException: {Read timed out|connect timed out|timeout|Connect timed out}', level: null, weight: 2 },
    { label: 'Error', pattern: 'java.net.UnknownHostException: {hostPort}: {Name or service not known|Temporary failure in name resolution|nodename nor servname provided, or not known}', level: null },
    { label: 'Error', pattern: 'java.lang.NullPointerException: Cannot invoke "{javaClass}.{getter}" because "{localVar}" is null', level: null, weight: 2 },
    { label: 'Error', pattern: 'java.lang.NullPointerException: Cannot read field "{value|id|next|count}" because "{localVar}" is null', level: null },
    { label: 'Error', pattern: 'java.lang.NullPointerException', level: null },
    { label: 'Error', pattern: 'java.lang.IllegalStateException: {Failed to load ApplicationContext|Connection pool shut down|Cannot call sendError() after the response has been committed|Duplicate key {int:1:9999} (attempted merging values {localVar} and {localVar})}', level: null },
    { label: 'Error', pattern: 'java.io.IOException: {Broken pipe|Connection reset by peer|Stream closed|An existing connection was forcibly closed by the remote host}', level: null, weight: 2 },
    { label: 'Error', pattern: 'Caused by: java.io.IOException: {Broken pipe|Connection reset by peer}', level: null },
    { label: 'Error', pattern: 'java.io.FileNotFoundException: /{var/data|opt/app/config|srv/uploads}/{file} (No such file or directory)', level: null },
    { label: 'Error', pattern: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', level: null },
    { label: 'Error', pattern: 'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "{users_email_key|orders_pkey|invoices_number_key}"', level: null },
    { label: 'Error', pattern: 'Caused by: java.sql.SQLTransientConnectionException: HikariPool-{int:1:3} - Connection is not available, request timed out after {30000|30001|60000}ms.', level: null },
    { label: 'Error', pattern: 'org.springframework.web.client.{HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable|HttpServerErrorException$InternalServerError: 500 Internal Server Error|ResourceAccessException: I/O error on GET request for "http://{hostPort}/api/v1/{orders|stock|customers}": Connection refused}{|: [no body]}', level: null },
    { label: 'Error', pattern: 'java.util.concurrent.RejectedExecutionException: Task java.util.concurrent.FutureTask@{hex8} rejected from java.util.concurrent.ThreadPoolExecutor@{hex8}[Running, pool size = {int:8:200}, active threads = {int:8:200}, queued tasks = {int:100:10000}, completed tasks = {int:1000:9999999}]', level: null },
    { label: 'Error', pattern: 'com.fasterxml.jackson.databind.exc.{InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "{int:1:31}/{int:1:12}/{int:2023:2026}"|UnrecognizedPropertyException: Unrecognized field "{customerId|total|status}" (class {javaClass}), not marked as ignorable}', level: null },
    { label: 'Critical Error', pattern: 'org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'{dataSource|entityManagerFactory|kafkaListenerContainerFactory}\'{| defined in class path resource [{org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class|application.yml}]}', level: null },
    { label: 'Critical Error', pattern: 'java.lang.OutOfMemoryError: {Java heap space|GC overhead limit exceeded|Metaspace|unable to create native thread: possibly out of memory or process/resource limits reached|Direct buffer memory}', level: null, weight: 2 },
    { label: 'Critical Error', pattern: 'Exception in thread "{main|pool-{int:1:9}-thread-{int:1:40}|grpc-default-executor-{int:0:9}}" java.lang.OutOfMemoryError: {Java heap space|GC overhead limit exceeded}', level: null },
    { label: 'Error', pattern: 'Traceback (most recent call last):', level: null, weight: 2 },
    { label: 'Error', pattern: 'ConnectionRefusedError: [Errno 111] Connection refused', level: null },
    { label: 'Error', pattern: 'KeyError: {pyKey}', level: null },
    { label: 'Error', pattern: "AttributeError: 'NoneType' object has no attribute '{get|id|split|json|items}'", level: null },
    { label: 'Error', pattern: "requests.exceptions.ConnectionError: HTTPConnectionPool(host='{pyHost}', port={80|8080|8000}): Max retries exceeded with url: /api/v1/{orders|health|customers} (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f{hex8}>: Failed to establish a new connection: [Errno 111] Connection refused'))", level: null },
    { label: 'Error', pattern: 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) {could not connect to server: Connection refused|server closed the connection unexpectedly|FATAL:  remaining connection slots are reserved for non-replication superuser connections}', level: null },
    { label: 'Error', pattern: "ModuleNotFoundError: No module named '{pyModule}'", level: null },
    { label: 'Critical Error', pattern: 'MemoryError', level: null },
    { label: 'Deprecation Warning', pattern: '/usr/{lib/python3|local/lib/python3.{8|9|10|11}/site-packages}/{pyPath}.py:{int:10:900}: DeprecationWarning: {datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).|the imp module is deprecated in favour of importlib; see the module\'s documentation for alternative uses|pkg_resources is deprecated as an API}', level: null },
    { label: 'Critical Error', pattern: 'panic: runtime error: invalid memory address or nil pointer dereference', level: null, weight: 2 },
    { label: 'Critical Error', pattern: '[signal SIGSEGV: segmentation violation code=0x{1|2} addr=0x{0|8|18|30} pc={goAddr}]', level: null },
    { label: 'Critical Error', pattern: 'panic: runtime error: index out of range [{outOfRange}', level: null },
    { label: 'Critical Error', pattern: 'fatal error: {concurrent map writes|concurrent map read and map write|runtime: out of memory|all goroutines are asleep - deadlock!}', level: null },
    { label: 'Critical Error', pattern: 'FATAL ERROR: {Reached heap limit|Ineffective mark-compacts near heap limit} Allocation failed - JavaScript heap out of memory', level: null },
    { label: 'Error', pattern: 'Error: connect {ECONNREFUSED|ETIMEDOUT} {hostPort}', level: null },
    { label: 'Deprecation Warning', pattern: '(node:{pid}) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', level: null },
  ],
});
