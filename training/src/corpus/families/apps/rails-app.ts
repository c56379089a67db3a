import { criLine, rails } from '../formats';
import { defineFamily, familyTemplates } from '../log-family';
import { statusLine } from './app-fillers';

import TEMPLATES_RAILS_APP from './templates/rails-app.json';

// A Ruby on Rails app (Puma, Sidekiq jobs): its request lines (Started,
// Processing, Completed), jobs, the exceptions Rails logs at FATAL, CSRF
// and Rack::Attack warnings, ActiveSupport deprecations.
export const railsApp = defineFamily({
  family: 'rails-app',
  description: 'a Ruby on Rails app: request lines, ActiveJob/Sidekiq jobs, exceptions logged at FATAL, CSRF and Rack::Attack, deprecations',
  sources: ['storefront', 'ModernCRM'],
  formats: [rails, criLine],
  bareShare: 0.4,
  fillers: {
    statusLine,
  },
  templates: familyTemplates(TEMPLATES_RAILS_APP),
});
