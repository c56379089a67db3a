import { formatTime, randomMoment } from '../../fillers';
import { appLogFile, levelWord } from '../formats';
import { defineFamily, type LineFormat, familyTemplates } from '../log-family';

import TEMPLATES_LEGACY_CRM from './templates/legacy-crm.json';

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
  templates: familyTemplates(TEMPLATES_LEGACY_CRM),
});
