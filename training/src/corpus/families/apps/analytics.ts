import { bracketedIso, logfmt, pythonLogging, structuredJson } from '../formats';
import { defineFamily } from '../log-family';
import { crit, dep, err, res, sec, sys, usr, wf } from './template-kit';

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
  templates: [
    // Jobs, loads and reports going through.
    sys('INFO', 'ETL job {job} started (run {uuid})', 3),
    sys('INFO', 'ETL job {job} finished in {duration}: {int:100:9000000} rows loaded into {dataset}', 3),
    sys(null, 'Extract from {db} completed: {int:100:900000} rows'),
    sys('DEBUG', 'Transform step {dedupe|normalize_currency|sessionize|join_customers} produced {int:100:900000} rows'),
    sys('INFO', 'Warehouse load into {warehouse}.{dataset} committed ({int:1:900} MB)'),
    sys('INFO', 'Dashboard "{dashboard}" refreshed in {duration}'),
    sys(null, 'Report {file} generated and emailed to {int:1:50} recipients'),
    sys('INFO', 'Scheduled export {job} completed: {int:100:900000} rows written'),
    sys('DEBUG', 'Data export {file} is ready for download'),
    sys('INFO', 'Partition {date} of {dataset} compacted'),
    sys(null, 'Materialized view {dataset}_summary refreshed'),
    sys(null, '{int:1:40} of {int:40:80} OK created sql {table|view|incremental} model analytics.{dataset} {.....|..........} [{SELECT {int:1:900000}|OK|INSERT 0 {int:1:9000}} in {float:0:90:2}s]'),
    sys('INFO', 'Marking task as SUCCESS. dag_id={job}, task_id={extract|transform|load|publish}, execution_date={date}T00:00:00+00:00'),
    usr('INFO', 'User {user} scheduled the report "{dashboard}" for {daily|weekly|monthly} delivery'),
    usr(null, 'User {user} shared dashboard "{dashboard}" with {int:1:40} people'),
    usr('DEBUG', 'User {userId} ran an ad-hoc query on {dataset}'),

    // Jobs and loads that failed once.
    err('ERROR', 'Export {job} {failed|did not complete}: {cause}'),
    err('ERROR', 'Import of {file} failed at line {int:2:90000}: {malformed CSV|unexpected column count|invalid UTF-8 sequence}'),
    err('WARN', 'Report generation failed for {file}: {cause}'),
    err('ERROR', 'Data validation failed for {int:1:900} rows in {file}'),
    err(null, 'ETL step {extract|transform|load} failed for {job}: {cause}'),
    err('ERROR', 'Failed to generate daily {usage|sales|activity} report'),
    err('WARN', 'Scheduled {report|export|sync} run {int:100:9999} ended with errors'),
    err('ERROR', 'Load step for table {table} aborted: {cause}'),
    err('INFO', 'Operation {job} completed with {int:1:900} errors'),
    err('ERROR', 'Scheduled {export|import|sync} for tenant {int:100:9999} failed'),
    err('ERROR', 'Error: {job} could not write its output: {cause}'),
    err('WARN', 'Unable to refresh materialized view {table}_summary: {cause}'),
    err(null, 'Processing of {file} stopped with an error: {cause}'),
    err('ERROR', 'Batch {int:1:9999} of {job} failed, {int:1:500} records skipped'),
    err(null, '{int:1:40} of {int:40:80} ERROR creating sql {table|view|incremental} model analytics.{dataset} {.....|..........} [ERROR in {float:0:90:2}s]'),
    err('ERROR', 'Marking task as FAILED. dag_id={job}, task_id={extract|transform|load|publish}, execution_date={date}T00:00:00+00:00'),
    err('INFO', 'Task exited with return code 1'),
    err('ERROR', '{feature} run for {dataset} failed: {cause}'),
    err('ERROR', 'Query for dashboard "{dashboard}" failed: {cause}'),

    // Business-level failures of the reporting process, outages, misuse.
    wf('ERROR', 'Report distribution for "{dashboard}" stopped: the recipient list is empty'),
    wf('WARN', 'Scheduled report "{dashboard}" not published: sign-off by the data owner is missing'),
    wf(null, 'KPI sign-off for {quarter} blocked: {int:2:40} metrics have no owner'),
    crit('CRITICAL', 'Query engine is down: no dashboards can load'),
    crit('ERROR', 'Warehouse {warehouse} unreachable; all ETL jobs halted'),
    crit(null, 'AnalyticsEngine scheduler died: no jobs have run for {int:30:600} minutes'),
    sec('WARN', 'User {user} exported {int:100000:9000000} rows of {customer_360|finance_gl} outside business hours'),
    sec('ERROR', 'Query on restricted dataset {dataset} denied for {user}: no data-access grant'),
    res('INFO', 'Database {db} size is {float:1:900:1} GB, {int:1:90} GB free on tablespace'),
    res('DEBUG', 'Peak memory during {job}: {int:100:9000} MB'),
    res('WARN', 'Warehouse credits used this month: {int:80:99}% of the {int:1000:90000} credit budget'),
    res(null, 'Query scanned {float:0.1:900:1} GB and used {int:1:64} slots'),
    dep('WARN', 'FutureWarning: {the default value of numeric_only will change|is_categorical_dtype is deprecated and will be removed in a future version}'),
    dep('INFO', 'Legacy {report|export|billing|search} module is scheduled for retirement in {quarter} {year}'),
    dep('WARN', "The '{feature}' tool is deprecated and will be switched off next quarter; use '{replacement}'"),
    dep(null, 'Deprecation notice: {feature} reaches end of life on {date}'),
    dep('INFO', '{feature} v1 is being phased out; please adopt {replacement}'),
    dep('WARN', 'Warning: {feature} reaches end of life on {date}, switch to {replacement}'),
    dep(null, '{feature} will no longer be available after {date}'),
    dep('INFO', 'Support for {feature} is ending; migrate before {month} {year}'),
  ],
});
