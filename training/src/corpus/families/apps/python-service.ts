import { criLine, pythonBasic, pythonLogging, structuredJson } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';
import { statusLine } from './app-fillers';

import TEMPLATES_PYTHON_SERVICE from './templates/python-service.json';

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
  templates: familyTemplates(TEMPLATES_PYTHON_SERVICE),
});
