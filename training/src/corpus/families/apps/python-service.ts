import { criLine, pythonBasic, pythonLogging, structuredJson } from '../formats';
import { defineFamily } from '../log-family';
import { statusLine } from './app-fillers';
import { crit, dep, err, http, res, sec, sys, usr, wf } from './template-kit';

// Business services in Python (Django/Flask behind gunicorn, Celery
// workers): requests, tasks, queues, caches, single failures, warnings.
const LOGGERS = ['api.views', 'worker.tasks', 'celery.worker.strategy', 'celery.app.trace', 'app.cache', 'app.queue', 'gunicorn.error', 'root'];

export const pythonService = defineFamily({
  family: 'python-service',
  description: 'business services in Python (Django/Flask on gunicorn, Celery): requests, tasks, queues, caches, single failures, warnings',
  sources: ['notification-service', 'search-indexer', 'report-engine'],
  formats: [pythonLogging(LOGGERS), pythonBasic(LOGGERS), structuredJson(LOGGERS), criLine],
  bareShare: 0.4,
  fillers: {
    statusLine,
  },
  templates: [
    sys('NOTICE', 'SIGHUP received, reloading configuration'),
    sys('INFO', 'Task {tasks.send_invoice|billing.tasks.charge|crm.tasks.sync_contacts|reports.tasks.build}[{uuid}] received', 3),
    sys('INFO', 'Task {tasks.send_invoice|billing.tasks.charge|crm.tasks.sync_contacts|reports.tasks.build}[{uuid}] succeeded in {float:0:30:6}s: None', 3),
    sys('INFO', 'celery@{host} ready.'),
    sys('INFO', 'Booting worker with pid: {pid}'),
    sys('INFO', 'Listening at: http://0.0.0.0:{port} ({pid})'),
    sys(null, 'Worker exiting (pid: {pid})'),
    err('ERROR', "Task {tasks.send_invoice|billing.tasks.charge|crm.tasks.sync_contacts}[{uuid}] raised unexpected: {ConnectionError|TimeoutError|OperationalError}('{cause}')"),
    err('INFO', 'Task {tasks.send_invoice|billing.tasks.charge|crm.tasks.sync_contacts}[{uuid}] retry: Retry in {int:5:600}s: {cause}'),
    err('CRITICAL', 'WORKER TIMEOUT (pid:{pid})'),
    dep(null, 'DeprecationWarning: {the imp module is deprecated in favour of importlib|datetime.utcnow() is deprecated|pkg_resources is deprecated as an API|distutils is deprecated}'),
    dep('WARN', 'Python 2 support is deprecated and will be removed in {version}'),
    dep('WARN', "DeprecationWarning: the '{engine|mode|loop|callback}' keyword argument is deprecated, use '{backend|strategy|executor|handler}' instead"),
    http('INFO', 'Response {status} for {method} {path} in {duration}'),
    http(null, 'Access log: client={ip} method={method} url={path} code={status}'),
    http('INFO', '{method} {path} returned {statusLine}'),
    http(null, '{service}: "{method} {path}" {status} in {duration}'),
    http('DEBUG', 'HTTP/1.1 {status} {method} {path} from {ip}'),
    http('INFO', '{ip} {method} {path} -> {statusLine}'),
    sys('INFO', 'Deployment of {service} {version} completed'),
    sys('INFO', 'Workflow engine started with {int:2:64} workers'),
    sys('DEBUG', 'Reindexing of {table} completed'),
    sys('TRACE', 'Cache hit for {table}:{int:1:99999}'),
    usr('INFO', 'User {userId} updated profile{| fields: {email|phone|display_name|avatar}}'),
    usr('DEBUG', 'User {user} accepted the terms of service v{version}'),
    usr('DEBUG', 'User {user} changed notification settings'),
    err('ERROR', 'Job {job} failed with exit code {int:1:137}'),
    err('WARN', 'Consumer for {queue} failed to commit offset {int:1000:999999}'),
    err('ERROR', 'Transaction rolled back on {table}: {deadlock detected|serialization failure|constraint violation}'),
    err('ERROR', 'HTTP client error calling {service}: {cause}'),
    err('ERROR', 'Failed to update record {int:1000:99999} in {table}: {cause}'),
    err('ERROR', 'Dead-lettered {int:1:900} messages from {queue}: {cause}'),
    err('ERROR', 'Index rebuild for {table} failed'),
    err('ERROR', 'Could not load feature flags from {service}: {cause}; using defaults'),
    crit('ERROR', 'Database connection pool exhausted, {essentialService} cannot serve requests'),
    sec('WARN', 'Intrusion detected: {threat} {pattern |}from {ip} targeting {path}'),
    sec('ERROR', 'SQL injection attempt detected in parameter "{id|q|search|sort}" from {ip}'),
    sec('INFO', 'Access to {path} denied for user {userId}: insufficient privileges{| (attempt {int:3:40})}'),
    res('DEBUG', 'Worker pool at {int:1:64}/{int:64:128} threads, {int:0:900} tasks queued'),
    res('WARN', 'Database {db} connections in use: {int:1:500} of {int:100:1000}'),
    dep('INFO', 'Endpoint {method} {path} is deprecated; see the migration guide for {apiReplacement}'),
    dep('WARN', 'Warning: {library} is deprecated and will no longer receive security updates'),
    dep('WARN', 'WARN deprecated {configKey}: use {configKey}'),
    dep('WARN', 'End-of-life notice: {library} is no longer supported after {date}'),
    err('ERROR', '{apiFunction} call failed: {cause}'),

    // Business flows that a rule stopped.
    wf('ERROR', 'Report subscription for account {account} not delivered: the account has no report recipients'),
    wf('WARN', 'Campaign {int:100:9999} not sent: the audience segment is empty'),
  ],
});
