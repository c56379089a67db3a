import { pythonBasic, pythonLogging, structuredJson } from '../formats';
import { defineFamily } from '../log-family';
import { crit, dep, err, res, sec, sys, usr, wf } from './template-kit';

// ModernHR, a Django application: payroll runs, timesheets, leave,
// onboarding and offboarding, expense approvals.
const LOGGERS = ['hr.payroll', 'hr.payroll.tasks', 'hr.leave.views', 'hr.onboarding', 'hr.timesheets', 'hr.expenses', 'celery.worker', 'django.request'];

export const hr = defineFamily({
  family: 'hr',
  description: 'ModernHR: payroll, timesheets, leave, onboarding and offboarding, expense approvals',
  sources: ['ModernHR'],
  formats: [pythonLogging(LOGGERS), pythonBasic(LOGGERS), structuredJson(LOGGERS)],
  bareShare: 0.4,
  fillers: {
    employee: (r) => r.pick([String(r.int(1000, 99999)), `E${r.int(10000, 99999)}`, `EMP-${r.int(100, 9999)}`]),
    department: (r) => r.pick(['Finance', 'Engineering', 'Sales', 'Support', 'Operations', 'People', 'Legal', 'Marketing']),
    leaveType: (r) => r.pick(['annual leave', 'sick leave', 'parental leave', 'unpaid leave', 'compassionate leave']),
    payPeriod: (r) => `${r.int(2024, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}`,
  },
  templates: [
    // Payroll, leave and onboarding going through.
    sys('INFO', 'Payroll run {payPeriod} started for {int:20:9000} employees', 3),
    sys('INFO', 'Payroll run {payPeriod} completed: {int:20:9000} payslips generated'),
    sys(null, 'Payslip for employee {employee} published for {payPeriod}'),
    sys('INFO', 'Leave request {int:1000:99999} for employee {employee} approved by {user}', 3),
    sys('DEBUG', 'Leave balance recalculated for {int:10:9000} employees'),
    sys('INFO', 'Onboarding checklist created for new hire {employee} ({department})'),
    sys(null, 'Timesheets for week {int:1:52} locked: {int:10:900} submitted'),
    sys('INFO', 'Benefits enrolment window for {year} opened'),
    sys('DEBUG', 'Org chart synced from the directory: {int:10:9000} employees, {int:1:90} changes'),
    sys('INFO', 'Expense report {int:1000:99999} reimbursed: {int:10:4000}.{int:10:99} EUR'),
    sys(null, 'Offboarding of employee {employee} completed; accounts scheduled for removal'),
    sys('INFO', 'Scheduler: Sending due task {payroll.tasks.close_period|leave.tasks.accrue_balances|timesheets.tasks.remind_missing} ({payroll.tasks.close_period|leave.tasks.accrue_balances|timesheets.tasks.remind_missing})'),
    sys('DEBUG', 'Holiday calendar {year} imported for {country}'),
    usr('INFO', 'Employee {employee} downloaded the payslip for {payPeriod}'),
    sys('INFO', '{replacement} is now the default for new employees in {department}'),
    usr('INFO', 'Employee {user} clocked {in|out} at {datetime}', 3),
    usr('INFO', 'Employee portal: user {userId} logged in using {single sign-on|SSO|a password}'),
    usr(null, 'Employee {employee} submitted a {leaveType} request for {int:1:20} days'),
    usr('DEBUG', 'Manager {user} approved the timesheet of employee {employee}'),
    usr('INFO', 'Employee {employee} updated their bank details'),
    usr(null, 'User {user} completed onboarding'),

    // HR workflows that could not go on.
    wf('ERROR', 'Expense report {int:1000:99999} routing failed: {reason}'),
    wf('WARN', 'Leave request {int:1000:99999} for employee {int:1000:99999} could not be approved: {reason}'),
    wf('ERROR', 'Onboarding workflow for employee {int:1000:99999} halted: missing {tax form|bank details|signed contract}'),
    wf('ERROR', 'Payroll approval for period {date} blocked: {int:1:40} timesheets not submitted'),
    wf(null, 'Offboarding checklist for employee {int:1000:99999} incomplete: asset return not confirmed'),
    wf('WARN', 'Commission calculation for rep {user} skipped: {reason}'),
    wf('ERROR', 'Step "{Manager approval|Finance review|Legal review}" of {entity} {order} timed out with no approver'),
    wf('INFO', 'Approval request {int:1000:99999} rejected: requester cannot approve their own {entity}'),
    wf('ERROR', 'Expense claim {int:1000:9999} could not be routed for approval: employee has no cost center'),
    wf('WARN', 'Timesheet approval for employee {int:1000:99999} failed: {reason}'),
    wf('WARN', 'Workflow "{Hire to Retire|Procure to Pay}" stopped at step "{Approval|Validation|Provisioning}": {reason}'),
    wf('ERROR', 'Benefits enrolment for employee {employee} rejected: a dependant has no date of birth'),
    wf('ERROR', 'Payroll run {payPeriod} rejected: {int:1:40} employees have no tax code'),
    wf(null, 'Leave request for employee {employee} rejected automatically: the {leaveType} balance is exhausted'),
    wf('ERROR', 'Onboarding task "{Create laptop ticket|Enrol in benefits|Assign buddy}" for {employee} not created: {department} has no HR partner'),

    // Failures, outages, misuse and deprecations.
    err('ERROR', 'Sending the payslip email to {user} failed ({cause})'),
    err('ERROR', 'Payslip PDF for employee {employee} could not be generated: {cause}'),
    err('WARN', 'Export of timesheets to the payroll provider failed: {cause}'),
    err(null, 'Directory sync for {department} failed, {int:1:90} employees not updated'),
    crit('CRITICAL', 'Payroll engine crashed during the {payPeriod} run; no payslips were produced'),
    crit('ERROR', 'ModernHR is unavailable: the {database|application server} is down'),
    sec('WARN', "User {userId} tried to open {the payroll module|the finance admin area|another tenant's data} without permission{|, request blocked}"),
    sec('ERROR', 'Unauthorized attempt to view salary data of employee {employee} by {user}'),
    sec('WARN', 'Bank details of employee {employee} changed from an unrecognised device; payout held'),
    res('INFO', 'Employee document storage: {int:1:500} GB of {int:500:1000} GB used'),
    res('DEBUG', 'Peak memory during payroll run {payPeriod}: {int:100:9000} MB'),
    dep('WARN', 'The classic timesheet screen is deprecated and will be removed on {date}; use Time Tracking'),
    dep('INFO', "Payroll export format 'CSV v1' is deprecated; switch to 'CSV v2' before {month} {year}"),
    dep(null, 'RemovedInDjango{50|51|60}Warning: {The USE_L10N setting is deprecated|django.utils.timezone.utc alias is deprecated|The DEFAULT_FILE_STORAGE setting is deprecated}'),
  ],
});
