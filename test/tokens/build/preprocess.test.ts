import { describe, expect, it } from 'vitest';
import { convertValue, preprocessDtcg2025 } from '../../../src/tokens/build/preprocess.js';
import { gradientToCss, toEmailSafe } from '../../../src/tokens/build/transforms.js';

const px = (value: number) => ({ value, unit: 'px' });

describe('convertValue: DTCG 2025.10 objects -> style-dictionary 4 strings', () => {
  it.each([
    { type: 'color', value: { colorSpace: 'srgb', components: [1, 0, 0] }, expected: '#ff0000' },
    { type: 'color', value: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.5 }, expected: '#00000080' },
    { type: 'color', value: '#ABCDEF', expected: '#abcdef' },
    { type: 'color', value: '{color.base.blue}', expected: '{color.base.blue}' },
    { type: 'dimension', value: px(16), expected: '16px' },
    { type: 'dimension', value: { value: 1.5, unit: 'rem' }, expected: '1.5rem' },
    { type: 'duration', value: { value: 200, unit: 'ms' }, expected: '200ms' },
    { type: 'fontWeight', value: 'semi-bold', expected: 600 },
    { type: 'fontWeight', value: 700, expected: 700 },
    { type: 'number', value: 1.5, expected: 1.5 },
    { type: 'cubicBezier', value: [0.2, 0, 0, 1], expected: [0.2, 0, 0, 1] },
    {
      type: 'border',
      value: { color: '{color.border}', width: px(1), style: { dashArray: [px(4), px(2)], lineCap: 'round' } },
      expected: { color: '{color.border}', width: '1px', style: { dashArray: ['4px', '2px'], lineCap: 'round' } },
    },
    {
      type: 'shadow',
      value: [{ color: { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0.25 }, offsetX: px(0), offsetY: px(2), blur: px(4), spread: px(0), inset: true }],
      expected: [{ color: '#00000040', offsetX: '0px', offsetY: '2px', blur: '4px', spread: '0px', inset: true }],
    },
    {
      type: 'typography',
      value: { fontFamily: ['Montserrat', 'sans-serif'], fontSize: { value: 1.25, unit: 'rem' }, fontWeight: 'bold', letterSpacing: px(0), lineHeight: 1.2 },
      expected: { fontFamily: ['Montserrat', 'sans-serif'], fontSize: '1.25rem', fontWeight: 700, letterSpacing: '0px', lineHeight: 1.2 },
    },
    {
      type: 'transition',
      value: { duration: { value: 200, unit: 'ms' }, delay: { value: 0, unit: 's' }, timingFunction: '{easing.standard}' },
      expected: { duration: '200ms', delay: '0s', timingFunction: '{easing.standard}' },
    },
    {
      type: 'gradient',
      value: [{ color: '{color.a}', position: 0 }, { color: { colorSpace: 'srgb', components: [1, 1, 1] }, position: 1 }],
      expected: [{ color: '{color.a}', position: 0 }, { color: '#ffffff', position: 1 }],
    },
  ] as const)('$type $value', ({ type, value, expected }) => {
    expect(convertValue(type, structuredClone(value) as never)).toEqual(expected);
  });

  it('walks a tree and leaves groups and metadata alone', () => {
    const tree = {
      color: { brand: { $type: 'color', $value: { colorSpace: 'srgb', components: [0, 0, 1] }, $description: 'Blue' } },
      size: { base: { $type: 'dimension', $value: px(16) } },
    };
    expect(preprocessDtcg2025(tree)).toEqual({
      color: { brand: { $type: 'color', $value: '#0000ff', $description: 'Blue' } },
      size: { base: { $type: 'dimension', $value: '16px' } },
    });
  });
});

describe('gradientToCss', () => {
  it('prints stops with percentages', () => {
    expect(gradientToCss([{ color: '#1f5135', position: 0 }, { color: '#2e7d4f', position: 0.5 }])).toBe(
      'linear-gradient(#1f5135 0%, #2e7d4f 50%)',
    );
  });
});

describe('toEmailSafe', () => {
  it.each([
    { value: '1.5rem', expected: '24px' },
    { value: '-0.25rem', expected: '-4px' },
    { value: '#00000080', expected: '#7f7f7f' },
    { value: '#1f5135', expected: '#1f5135' },
    { value: { fontSize: '2rem', color: '#ff000000' }, expected: { fontSize: '32px', color: '#ffffff' } },
    { value: 'url(#a)', expected: 'url(#a)' },
  ])('$value', ({ value, expected }) => {
    expect(toEmailSafe(value, 16)).toEqual(expected);
  });
});
