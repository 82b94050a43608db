import { describe, expect, it } from 'vitest';
import { output, problems, run, srgb, token } from './helpers.js';

/** Style Dictionary v3/v4 without usesDtcg: `value`, `type`, CTI categories, `{a.b}` and `{a.b.value}` references. */
const tokens = {
  color: {
    base: {
      pine: { value: '#1f5135', comment: 'Northwind Pine', attributes: { category: 'color', type: 'base' } },
      white: { value: 'rgb(255, 255, 255)' },
      veil: { value: 'rgba(0, 0, 0, 0.5)' },
    },
    brand: { value: '{color.base.pine.value}' },
    text: { value: '{color.base.pine}', deprecated: true, deprecated_comment: 'Use color.brand' },
    border: { value: '#E2E2DC' },
  },
  size: {
    font: { base: { value: '1' }, large: { value: '1.5' } },
    padding: { small: { value: '8px' } },
    radius: { value: 4, type: 'dimension' },
  },
  time: { fast: { value: '150ms' }, slow: { value: 300 } },
  font: { family: { body: { value: "'Open Sans', Arial, sans-serif" } }, weight: { bold: { value: '700' } } },
  easing: { standard: { value: 'cubic-bezier(0.2, 0, 0, 1)', type: 'cubicBezier' }, out: { value: 'ease-out', type: 'cubicBezier' } },
  shadow: { card: { value: '0 1px 2px rgba(0, 0, 0, 0.2), inset 0 0 0 1px {color.border}', type: 'shadow' } },
  border: { default: { value: '1px solid {color.border}', type: 'border' } },
  opacity: { muted: { value: 0.6, type: 'opacity' } },
  content: { icon: { value: '"\\e001"' } },
  asset: { logo: { value: 'logo.svg' } },
  spacing: { '0.5': { value: '2px' } },
  broken: { value: '{color.missing}', type: 'color' },
};

describe('Style Dictionary import', () => {
  it('maps every type: value and type, CTI categories, references with and without .value', async () => {
    const result = await run({ 'tokens/sd.json': tokens });
    expect(result.formats).toEqual([{ file: 'tokens/sd.json', format: 'style-dictionary', evidence: expect.stringContaining('tokens are objects with "value"') }]);
    expect(token(result, 'sd.tokens.json', 'color.base.pine')).toEqual({
      $type: 'color',
      $value: srgb('#1f5135', [0.1216, 0.3176, 0.2078]),
      $description: 'Northwind Pine',
      $extensions: { 'org.brandlint.import.style-dictionary': { attributes: { category: 'color', type: 'base' } } },
    });
    expect(token(result, 'sd.tokens.json', 'color.base.veil').$value).toEqual(srgb('#000000', [0, 0, 0], 0.5));
    expect(token(result, 'sd.tokens.json', 'color.brand').$value).toBe('{color.base.pine}');
    expect(token(result, 'sd.tokens.json', 'color.text')).toMatchObject({ $value: '{color.base.pine}', $deprecated: 'Use color.brand' });
    // Style Dictionary's size/rem convention: bare numbers of the size category are rem.
    expect(token(result, 'sd.tokens.json', 'size.font.base')).toEqual({ $type: 'dimension', $value: { value: 1, unit: 'rem' } });
    expect(token(result, 'sd.tokens.json', 'size.padding.small').$value).toEqual({ value: 8, unit: 'px' });
    expect(token(result, 'sd.tokens.json', 'size.radius').$value).toEqual({ value: 4, unit: 'rem' });
    expect(token(result, 'sd.tokens.json', 'time.fast')).toEqual({ $type: 'duration', $value: { value: 150, unit: 'ms' } });
    expect(token(result, 'sd.tokens.json', 'time.slow').$value).toEqual({ value: 300, unit: 'ms' });
    expect(token(result, 'sd.tokens.json', 'font.family.body')).toEqual({ $type: 'fontFamily', $value: ['Open Sans', 'Arial', 'sans-serif'] });
    expect(token(result, 'sd.tokens.json', 'font.weight.bold')).toEqual({ $type: 'fontWeight', $value: 700 });
    expect(token(result, 'sd.tokens.json', 'easing.standard').$value).toEqual([0.2, 0, 0, 1]);
    expect(token(result, 'sd.tokens.json', 'easing.out').$value).toEqual([0, 0, 0.58, 1]);
    expect(token(result, 'sd.tokens.json', 'shadow.card').$value).toEqual([
      { color: srgb('#000000', [0, 0, 0], 0.2), offsetX: { value: 0, unit: 'px' }, offsetY: { value: 1, unit: 'px' }, blur: { value: 2, unit: 'px' }, spread: { value: 0, unit: 'px' } },
      { color: srgb('#e2e2dc', [0.8863, 0.8863, 0.8627]), offsetX: { value: 0, unit: 'px' }, offsetY: { value: 0, unit: 'px' }, blur: { value: 0, unit: 'px' }, spread: { value: 1, unit: 'px' }, inset: true },
    ]);
    expect(token(result, 'sd.tokens.json', 'border.default').$value).toEqual({ color: srgb('#e2e2dc', [0.8863, 0.8863, 0.8627]), width: { value: 1, unit: 'px' }, style: 'solid' });
    expect(token(result, 'sd.tokens.json', 'opacity.muted')).toEqual({ $type: 'number', $value: 0.6 });
    expect(token(result, 'sd.tokens.json', 'spacing.0-5').$value).toEqual({ value: 2, unit: 'px' });
  });

  it('says what it could not map, where it is written', async () => {
    const result = await run({ 'tokens/sd.json': tokens });
    expect(problems(result)).toEqual([
      expect.stringMatching(/^\d+:\d+ import\/converted references inside "0 1px 2px rgba\(0, 0, 0, 0.2\), inset 0 0 0 1px \{color.border\}" are replaced by their values$/),
      expect.stringMatching(/^\d+:\d+ import\/converted references inside "1px solid \{color.border\}" are replaced by their values$/),
      expect.stringMatching(/^\d+:\d+ import\/unmapped content.icon is not imported: its type "content \(CTI category\)" has no DTCG equivalent$/),
      expect.stringMatching(/^\d+:\d+ import\/unmapped asset.logo is not imported: its type "asset \(CTI category\)" has no DTCG equivalent$/),
      expect.stringMatching(/^\d+:\d+ import\/renamed the name "0.5" is written as "0-5": DTCG names cannot contain "\.", "\{" or "\}", nor start with "\$"$/),
      expect.stringMatching(/^\d+:\d+ import\/unmapped broken is not imported: reference "\{color.missing\}" names no token$/),
    ]);
    expect(result.tokenCount).toBe(20);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const first = await run({ 'sd.json': tokens });
    const second = await run({ 'sd.json': tokens });
    expect(second.files).toEqual(first.files);
    expect(first.files.map((file) => file.path)).toEqual(['sd.tokens.json']);
    expect(Object.keys(output(first, 'sd.tokens.json'))).toEqual(['color', 'size', 'time', 'font', 'easing', 'shadow', 'border', 'opacity', 'spacing']);
  });
});
