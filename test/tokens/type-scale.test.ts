import { describe, expect, it } from 'vitest';
import { createBrandModel } from '../../src/tokens/brand-model.js';
import { guidelinesSchema, type Guidelines } from '../../src/tokens/guidelines.js';
import { cannotApplyNotices } from '../../src/engine/notices.js';
import fontSizeOffScale from '../../rules/font-size-off-scale/index.js';
import colorOffPalette from '../../rules/color-off-palette/index.js';
import logoTooSmall from '../../rules/logo-too-small/index.js';
import { load } from './dtcg/helpers.js';

const px = (value: number) => ({ $type: 'dimension', $value: { value, unit: 'px' } });

function scaleOf(tokens: unknown, guidelines: Partial<Guidelines> | null = null) {
  const loaded = load(tokens);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const parsed = guidelines ? guidelinesSchema.parse({ version: 1, brand: { name: 'Northwind', domains: ['northwind.example'] }, ...guidelines }) : null;
  const { model, diagnostics } = createBrandModel(loaded.set, parsed);
  return { steps: model.typeScale.map((step) => `${step.name}=${step.px}`), diagnostics: diagnostics.map((d) => d.message), model };
}

describe('type scale from groups of dimension tokens', () => {
  it('a `font.size` group with no typography tokens (Style Dictionary)', () => {
    expect(scaleOf({ font: { size: { sm: px(14), md: px(16), lg: px(20) } } }).steps).toEqual(['font.size.sm=14', 'font.size.md=16', 'font.size.lg=20']);
  });

  it('a `fontSizes` group (Tokens Studio) beside typography tokens with literal sizes (one step per size)', () => {
    const tokens = {
      fontSizes: { body: px(16), h1: px(32) },
      typography: { body: { $type: 'typography', $value: { fontFamily: 'Inter', fontSize: { value: 16, unit: 'px' }, fontWeight: 400, letterSpacing: { value: 0, unit: 'px' }, lineHeight: 1.5 } } },
    };
    expect(scaleOf(tokens).steps).toEqual(['fontSizes.body=16', 'fontSizes.h1=32']);
  });

  it('the guideline file names the group: only its dimension tokens are steps', () => {
    const tokens = { text: { step: { '0': px(15), '1': px(18) } }, space: { sm: px(4) }, fontSize: { legacy: px(13) } };
    expect(scaleOf(tokens, { typeScale: 'text.step' }).steps).toEqual(['text.step.0=15', 'text.step.1=18']);
    expect(scaleOf(tokens, { typeScale: '{text.step}' }).steps).toEqual(['text.step.0=15', 'text.step.1=18']);
  });

  it('a group named that holds no dimension tokens is an error, not a silent empty scale', () => {
    const { diagnostics } = scaleOf({ font: { size: { sm: px(14) } } }, { typeScale: 'font.sizes' });
    expect(diagnostics).toEqual(['typeScale: "font.sizes" is no token group; name the group of the brand\'s font size tokens, such as "font.size"']);
  });

  it('trap: spacing dimensions are no type scale', () => {
    expect(scaleOf({ space: { sm: px(4), md: px(8) }, size: { icon: px(24) } }).steps).toEqual([]);
  });

  it('rejects a typeScale that is no group path', () => {
    expect(guidelinesSchema.safeParse({ version: 1, brand: { name: 'N' }, typeScale: 'font size' }).success).toBe(false);
  });
});

describe('rules that cannot apply to a run', () => {
  const rules = [fontSizeOffScale, colorOffPalette, logoTooSmall];

  it('says once per rule what the brand lacks and how to fix it', () => {
    const { model } = scaleOf({ space: { sm: px(4) } });
    expect(cannotApplyNotices(rules, model, new Set(['landing'])).map((notice) => notice.message)).toEqual([
      'color-off-palette cannot apply to this run: the brand has no palette: add color tokens',
      'font-size-off-scale cannot apply to this run: the brand has no type scale: add font size tokens (a `font.size` or `fontSize` group of dimension tokens) or name their group with `typeScale:` in the guideline file',
      'logo-too-small cannot apply to this run: the brand has no logos: list them under `logos.assets` in the guideline file',
    ]);
  });

  it('is silent when the brand has what the rule needs', () => {
    const { model } = scaleOf({ font: { size: { md: px(16) } }, color: { brand: { $type: 'color', $value: { colorSpace: 'srgb', components: [0, 0.4, 1] } } } });
    expect(cannotApplyNotices([fontSizeOffScale, colorOffPalette], model, new Set(['landing']))).toEqual([]);
  });

  it('trap: no brand at all is the no-brand notice, and a run without files of the rule\'s channels says nothing', () => {
    expect(cannotApplyNotices(rules, null, new Set(['landing']))).toEqual([]);
    const { model } = scaleOf({ space: { sm: px(4) } });
    const channelsOf = (rule: { meta: { channels?: readonly string[] } }) => rule.meta.channels;
    const onlyChat = new Set(['chatbot'] as const);
    const expected = rules.filter((rule) => channelsOf(rule) === undefined || channelsOf(rule)!.includes('chatbot')).map((rule) => rule.meta.id);
    expect(cannotApplyNotices(rules, model, onlyChat).map((notice) => notice.message.split(' ')[0])).toEqual(expected.sort());
  });
});
