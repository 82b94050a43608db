import { describe, expect, it } from 'vitest';
import type { ElementNode } from '../../src/core/document.js';
import { contextOf, isDarkScoped, scopeInput, selectorMatches } from '../../src/core/style-context.js';
import type { BrandModel, PaletteColor } from '../../src/tokens/brand-model.js';

const palette = (name: string): PaletteColor[] => [{ name, cssVar: `--${name}`, hex: '#000000', alpha: 1, colorSpace: 'srgb', components: [0, 0, 0] }];
const brand = {
  palette: palette('light'),
  contexts: {
    modifiers: [
      { name: 'theme', contexts: ['light', 'dark'], defaultContext: 'light' },
      { name: 'brand', contexts: ['main', 'outdoor'], defaultContext: 'main' },
    ],
    active: { theme: 'light', brand: 'main' },
    dark: { theme: 'dark', brand: 'main' },
    selectors: [{ selector: '.trail-page', input: { brand: 'outdoor' } }],
    files: [],
    resolved: [
      { name: 'theme=light,brand=main', input: { theme: 'light', brand: 'main' }, isDefault: true, palette: palette('light') },
      { name: 'theme=light,brand=outdoor', input: { theme: 'light', brand: 'outdoor' }, isDefault: false, palette: palette('outdoor') },
      { name: 'theme=dark,brand=main', input: { theme: 'dark', brand: 'main' }, isDefault: false, palette: palette('dark') },
      { name: 'theme=dark,brand=outdoor', input: { theme: 'dark', brand: 'outdoor' }, isDefault: false, palette: palette('dark-outdoor') },
    ],
  },
} as unknown as BrandModel;

describe('the context of a declaration', () => {
  it.each([
    { atRules: ['@media (prefers-color-scheme: dark)'], selector: '.body', context: 'theme=dark,brand=main' },
    { atRules: ['@media screen and (prefers-color-scheme:dark)'], selector: '.body', context: 'theme=dark,brand=main' },
    { atRules: [], selector: '[data-ogsc] .text', context: 'theme=dark,brand=main' },
    { atRules: [], selector: '[data-ogsb] .card', context: 'theme=dark,brand=main' },
    { atRules: [], selector: '.dark .card', context: 'theme=dark,brand=main' },
    { atRules: [], selector: 'html.dark .card', context: 'theme=dark,brand=main' },
    { atRules: [], selector: '[data-theme="dark"] .card', context: 'theme=dark,brand=main' },
    { atRules: [], selector: "[data-bs-theme='dark'] .card", context: 'theme=dark,brand=main' },
    { atRules: [], selector: '[data-brand="outdoor"] .cta', context: 'theme=light,brand=outdoor' },
    { atRules: [], selector: '.trail-page .cta', context: 'theme=light,brand=outdoor' },
    { atRules: ['@media (prefers-color-scheme: dark)'], selector: '.trail-page .cta', context: 'theme=dark,brand=outdoor' },
    // Not scopes: the default context (null).
    { atRules: ['@media (prefers-color-scheme: light)'], selector: '.body', context: null },
    { atRules: [], selector: '.darken', context: null },
    { atRules: [], selector: '.card-dark', context: null },
    { atRules: [], selector: '[data-brand="unknown"] .cta', context: null },
    { atRules: ['@media (max-width: 600px)'], selector: '.body', context: null },
  ])('$atRules $selector -> $context', ({ atRules, selector, context }) => {
    expect(contextOf(brand, { atRules, selector })?.name ?? null).toBe(context);
  });

  it('a brand without contexts has no scopes', () => {
    const plain = { ...brand, contexts: undefined } as BrandModel;
    expect(contextOf(plain, { atRules: ['@media (prefers-color-scheme: dark)'], selector: '.a' })).toBeNull();
    expect(scopeInput(plain, { atRules: [], selector: '.dark .a' })).toBeNull();
    expect(isDarkScoped({ atRules: [], selector: '.dark .a' })).toBe(true);
  });
});

describe('selectorMatches', () => {
  const elements: ElementNode[] = [
    { id: 0, parentId: null, tag: 'table', attributes: { class: 'card', id: 'main' }, classes: ['card'], range: null as never, hidden: false, hasText: false },
    { id: 1, parentId: 0, tag: 'td', attributes: { class: 'text big', 'data-role': 'cell' }, classes: ['text', 'big'], range: null as never, hidden: false, hasText: true },
  ];
  const parentOf = (element: ElementNode) => (element.parentId === null ? undefined : elements[element.parentId]);
  const td = elements[1] as ElementNode;
  it.each([
    ['.text', true],
    ['td.text.big', true],
    ['.card .text', true],
    ['#main > td', true],
    ['[data-ogsc] .text', true],
    ['.dark .card td', true],
    ['[data-role="cell"]', true],
    ['.text, .other', true],
    ['.other', false],
    ['p.text', false],
    ['.missing .text', false],
    ['.text:hover', false],
    ['[data-role="row"]', false],
  ])('%s: %s', (selector, expected) => {
    expect(selectorMatches(selector, td, parentOf)).toBe(expected);
  });
});
