import { referenceLocations, reportDisagreements } from '../../src/core/campaign-check.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/**
 * A channel links to a different landing page than the campaign's. URLs are compared
 * normalised (host in lower case, no trailing slash, no fragment); `utm_*` parameters are compared
 * separately: a `utm_campaign` that names another campaign is reported too.
 */
export default defineCampaignRule({
  meta: {
    id: 'campaign-link-mismatch',
    description: 'A channel links to a different landing URL than the rest of its campaign (or its brief), or tags it for another campaign.',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      mismatch: 'landing URL {actual} disagrees with the campaign\'s {expected} ({reference})',
      tie: 'the campaign\'s channels disagree on the landing URL with no majority: {sides}; add a brief to settle it',
      utm: 'utm_campaign "{actual}" names another campaign than "{campaign}"',
    },
  },
  checkCampaign(context) {
    reportDisagreements(context, 'link', 'landing URL');
    const { campaign } = context;
    const reference = campaign.references.link;
    for (const member of campaign.members) {
      for (const fact of member.facts) {
        const tagged = fact.kind === 'link' ? fact.detail?.utm?.utm_campaign : undefined;
        if (tagged === undefined || tagged === campaign.id) continue;
        context.report({
          file: member.file,
          messageId: 'utm',
          data: { actual: tagged, campaign: campaign.id },
          range: fact.range,
          actual: tagged,
          expected: [campaign.id],
          ...(reference ? { related: referenceLocations(reference, member.file, 'landing URL') } : {}),
        });
      }
    }
  },
});
