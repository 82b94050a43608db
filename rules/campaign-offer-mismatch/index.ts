import { reportDisagreements } from '../../src/core/campaign-check.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/**
 * The offer a channel states (`15% off`) differs from the campaign's: its brief, else what most
 * channels say. `8 折`, `20 %`, `-20%` and `20 % de réduction` all read as `20% off`.
 */
export default defineCampaignRule({
  meta: {
    id: 'campaign-offer-mismatch',
    description: 'A channel states a different offer than the rest of its campaign (or its brief).',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      mismatch: 'offer "{actual}" disagrees with the campaign\'s {expected} ({reference})',
      tie: 'the campaign\'s channels disagree on the offer with no majority: {sides}; add a brief to settle it',
    },
  },
  checkCampaign(context) {
    reportDisagreements(context, 'offer', 'offer');
  },
});
