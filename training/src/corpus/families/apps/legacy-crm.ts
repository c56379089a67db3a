import { formatTime, randomMoment } from '../../fillers';
import { appLogFile, levelWord } from '../formats';
import { defineFamily, type LineFormat } from '../log-family';
import { crit, dep, sys, usr, wf } from './template-kit';

// LegacyCRM: the old in-house CRM that ModernCRM replaces. Its log file has
// a US-style timestamp and, for many messages, no level at all. In the
// original project's data it is the source of the case, lead and invoice
// workflow failures and of the retirement notices.
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `12/01/2025 10:15:30 PM  ERROR  message`, or without the level. */
const legacyStamp: LineFormat = (m, { level, rng }) => {
  const t = randomMoment(rng);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const stamp = `${pad2(t.month)}/${pad2(t.day)}/${t.year} ${pad2(hour12)}${formatTime(t).slice(2)} ${t.hour < 12 ? 'AM' : 'PM'}`;
  const word = level === null ? null : levelWord(level);
  return `${stamp}  ${word === null ? '' : `${word.padEnd(5)}  `}${m}`;
};

export const legacyCrm = defineFamily({
  family: 'legacy-crm',
  description: 'LegacyCRM: the old in-house CRM (case escalation, lead follow-up, invoice generation, retirement notices)',
  sources: ['LegacyCRM'],
  formats: [appLogFile('LegacyCRM'), legacyStamp],
  bareShare: 0.5,
  templates: [
    // The original project's LegacyCRM lines, verbatim.
    wf('ERROR', 'Case escalation for ticket ID {ticket} failed because the assigned support agent is no longer active.'),
    wf(null, 'Invoice generation process aborted for order ID {order} due to invalid tax calculation module.'),
    wf('WARN', 'Lead conversion failed for prospect ID {int:1000:99999} due to {missing contact information|an invalid email address|a duplicate account}.'),
    wf(null, 'Customer follow-up process for lead ID {int:1000:99999} failed due to missing next action'),
    wf('ERROR', 'Escalation rule execution failed for ticket ID {ticket} - undefined escalation level.'),
    wf('WARN', 'Task assignment for TeamID {int:1000:9999} could not complete due to invalid priority level.'),
    dep('WARN', "The '{feature}' module will be retired in version {int:3:9}.0. Please migrate to the '{replacement}' by {month} {year}"),
    dep(null, "API endpoint '{apiFunction}' is deprecated and will be removed in version {version}. Use '{apiReplacement}' instead."),
    dep('INFO', 'Support for legacy authentication methods will be discontinued after {date}.'),
    dep('WARN', "The '{feature}' feature is no longer supported. Use '{replacement}' for improved functionality."),
    dep(null, "The '{feature}' feature is outdated. Please migrate to '{replacement}' by the end of {quarter}."),

    // More of its workflows that could not go on.
    wf(null, 'Ticket {ticket} could not be routed: no matching assignment rule'),
    wf(null, 'Lead {int:1000:99999} could not be converted to an opportunity: {reason}'),
    wf(null, 'Territory realignment job could not reassign {int:2:900} accounts: {reason}'),
    wf(null, 'Cannot close {entity} {order}: {reason}'),
    wf(null, 'Ticket {ticket} auto-assignment failed: the support group has no active members'),
    wf(null, 'Process "{Order approval|Case closure|Contract renewal}" could not continue for {entity} {order}: {reason}'),
    wf(null, 'CRM workflow "{Convert lead|Assign case|Send quote}" aborted for record {int:1000:99999}'),
    wf('ERROR', 'Batch lead import {file} rejected: {int:2:900} rows have no owner'),
    wf('WARN', 'Escalation for case {ticket} postponed: the escalation calendar has no working hours'),

    // Its routine chatter and its end.
    sys(null, 'Ticket {ticket} status changed from {Open|Pending|In Progress} to {Pending|In Progress|Resolved|Closed}'),
    sys(null, 'Case {ticket} closed with resolution "{Answered|Duplicate|Fixed in release|No response}"', 3),
    usr(null, 'User {user} added a note to case {ticket}'),
    crit(null, 'LegacyCRM server process terminated unexpectedly; all sessions lost'),
    sys('INFO', 'Nightly export to ModernCRM finished: {int:100:90000} records'),
    sys(null, 'Session for {user} timed out after {int:15:60} minutes of inactivity'),
    usr('INFO', 'User {user} printed the case report for {ticket}'),
    dep(null, 'The {feature} plugin is no longer maintained; migrate to {replacement}'),
    dep(null, "End of support for '{feature}' announced; customers should switch to '{replacement}'"),
    dep(null, "Legacy '{feature}' mode enabled; this mode is deprecated"),
  ],
});
