import { kubectlPrefix, logback, springBoot, structuredJson } from '../formats';
import { defineFamily } from '../log-family';
import { crit, dep, err, http, res, sec, sys, usr, wf } from './template-kit';

// Business services on the JVM (Spring Boot): the requests they serve, their
// startup (Tomcat, HikariCP), jobs, queues and caches, heap and pools, the
// failures of single operations, and the deprecations they print.
const LOGGERS = ['com.acme.orders.OrderController', 'io.shop.checkout.CartHandler', 'com.acme.catalog.SearchService', 'org.example.api.GatewayFilter', 'com.acme.jobs.QueueConsumer', 'com.acme.cache.CacheManager', 'com.zaxxer.hikari.HikariDataSource', 'org.springframework.boot.web.embedded.tomcat.TomcatWebServer'];

export const javaService = defineFamily({
  family: 'java-service',
  description: 'business services on the JVM (Spring Boot): requests, startup, jobs, queues, caches, heap and pools, deprecations',
  sources: ['order-service', 'checkout', 'catalog-api'],
  formats: [springBoot('order-service', LOGGERS), logback(LOGGERS), structuredJson(LOGGERS), kubectlPrefix(['app'])],
  bareShare: 0.4,
  templates: [
    http('INFO', 'Request finished HTTP/1.1 {method} http://{host}{path} - {status} {bytes} application/json {float:0:900:4}ms'),
    sys('INFO', 'Application started in {float:1:60:3} seconds (JVM running for {float:2:70:3})'),
    sys('INFO', 'Started {OrderServiceApplication|CheckoutApplication|CatalogApiApplication} in {float:2:40:3} seconds (process running for {float:3:45:3})'),
    sys('INFO', "Tomcat started on port {8080|8443|9090} (http) with context path ''"),
    sys('INFO', 'HikariPool-{int:1:3} - Starting...'),
    sys('INFO', 'HikariPool-{int:1:3} - Start completed.'),
    err('WARN', 'HikariPool-{int:1:3} - Connection is not available, request timed out after {int:3000:30000}ms.'),
    crit('ERROR', 'Java heap space: OutOfMemoryError, {service} halted'),
    res('DEBUG', 'JVM heap usage: {mb} MB / {mb} MB{| (after GC)}'),
    res(null, '[GC (Allocation Failure) [PSYoungGen: {int:10000:900000}K->{int:1000:90000}K({int:100000:999999}K)] {int:10000:999999}K->{int:1000:99999}K({int:100000:9999999}K), {float:0:1:7} secs]'),
    res('INFO', 'Connection pool stats: active={int:0:100} idle={int:0:50} max={int:10:200} waiting={int:0:30}'),
    res('DEBUG', 'Thread pool {http-nio|worker|io}: {int:1:200} active of {int:50:400}, queue size {int:0:1000}'),
    res('WARN', 'Heap used {percent} after full GC on {service}'),
    res('WARN', 'Heap memory in use: {float:0.1:30:1} GB of {int:1:32} GB allotted to the {service} worker'),
    res('DEBUG', 'HikariPool-{int:1:3} - Pool stats (total={int:10:50}, active={int:0:50}, idle={int:0:20}, waiting={int:0:30})'),
    dep('WARN', "Property '{configKey}' is deprecated: {use a newer key instead|it will be removed in {version}}"),
    dep('DEBUG', 'Method {apiFunction} is marked @Deprecated and scheduled for removal'),
    dep('WARN', 'Template engine {Velocity|Jade|Handlebars v2} is deprecated; rendering falls back to {replacement}'),
    http('DEBUG', '{method} {path} -> {status} ({duration})'),
    http('TRACE', 'Handled {method} {path}: status={status} time={float:0:3:4}s'),
    http(null, '[access] {iso} {ip} {method} {path} status={status} rt={float:0:2:3}'),
    http('INFO', 'Inbound request {method} {path} from {ip} finished with {status}'),
    http(null, '"{method} {path}" {status} {bytes} {float:0:3:3}s'),
    http(null, '{ip} "{method} {path}" status={status} size={bytes} ua="{userAgent}"'),
    sys('INFO', 'Cache {cleared|warmed up|flushed} {successfully|}{| in {duration}}'),
    sys('DEBUG', 'Queue {queue} drained'),
    sys('INFO', 'Index rebuild for {table} finished'),
    sys(null, 'Consumer group {service} joined, assigned partitions {int:0:5}-{int:6:11} of {queue}'),
    sys('INFO', 'Circuit breaker {service} moved to {HALF_OPEN|CLOSED}'),
    usr('INFO', 'User {user} invited {user} to team {int:1:400}'),
    usr('INFO', 'User {user} unsubscribed from {marketing emails|notifications}'),
    usr(null, 'User {user} placed order {order} ({int:1:20} items)'),
    err('WARN', 'Message {uuid} moved to dead-letter queue after {int:3:10} attempts'),
    err('ERROR', 'Database query failed: {cause}'),
    err('ERROR', "Unhandled exception in {job}: {NullPointerException|KeyError: 'id'|TypeError: Cannot read properties of undefined (reading 'id')|ValueError: invalid literal for int()}"),
    err('WARN', 'Retry {int:1:5}/5 for task {uuid} failed'),
    err('ERROR', 'Giving up on event {uuid} after {int:3:12} delivery attempts; parked in {queue}.dlq'),
    err(null, 'Unable to generate {thumbnail|preview|report} for {file}'),
    err('WARN', 'Circuit breaker {service} OPEN after {int:5:50} consecutive failures'),
    crit('FATAL', 'Unrecoverable error in {component}: shutting down'),
    crit('FATAL', 'FATAL: {essentialService} connection lost - all {transactions|requests|logins} are failing'),
    sec('WARN', 'Cross-site request forgery token mismatch from {ip} for {path}{| (repeated {int:5:50} times)}'),
    sec('WARN', 'Rate of 401 responses from {ip} exceeds threshold ({int:100:5000}/min): possible credential stuffing'),
    res('INFO', 'Memory consumption of {service} is {int:100:9000} MB'),
    res('INFO', 'Resource limits for {service}: cpu {int:1:8} cores, memory {int:1:32}Gi; usage cpu {float:0.1:8:1}, memory {float:0.1:32:1}Gi'),
    dep('WARN', 'DEPRECATED: {apiFunction} will be removed on {date}. Switch to {apiReplacement}.'),
    dep('INFO', 'The {configKey} setting is obsolete and will be removed in the next major release'),
    dep('WARN', 'Using {TLS 1.0|TLS 1.1|SSLv3|SHA-1} is deprecated and will be disabled on {date}'),
    dep('INFO', "Option '{configKey}' will be removed in the next major version"),
    sys('INFO', 'Feature {feature} enabled for tenant {int:100:9999}'),

    // Order and checkout flows that a business rule stopped.
    wf('ERROR', 'Order {order} could not be placed: {reason}'),
    wf('WARN', 'Checkout for cart {hex8} rejected: the promotion {SPRING{int:10:30}|WELCOME10|VIP} is not valid for this customer'),
    wf('INFO', 'Backorder for order {order} not created: the supplier contract has expired'),
  ],
});
