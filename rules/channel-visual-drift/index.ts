import type { StyleUse } from '../../src/core/campaign.js';
import { normalizeFamilyName } from '../../src/core/css-font.js';
import { defineCampaignRule } from '../../src/core/rule.js';

/**
 * A channel of a campaign uses a color or a font family that neither the brand (its palette and
 * font tokens) nor any other channel of the campaign uses: the campaign's look breaks in that
 * channel. Reported at the first use of each such value in the file.
 */
export default defineCampaignRule({
  meta: {
    id: 'channel-visual-drift',
    description: 'A channel of a campaign uses colors or fonts that its sibling channels and the brand do not.',
    category: 'consistency',
    fixable: false,
    defaultLevel: 'warn',
    messages: {
      color: 'color {actual} is used by no other channel of campaign "{campaign}" and is not in the brand palette',
      font: 'font "{actual}" is used by no other channel of campaign "{campaign}" and is not a brand font',
    },
  },
  checkCampaign(context) {
    const { campaign, brand } = context;
    const styled = campaign.members.filter((member) => member.data.visual.colors.length + member.data.visual.fonts.length > 0);
    if (styled.length < 2) return;
    const palette = new Set((brand?.palette ?? []).map((color) => color.hex.toLowerCase()));
    const brandFonts = new Set((brand?.fonts ?? []).flatMap((font) => font.families.map(normalizeFamilyName)));
    for (const member of styled) {
      const siblings = styled.filter((other) => other !== member);
      const siblingColors = new Set(siblings.flatMap((other) => other.data.visual.colors.map((use) => use.value)));
      const siblingFonts = new Set(siblings.flatMap((other) => other.data.visual.fonts.map((use) => use.value)));
      // Where the siblings set the same kind of value: their first color or font.
      const relatedOf = (pick: (visual: (typeof member)['data']['visual']) => readonly StyleUse[]) =>
        siblings.flatMap((other) => {
          const first = pick(other.data.visual)[0];
          return first ? [{ file: other.file, range: first.range, message: `the ${other.channel} channel uses ${first.value}` }] : [];
        });
      const report = (uses: readonly StyleUse[], known: (value: string) => boolean, messageId: 'color' | 'font') => {
        const seen = new Set<string>();
        for (const use of uses) {
          if (seen.has(use.value) || known(use.value)) continue;
          seen.add(use.value);
          context.report({
            file: member.file,
            messageId,
            data: { actual: use.text, campaign: campaign.id },
            range: use.range,
            actual: use.value,
            related: relatedOf((visual) => (messageId === 'color' ? visual.colors : visual.fonts)),
          });
        }
      };
      report(member.data.visual.colors, (value) => palette.has(value) || siblingColors.has(value), 'color');
      report(member.data.visual.fonts, (value) => brandFonts.has(value) || siblingFonts.has(value), 'font');
    }
  },
});
