// Word lists the slot fillers draw from. Broad on purpose: the model should
// learn the words that carry a label, not the names that happen to fill a slot.

export const FIRST_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'wendy', 'li', 'priya', 'ahmed', 'sofia', 'kenji', 'olga', 'mateo', 'amara', 'noah', 'yuki', 'fatima', 'lars'];
export const LAST_NAMES = ['smith', 'nguyen', 'garcia', 'kumar', 'mueller', 'rossi', 'tanaka', 'okafor', 'dubois', 'silva', 'kowalski', 'haddad', 'jensen', 'park', 'brown', 'moreau'];
export const EMAIL_DOMAINS = ['example.com', 'acme.io', 'corp.local', 'contoso.com', 'initech.net', 'globex.org', 'mail.test'];

export const HOST_ROLES = ['web', 'api', 'db', 'cache', 'worker', 'batch', 'auth', 'mq', 'lb', 'app', 'node', 'srv', 'edge', 'search', 'etl', 'mail', 'storage', 'compute'];
export const ENVIRONMENTS = ['prod', 'stg', 'dev', 'qa', 'eu1', 'us-east', 'ap-south', 'dc2'];
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];

export const SERVICES = ['billing-service', 'payment-gateway', 'user-service', 'auth-service', 'order-service', 'inventory-api', 'notification-service', 'report-engine', 'search-indexer', 'checkout', 'crm-sync', 'hr-portal', 'analytics-worker', 'ledger', 'email-dispatcher', 'scheduler', 'catalog-api', 'shipping-service', 'fraud-detector', 'session-store'];
export const SOURCES_MODERN = ['ModernCRM', 'AnalyticsEngine', 'ModernHR', 'BillingSystem', 'ThirdPartyAPI'];
export const COMPONENTS = ['database cluster', 'message broker', 'payment processor', 'authentication service', 'primary storage array', 'load balancer', 'cache layer', 'DNS resolver', 'scheduler', 'search cluster', 'mail relay', 'API gateway', 'replication controller', 'license server', 'core router', 'file server', 'Kafka cluster', 'Redis master', 'etcd quorum', 'PostgreSQL primary', 'identity provider', 'ingress controller'];
export const ESSENTIAL_SERVICES = ['Email service', 'Payment service', 'Authentication service', 'Database service', 'Messaging service', 'Storage service', 'Order processing service', 'Notification service', 'Search service', 'SSO service', 'Billing engine', 'Core API'];

export const DATABASES = ['orders', 'customers', 'billing', 'analytics', 'hr', 'crm', 'inventory', 'auth', 'events', 'ledger'];
export const TABLES = ['users', 'orders', 'invoices', 'payments', 'accounts', 'sessions', 'leads', 'tickets', 'employees', 'audit_log', 'line_items', 'subscriptions'];
export const QUEUES = ['email-outbound', 'orders.created', 'invoice-jobs', 'webhooks', 'payments.retry', 'report-requests', 'crm.sync', 'notifications', 'etl.daily', 'dead-letter'];
export const JOB_NAMES = ['nightly-etl', 'invoice-export', 'crm-sync', 'report-build', 'index-rebuild', 'payroll-run', 'usage-aggregation', 'ledger-close', 'cache-warmup', 'data-retention', 'customer-import', 'sitemap-generate', 'backup-verify', 'metrics-rollup'];
export const FILE_EXTENSIONS = ['csv', 'xlsx', 'pdf', 'json', 'zip', 'txt', 'xml', 'png', 'docx', 'parquet'];
export const FILE_STEMS = ['data', 'report', 'export', 'invoice', 'payroll', 'customers', 'leads', 'backup', 'sales_q3', 'employees', 'upload', 'statement', 'contract', 'audit'];

export const HTTP_METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
export const API_RESOURCES = ['users', 'orders', 'invoices', 'customers', 'products', 'sessions', 'payments', 'reports', 'tickets', 'leads', 'accounts', 'employees', 'servers', 'images', 'flavors', 'volumes', 'search', 'health', 'metrics', 'login', 'webhooks', 'cart', 'checkout'];
export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'curl/8.4.0',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'kube-probe/1.28',
  'okhttp/4.12.0',
  'PostmanRuntime/7.36.0',
  'Apache-HttpClient/4.5.14 (Java/17.0.9)',
  'ELB-HealthChecker/2.0',
];

export const CAMEL_FEATURES = ['BulkEmailSender', 'ReportGenerator', 'ExportToCSV', 'LegacyAuth', 'InvoiceBuilder', 'CustomerSync', 'DataExporter', 'LeadImporter', 'PdfRenderer', 'QuickSearch', 'TaskScheduler', 'OldDashboard', 'ClassicEditor', 'SoapConnector', 'BatchUploader', 'PayrollCalc', 'CaseRouter', 'NotificationCenter', 'AuditTrailV1', 'SimpleReports', 'XmlFeed', 'LegacyBilling', 'ContactMerger', 'TimesheetApp'];
export const CAMEL_REPLACEMENTS = ['EmailCampaignManager', 'AdvancedAnalyticsSuite', 'ExportToXLSX', 'OAuth2Login', 'InvoiceService', 'CustomerSyncV2', 'DataPipeline', 'LeadImportWizard', 'DocumentStudio', 'UnifiedSearch', 'WorkflowScheduler', 'InsightsDashboard', 'RichEditor', 'RestConnector', 'StreamingUploader', 'PayrollEngine', 'SmartCaseRouter', 'MessagingHub', 'AuditTrailV2', 'ReportBuilder', 'JsonFeed', 'BillingPlatform', 'DedupService', 'TimeTracking'];
export const API_FUNCTIONS = ['getCustomerDetails', 'fetchOrders', 'createInvoice', 'listUsers', 'updateLead', 'searchContacts', 'exportReport', 'getAccountBalance', 'submitTimesheet', 'syncInventory', 'postPayment', 'v1/auth/token', '/api/v1/orders', '/v2/reports/legacy', 'UserService.getUser', 'OrderClient.submit'];
export const API_REPLACEMENTS = ['fetchCustomerInfo', 'listOrders', 'invoices.create', 'users.list', 'leads.patch', 'contacts.query', 'reports.export', 'accounts.balance', 'timesheets.submit', 'inventory.sync', 'payments.create', 'v2/oauth/token', '/api/v2/orders', '/v3/reports', 'UserService.findUser', 'OrderClient.submitAsync'];
export const LIBRARIES = ['urllib3', 'numpy', 'pandas', 'requests', 'lodash', 'moment', 'log4j', 'spring-boot', 'jQuery', 'Django', 'Express', 'Angular', 'node-fetch', 'request', 'crypto-js', 'TLS 1.0', 'TLS 1.1', 'SHA-1 signatures', 'Python 3.8', 'Node.js 16', 'Java 8'];
export const CONFIG_KEYS = ['db.pool.size', 'auth.legacy_mode', 'mail.smtp.host', 'cache.ttl', 'server.timeout', 'logging.format', 'export.batch_size', 'api.v1.enabled', 'spring.datasource.initialize', 'useLegacyParser', 'max_connections', 'session.cookie_secure'];

export const WORKFLOW_ENTITIES = ['lead', 'opportunity', 'case', 'ticket', 'invoice', 'order', 'quote', 'contract', 'subscription', 'refund', 'purchase order', 'expense report', 'leave request', 'onboarding task', 'renewal', 'shipment'];
export const WORKFLOW_REASONS = [
  'missing contact information',
  'the assigned support agent is no longer active',
  'invalid tax calculation module',
  'undefined escalation level',
  'invalid priority level',
  'missing next action',
  'the approver has left the organisation',
  'the price book is inactive',
  'the customer account is on credit hold',
  'a required field "billing_country" is empty',
  'the approval chain has no manager assigned',
  'the SLA policy could not be resolved',
  'duplicate record detected',
  'currency mismatch between quote and order',
  'the territory rule returned no owner',
  'the discount exceeds the allowed threshold',
  'the referenced product is discontinued',
  'the contract end date precedes the start date',
  'the payment term is not configured for this region',
  'the queue owner is unassigned',
];

export const SECURITY_THREATS = ['SQL injection', 'cross-site scripting', 'path traversal', 'port scan', 'credential stuffing', 'brute-force', 'command injection', 'XXE', 'SSRF', 'malware signature', 'ransomware behaviour', 'privilege escalation', 'token replay', 'session hijacking'];
export const PRIVILEGED_ROLES = ['admin', 'root', 'superuser', 'domain admin', 'billing-admin', 'cluster-admin', 'db_owner', 'sudoers'];
export const COUNTRIES = ['RU', 'CN', 'KP', 'IR', 'BR', 'NG', 'VN', 'RO', 'UA', 'IN', 'US', 'DE'];
export const ERROR_CAUSES = ['connection reset by peer', 'timeout after 30000ms', 'deadlock detected', 'HTTP 503 from upstream', 'permission denied', 'checksum mismatch', 'no space left on device', 'broken pipe', 'connection refused', 'invalid response from remote', 'lock wait timeout exceeded', 'SSL handshake failed', 'upstream closed connection', 'read timed out', 'constraint violation', 'unexpected EOF', 'rate limit exceeded (429)', 'DNS lookup failed'];
