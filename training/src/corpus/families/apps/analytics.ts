import { bracketedIso, logfmt, pythonLogging, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_ANALYTICS from './templates/analytics.json';

// AnalyticsEngine: a Python ETL and reporting service over a warehouse:
// extract/transform/load jobs, scheduled reports, dashboards, exports.
const LOGGERS = ['analytics.pipeline', 'analytics.etl.load', 'analytics.reports', 'analytics.dashboards', 'scheduler.jobs', 'airflow.task', 'analytics.export'];

export const analytics = defineFamily({
  family: 'analytics',
  description: 'AnalyticsEngine: ETL jobs, warehouse loads, scheduled reports, dashboards and exports',
  sources: ['AnalyticsEngine'],
  formats: [pythonLogging(LOGGERS), structuredJson(LOGGERS), logfmt('analytics-engine'), bracketedIso],
  bareShare: 0.4,
  fillers: {
    dataset: (r) => r.pick(['sales_daily', 'web_sessions', 'customer_360', 'orders_fact', 'marketing_attribution', 'churn_features', 'inventory_snapshot', 'finance_gl']),
    dashboard: (r) => r.pick(['Revenue Overview', 'Pipeline Health', 'Churn Cohorts', 'Support KPIs', 'Executive Summary', 'Marketing Funnel']),
    warehouse: (r) => r.pick(['snowflake', 'bigquery', 'redshift', 'clickhouse']),
  },
  templates: familyTemplates(TEMPLATES_ANALYTICS),
});
