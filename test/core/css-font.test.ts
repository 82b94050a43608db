import { describe, expect, it } from 'vitest';
import { isFallbackFamily, normalizeFamilyName, parseFontFamilyList, parseFontShorthand } from '../../src/core/css-font.js';

/** `name@start-end:kind` of each family, for compact tables. */
const families = (value: string, offset = 0) =>
  parseFontFamilyList(value, offset).map((family) => `${family.name}@${family.start}-${family.end}:${family.kind}`);

describe('parseFontFamilyList', () => {
  it.each([
    [`'Source Sans 3', Helvetica Neue, sans-serif`, ['Source Sans 3@0-15:name', 'Helvetica Neue@17-31:name', 'sans-serif@33-43:generic']],
    [`"JetBrains Mono",Menlo,monospace`, ['JetBrains Mono@0-16:name', 'Menlo@17-22:name', 'monospace@23-32:generic']],
    [`  Montserrat ,  Arial  `, ['Montserrat@2-12:name', 'Arial@16-21:name']],
    [`Times   New\tRoman`, ['Times New Roman@0-17:name']],
    [`'serif', SERIF`, ['serif@0-7:name', 'SERIF@9-14:generic']],
    [`inherit`, ['inherit@0-7:keyword']],
    [`var(--font-family-body)`, ['var(--font-family-body)@0-23:dynamic']],
    [`var(--a, 'X, Y'), Arial`, [`var(--a, 'X, Y')@0-16:dynamic`, 'Arial@18-23:name']],
    [`$font-body, Arial`, ['$font-body@0-10:dynamic', 'Arial@12-17:name']],
    [`'Lobster',,Arial`, ['Lobster@0-9:name', 'Arial@11-16:name']],
    [`'Font, With Comma', Arial`, ['Font, With Comma@0-18:name', 'Arial@20-25:name']],
    [`'It\\'s', Arial`, [`It's@0-7:name`, 'Arial@9-14:name']],
    [`-apple-system, BlinkMacSystemFont, system-ui, ui-sans-serif`, [
      '-apple-system@0-13:name',
      'BlinkMacSystemFont@15-33:name',
      'system-ui@35-44:generic',
      'ui-sans-serif@46-59:generic',
    ]],
    [`{{ font }}, Arial`, ['{{ font }}@0-10:dynamic', 'Arial@12-17:name']],
  ])('%s', (value, expected) => {
    expect(families(value)).toEqual(expected);
  });

  it('adds the offset and keeps raw text', () => {
    const [family] = parseFontFamilyList(`'Lobster'`, 100);
    expect(family).toEqual({ name: 'Lobster', raw: `'Lobster'`, start: 100, end: 109, quoted: true, kind: 'name' });
  });
});

describe('parseFontShorthand', () => {
  const parts = (value: string) => {
    const parsed = parseFontShorthand(value);
    if (!parsed) return null;
    const part = (p?: { text: string; start: number; end: number }) => (p ? `${p.text}@${p.start}-${p.end}` : undefined);
    return {
      style: part(parsed.style),
      weight: part(parsed.weight),
      size: part(parsed.size),
      lineHeight: part(parsed.lineHeight),
      systemFont: part(parsed.systemFont),
      families: parsed.families.map((family) => `${family.name}@${family.start}-${family.end}`),
    };
  };

  it.each([
    [`700 16px/1.5 'Source Sans 3', Arial`, { weight: '700@0-3', size: '16px@4-8', lineHeight: '1.5@9-12', families: ['Source Sans 3@13-28', 'Arial@30-35'] }],
    [`16px Montserrat`, { size: '16px@0-4', families: ['Montserrat@5-15'] }],
    [`italic bold 1rem / 1.2 Montserrat, sans-serif`, { style: 'italic@0-6', weight: 'bold@7-11', size: '1rem@12-16', lineHeight: '1.2@19-22', families: ['Montserrat@23-33', 'sans-serif@35-45'] }],
    [`normal normal 400 small Arial`, { weight: '400@14-17', size: 'small@18-23', families: ['Arial@24-29'] }],
    [`oblique 10deg 600 90% Georgia`, { style: 'oblique 10deg@0-13', weight: '600@14-17', size: '90%@18-21', families: ['Georgia@22-29'] }],
    [`small-caps condensed calc(1rem + 2px) Arial`, { size: 'calc(1rem + 2px)@21-37', families: ['Arial@38-43'] }],
    [`caption`, { systemFont: 'caption@0-7', families: [] }],
  ])('%s', (value, expected) => {
    const actual = parts(value);
    expect(actual).toEqual({ style: undefined, weight: undefined, size: undefined, lineHeight: undefined, systemFont: undefined, ...expected });
  });

  it.each(['inherit', 'var(--font-body)', '700 var(--size) Arial', '16px', 'bold Arial', `'Lobster' 16px`, '$font', '700 {{ size }} Arial', '12px/1.5'])(
    'null for %j',
    (value) => {
      expect(parseFontShorthand(value)).toBeNull();
    },
  );

  it('adds the offset', () => {
    expect(parseFontShorthand('13px Arial', 10)).toMatchObject({ size: { start: 10, end: 14 }, families: [{ start: 15, end: 20 }] });
  });
});

describe('fallback families', () => {
  it.each(['Arial', 'helvetica neue', 'Georgia', 'Times New Roman', 'Courier New', 'Segoe UI', 'Roboto', '-apple-system'])('%s is a fallback', (name) => {
    expect(isFallbackFamily({ name, kind: 'name' })).toBe(true);
  });
  it.each(['Lobster', 'Montserrat', 'Open Sans', 'Comic Sans MS'])('%s is not', (name) => {
    expect(isFallbackFamily({ name, kind: 'name' })).toBe(false);
  });
  it('generic families are', () => {
    expect(isFallbackFamily({ name: 'sans-serif', kind: 'generic' })).toBe(true);
  });
  it('normalizes names', () => {
    expect(normalizeFamilyName(`  'Source   Sans 3' `)).toBe('source sans 3');
  });
});
