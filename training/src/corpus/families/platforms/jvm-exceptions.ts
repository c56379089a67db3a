import type { Filler } from '../../fillers';
import { defineFamily, familyTemplates } from '../log-family';
import TEMPLATES_JVM_EXCEPTIONS from './templates/jvm-exceptions.json';

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
  templates: familyTemplates(TEMPLATES_JVM_EXCEPTIONS),
});
