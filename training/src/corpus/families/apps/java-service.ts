import { kubectlPrefix, logback, springBoot, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_JAVA_SERVICE from './templates/java-service.json';

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
  templates: familyTemplates(TEMPLATES_JAVA_SERVICE),
});
