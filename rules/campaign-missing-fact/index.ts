import * as z from 'zod';
import { FACT_KINDS, type FactKind } from '../../src/core/campaign.js';
import { comparableFacts, EXPECTED_FACT_KINDS, MIN_FILES_FOR_GAPS, mostStating, referenceLocations } from '../../src/core/campaign-check.js';
import type { Range } from '../../src/core/position.js';
import { defineCampaignRule } from '../../src/core/rule.js';

const options = z.strictObject({
  /** Fact kinds whose absence is reported. Calls to action are left out by default: not every channel has buttons. */
  kinds: z.array(z.enum(FACT_KINDS)).min(1).default(() => [...EXPECTED_FACT_KINDS]),
  /** Campaigns with fewer files are not checked (with two files, "most" is both). */
  minFiles: z.number().int().min(2).default(MIN_FILES_FOR_GAPS),
});

const LABELS: Record<FactKind, string> = {
  offer: 'the offer',
  code: 'the promo code',
  date: 'the deadline',
  link: 'the landing URL',
  cta: 'the call to action',
  product: 'the product',
  price: 'the price',
  phone: 'the phone number',
  hashtag: 'the hashtag',
};

const FILE_START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * A fact most of a campaign's files state (more than half of them) is absent in one: the
 * social post that never gives the promo code, the chatbot that never says when the sale ends.
 * Reported where the file names its campaign (else at its most telling sentence).
 */
export default defineCampaignRule({
  meta: {
    id: 'campaign-missing-fact',
    description: 'A fact most channels of a campaign state (offer, promo code, deadline, landing URL) is missing in one.',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'warn',
    options,
    messages: {
      missing: '{fact} ({values}) is missing here, but {count} of {total} files of campaign "{campaign}" state it',
    },
  },
  checkCampaign(context) {
    const { campaign } = context;
    const total = campaign.members.length;
    for (const kind of context.options.kinds) {
      const stating = mostStating(campaign, kind, context.options.minFiles);
      if (!stating) continue;
      const reference = campaign.references[kind];
      const values = reference?.values ?? [...new Set(stating.flatMap((member) => comparableFacts(member, kind).map((fact) => fact.value)))];
      for (const member of campaign.members) {
        if (comparableFacts(member, kind).length > 0) continue;
        context.report({
          file: member.file,
          messageId: 'missing',
          data: { fact: LABELS[kind], values: values.join(', '), count: stating.length, total, campaign: campaign.id },
          range: member.data.campaignRange ?? member.data.tone.anchor ?? FILE_START,
          expected: values,
          ...(reference ? { related: referenceLocations(reference, member.file, LABELS[kind].replace(/^the /, '')) } : {}),
        });
      }
    }
  },
});
