import { pythonBasic, pythonLogging, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';

import TEMPLATES_HR from './templates/hr.json';

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
  templates: familyTemplates(TEMPLATES_HR),
});
