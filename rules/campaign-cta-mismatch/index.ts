import { reportDisagreements } from '../../src/core/campaign-check.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/**
 * A channel's call to action (its button or call-to-action link text) differs from the
 * campaign's. Case, arrows, emoji and trailing punctuation do not count: `Shop the sale →` and
 * `SHOP THE SALE` agree.
 */
export default defineCampaignRule({
  meta: {
    id: 'campaign-cta-mismatch',
    description: 'A channel uses a different call to action than the rest of its campaign (or its brief).',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'warn',
    messages: {
      mismatch: 'call to action "{actual}" disagrees with the campaign\'s {expected} ({reference})',
      tie: 'the campaign\'s channels disagree on the call to action with no majority: {sides}; add a brief to settle it',
    },
  },
  checkCampaign(context) {
    reportDisagreements(context, 'cta', 'call to action');
  },
});
