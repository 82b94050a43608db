import { describe, expect, it } from 'vitest';
import { formatCssNumber, fromPx, parseFontSizeAttribute, parseLength, toPx } from '../../src/core/css-length.js';

describe('parseLength', () => {
  it.each([
    ['16px', { value: 16, unit: 'px', text: '16px', start: 0, end: 4 }],
    [' 0.875rem ', { value: 0.875, unit: 'rem', text: '0.875rem', start: 1, end: 9 }],
    ['.75EM', { value: 0.75, unit: 'em', text: '.75EM', start: 0, end: 5 }],
    ['12pt', { value: 12, unit: 'pt', text: '12pt', start: 0, end: 4 }],
    ['90%', { value: 90, unit: '%', text: '90%', start: 0, end: 3 }],
    ['0', { value: 0, unit: '', text: '0', start: 0, end: 1 }],
    ['2vw', { value: 2, unit: 'vw', text: '2vw', start: 0, end: 3 }],
    ['small', { value: 13, unit: 'keyword', keyword: 'small', text: 'small', start: 0, end: 5 }],
    ['XX-Large', { value: 32, unit: 'keyword', keyword: 'xx-large', text: 'XX-Large', start: 0, end: 8 }],
  ])('%j', (value, expected) => {
    expect(parseLength(value)).toEqual(expected);
  });

  it.each(['', 'calc(1rem + 2px)', 'var(--font-size-sm)', 'clamp(1rem, 2vw, 2rem)', '$size', 'smaller', 'larger', '16px 18px', 'inherit', '{{ size }}'])(
    'null for %j',
    (value) => {
      expect(parseLength(value)).toBeNull();
    },
  );

  it('adds the offset', () => {
    expect(parseLength('13px', 40)).toMatchObject({ start: 40, end: 44 });
  });
});

describe('parseFontSizeAttribute', () => {
  it.each([
    ['1', 1, 10],
    ['2', 2, 13],
    ['3', 3, 16],
    ['4', 4, 18],
    ['5', 5, 24],
    ['6', 6, 32],
    ['7', 7, 48],
    ['+1', 4, 18],
    ['-1', 2, 13],
    ['+9', 7, 48],
    ['-5', 1, 10],
  ])('size=%j is size %i, %ipx', (value, htmlSize, px) => {
    expect(parseFontSizeAttribute(value)).toEqual({ value: px, unit: 'px', htmlSize, text: value, start: 0, end: value.length });
  });

  it.each(['0', '8', '2px', 'large', ''])('null for %j', (value) => {
    expect(parseFontSizeAttribute(value)).toBeNull();
  });
});

describe('toPx and fromPx', () => {
  it.each([
    [{ value: 13, unit: 'px' }, {}, 13],
    [{ value: 0.875, unit: 'rem' }, {}, 14],
    [{ value: 0.875, unit: 'rem' }, { remBase: 20 }, 17.5],
    [{ value: 1.5, unit: 'em' }, { emBase: 12 }, 18],
    [{ value: 12, unit: 'pt' }, {}, 16],
    [{ value: 150, unit: '%' }, {}, 24],
    [{ value: 13, unit: 'keyword' }, {}, 13],
    [{ value: 0, unit: '' }, {}, 0],
  ])('%j with %j is %fpx', (length, options, px) => {
    expect(toPx(length, options)).toBeCloseTo(px, 6);
  });

  it.each([{ value: 2, unit: 'vw' }, { value: 3, unit: 'ch' }, { value: 1.5, unit: '' }])('no px for %j', (length) => {
    expect(toPx(length)).toBeNull();
  });

  it('converts back into the unit as written', () => {
    expect(fromPx(14, 'rem')).toBe(0.875);
    expect(fromPx(14, 'pt')).toBeCloseTo(10.5, 9);
    expect(fromPx(14, 'px')).toBe(14);
    expect(fromPx(14, 'vw')).toBeNull();
    expect(formatCssNumber(fromPx(14, 'pt') ?? 0)).toBe('10.5');
  });
});
