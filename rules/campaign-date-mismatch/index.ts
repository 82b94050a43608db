import { referenceLocations, reportDisagreements } from '../../src/core/campaign-check.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/**
 * A channel's deadline (a date after `until`, `ends`, `by`, `bis`, `jusqu'au`, `截止`, ...)
 * differs from the campaign's end date; with a brief, a start date (`from March 1`) that is not
 * the brief's start is reported too. Dates are compared as ISO dates, whatever their format.
 */
export default defineCampaignRule({
  meta: {
    id: 'campaign-date-mismatch',
    description: 'A channel states a different deadline (or start date) than the rest of its campaign (or its brief).',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      mismatch: 'deadline {actual} disagrees with the campaign\'s {expected} ({reference})',
      tie: 'the campaign\'s channels disagree on the deadline with no majority: {sides}; add a brief to settle it',
      start: 'start date {actual} disagrees with the brief\'s {expected}',
    },
  },
  checkCampaign(context) {
    reportDisagreements(context, 'date', 'deadline');
    const brief = context.campaign.brief;
    const start = brief?.facts.find((fact) => fact.kind === 'date' && fact.detail?.dateRole === 'start');
    if (!start) return;
    for (const member of context.campaign.members) {
      for (const fact of member.facts) {
        if (fact.kind !== 'date' || fact.detail?.dateRole !== 'start' || fact.value === start.value) continue;
        context.report({
          file: member.file,
          messageId: 'start',
          data: { actual: fact.value, expected: start.value },
          range: fact.range,
          actual: fact.value,
          expected: [start.value],
          related: referenceLocations({ kind: 'date', source: 'brief', values: [start.value], locations: [{ file: start.file, range: start.range, value: start.value }] }, member.file, 'start date'),
        });
      }
    }
  },
});
