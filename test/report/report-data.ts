import type { CampaignMatrix } from '../../src/core/campaign.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/position.js';
import { createResult } from '../../src/engine/result.js';
import type { ReportData } from '../../src/report/findings.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

/** A small, hand-made lint run: two campaigns' worth of files in three channels, and one file in no campaign. */
export function at(source: string, text: string, occurrence = 0) {
  const lines = new LineIndex(source);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(text, start + 1);
  if (start < 0) throw new Error(`"${text}" not in source`);
  return lines.rangeAt(start, start + text.length);
}

export const EMAIL_SOURCE = '<html>\n<p style="color: #1e5ba8">Spring sale: 20% off</p>\n<p style="font-family: Lobster">Hi</p>\n</html>\n';
export const LANDING_SOURCE = '<h1 style="color: #ff0000">Save 25%</h1>\n<p style="font-size: 15px">Ends soon</p>\n';
export const SOCIAL_SOURCE = 'Spring sale! 20% off everything #NorthwindSpring\n';
export const LOOSE_SOURCE = '<p style="color: #00ff00">Loose</p>\n';

function diagnostic(file: string, source: string, text: string, extra: Partial<Diagnostic> & Pick<Diagnostic, 'ruleId' | 'message'>): Diagnostic {
  return { severity: 'error', file, range: at(source, text), docsUrl: `https://example.test/rules/${extra.ruleId}/README.md`, ...extra };
}

export const COLOR_FIX_TEXT = '#1e5aa9';

export function sampleResults() {
  const emailColor = diagnostic('emails/spring.html', EMAIL_SOURCE, '#1e5ba8', {
    ruleId: 'color-off-palette',
    message: '#1e5ba8 is not a brand color; nearest is color.brand.primary (#1e5aa9), ΔE 0.3',
    actual: '#1e5ba8',
    expected: ['#1e5aa9'],
    data: { color: '#1e5ba8', token: 'color.brand.primary', hex: '#1e5aa9', delta: '0.3' },
    fix: { description: 'Use color.brand.primary (#1e5aa9)', edits: [{ range: at(EMAIL_SOURCE, '#1e5ba8'), text: COLOR_FIX_TEXT }] },
  });
  const emailFont = diagnostic('emails/spring.html', EMAIL_SOURCE, 'Lobster', {
    ruleId: 'font-family-off-brand',
    message: 'Lobster is not a brand font; start the stack with Montserrat or Source Sans 3',
    actual: 'Lobster',
  });
  const landingColor = diagnostic('site/spring.html', LANDING_SOURCE, '#ff0000', {
    ruleId: 'color-off-palette',
    message: '#ff0000 is not a brand color; nearest is color.accent (#c2501d), ΔE 24.1',
    actual: '#ff0000',
    expected: ['#c2501d'],
    data: { color: '#ff0000', token: 'color.accent', hex: '#c2501d', delta: '24.1' },
    related: [
      { file: 'emails/spring.html', range: at(EMAIL_SOURCE, '20% off'), message: 'the email says 20% off' },
      { file: 'social/spring.md', range: at(SOCIAL_SOURCE, '20% off'), message: 'the post says 20% off' },
    ],
  });
  const landingSize = diagnostic('site/spring.html', LANDING_SOURCE, '15px', {
    ruleId: 'font-size-off-scale',
    severity: 'warning',
    message: '15px is not on the type scale; nearest step is font.size.base (16px)',
  });
  const looseColor = diagnostic('site/loose.html', LOOSE_SOURCE, '#00ff00', {
    ruleId: 'color-off-palette',
    message: '#00ff00 is not a brand color; nearest is color.success (#1a7f37), ΔE 30.2',
    actual: '#00ff00',
    data: { color: '#00ff00', token: 'color.success', hex: '#1a7f37', delta: '30.2' },
  });
  return [
    createResult({ file: 'emails/spring.html', absolutePath: '/p/emails/spring.html', channel: 'email', campaign: 'spring', source: EMAIL_SOURCE }, [emailColor, emailFont]),
    createResult({ file: 'site/spring.html', absolutePath: '/p/site/spring.html', channel: 'landing', campaign: 'spring', source: LANDING_SOURCE }, [landingColor, landingSize]),
    createResult({ file: 'social/spring.md', absolutePath: '/p/social/spring.md', channel: 'social', campaign: 'spring', source: SOCIAL_SOURCE }, []),
    createResult({ file: 'site/loose.html', absolutePath: '/p/site/loose.html', channel: 'landing', source: LOOSE_SOURCE }, [looseColor]),
  ];
}

export const SAMPLE_MATRIX: CampaignMatrix = {
  campaign: 'spring',
  brief: 'campaigns/spring.yaml',
  channels: [
    { channel: 'email', files: ['emails/spring.html'] },
    { channel: 'landing', files: ['site/spring.html'] },
    { channel: 'social', files: ['social/spring.md'] },
  ],
  facts: ['offer', 'hashtag'],
  reference: { offer: { values: ['20%'], source: 'brief' }, hashtag: { values: ['#NorthwindSpring'], source: 'majority' } },
  cells: [
    { channel: 'email', fact: 'offer', values: ['20%'], agrees: true },
    { channel: 'landing', fact: 'offer', values: ['25%'], agrees: false },
    { channel: 'social', fact: 'offer', values: ['20%'], agrees: true },
    { channel: 'email', fact: 'hashtag', values: [], agrees: null },
    { channel: 'landing', fact: 'hashtag', values: [], agrees: null },
    { channel: 'social', fact: 'hashtag', values: ['#NorthwindSpring'], agrees: true },
  ],
};

export const SAMPLE_BRAND = {
  version: 1,
  brand: { name: 'Northwind', domains: ['northwind.example'] },
  palette: [
    { name: 'color.brand.primary', cssVar: '--color-brand-primary', hex: '#1e5aa9', alpha: 1, colorSpace: 'srgb', components: [0.118, 0.353, 0.663] },
    { name: 'color.accent', cssVar: '--color-accent', hex: '#c2501d', alpha: 1, colorSpace: 'srgb', components: [0.761, 0.314, 0.114] },
  ],
  fonts: [
    { name: 'font.family.heading', cssVar: '--font-family-heading', families: ['Montserrat', 'Arial', 'sans-serif'], css: "Montserrat, Arial, sans-serif" },
    { name: 'font.family.body', cssVar: '--font-family-body', families: ['Source Sans 3', 'Arial', 'sans-serif'], css: "'Source Sans 3', Arial, sans-serif" },
  ],
} as unknown as BrandModel;

export function sampleData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    results: sampleResults(),
    campaigns: [SAMPLE_MATRIX],
    brand: SAMPLE_BRAND,
    rules: {
      'color-off-palette': { description: 'Every color in styles is a brand palette color.' },
      'font-family-off-brand': { description: 'Font stacks start with a brand font.' },
    },
    ...overrides,
  };
}
