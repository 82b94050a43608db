import { reportDisagreements } from '../../src/core/campaign-check.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/** The promo code a channel gives (`SPRING15`) differs from the campaign's (compared case-insensitively). */
export default defineCampaignRule({
  meta: {
    id: 'campaign-code-mismatch',
    description: 'A channel gives a different promo code than the rest of its campaign (or its brief).',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      mismatch: 'promo code "{actual}" disagrees with the campaign\'s {expected} ({reference})',
      tie: 'the campaign\'s channels disagree on the promo code with no majority: {sides}; add a brief to settle it',
    },
  },
  checkCampaign(context) {
    reportDisagreements(context, 'code', 'promo code');
  },
});
