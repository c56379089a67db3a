import { criLine, rails } from '../formats';
import { defineFamily } from '../log-family';
import { statusLine } from './app-fillers';
import { crit, dep, err, http, res, sec, sys, usr, wf } from './template-kit';

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
  templates: [
    http('INFO', 'Completed {statusLine} in {int:1:3000}ms (Views: {float:0:900:1}ms | ActiveRecord: {float:0:300:1}ms)'),
    sys('INFO', 'Started {GET|POST|PATCH|DELETE} "{path}" for {ip} at {datetime} +0000', 3),
    sys('INFO', 'Processing by {OrdersController|InvoicesController|SessionsController|Api::V1::UsersController}#{index|show|create|update} as {HTML|JSON}', 3),
    sys('INFO', 'Performed {InvoiceMailerJob|SyncContactsJob|ReportJob} (Job ID: {uuid}) from {Sidekiq|Async}(default) in {float:1:9000:2}ms'),
    sys('DEBUG', 'Enqueued {InvoiceMailerJob|SyncContactsJob|ReportJob} (Job ID: {uuid}) to Sidekiq(default)'),
    usr('INFO', 'User {userId} updated their notification preferences'),
    usr(null, 'User {user} confirmed the account e-mail address'),
    err('FATAL', 'ActionController::RoutingError (No route matches [{GET|POST}] "{path}"):'),
    err('FATAL', "ActiveRecord::RecordNotFound (Couldn't find {User|Order|Invoice} with 'id'={int:1:99999}):"),
    err('ERROR', 'Redis::CannotConnectError (Error connecting to Redis on {host}:6379 (Errno::ECONNREFUSED))'),
    crit('FATAL', 'Exiting: {ActiveRecord::ConnectionNotEstablished|PG::ConnectionBad} during boot, the app cannot start'),
    sec('WARN', "Can't verify CSRF token authenticity."),
    sec('ERROR', 'Rack::Attack blocked {ip} on {path} after {int:10:500} requests in {int:1:5} minutes'),
    res('DEBUG', 'Puma pool capacity {int:0:16} of {int:16:32} threads, backlog {int:0:40}'),
    dep('WARN', 'DEPRECATION WARNING: {`Rails.application.secrets` is deprecated in favor of `Rails.application.credentials`|Using legacy connection handling is deprecated|`to_s(:db)` is deprecated} and will be removed from Rails {7.2|8.0} (called from {index at app/controllers/orders_controller.rb:{int:5:90}|block in <class:Order> at app/models/order.rb:{int:5:90}})'),

    wf('ERROR', 'Order {order} could not be confirmed: {reason}'),
    wf('WARN', 'Subscription box for customer {int:1000:99999} skipped this month: the delivery address is outside the service area'),
  ],
});
