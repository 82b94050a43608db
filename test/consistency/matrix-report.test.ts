import { describe, expect, it } from 'vitest';
import type { CampaignMatrix } from '../../src/core/campaign.js';
import { json } from '../../src/report/formatters/json.js';
import { stylish } from '../../src/report/formatters/stylish.js';

/** The consistency matrix in the reports: a `campaigns` field in JSON, a table after the stylish summary. */

const matrix: CampaignMatrix = {
  campaign: 'spring-sale',
  brief: 'campaigns/spring-sale.yaml',
  channels: [
    { channel: 'email', files: ['emails/spring.html'] },
    { channel: 'social', files: ['posts/spring.post.md'] },
  ],
  facts: ['offer', 'code', 'link'],
  reference: {
    offer: { values: ['20% off'], source: 'brief' },
    code: { values: ['SPRING20', 'SPRING25'], source: 'tie' },
    link: { values: ['https://www.northwind.example/spring-sale'], source: 'majority' },
  },
  cells: [
    { channel: 'email', fact: 'offer', values: ['15% off'], agrees: false },
    { channel: 'email', fact: 'code', values: ['SPRING20'], agrees: false },
    { channel: 'email', fact: 'link', values: ['https://www.northwind.example/spring-sale'], agrees: true },
    { channel: 'social', fact: 'offer', values: ['20% off'], agrees: true },
    { channel: 'social', fact: 'code', values: ['SPRING25'], agrees: false },
    { channel: 'social', fact: 'link', values: [], agrees: false },
  ],
};
const context = { cwd: '/project', color: false, notices: [] };

describe('matrix in the reports', () => {
  it('json: a top-level campaigns field, only when there are campaigns', () => {
    expect(JSON.parse(json([], { ...context, campaigns: [matrix] })).campaigns).toEqual([matrix]);
    expect(Object.keys(JSON.parse(json([], context)))).toEqual(['version', 'results', 'notices', 'summary', 'score']);
  });

  it('stylish: a compact table after the summary, disagreeing cells marked', () => {
    expect(stylish([], { ...context, campaigns: [matrix] })).toBe(
      [
        'brand score 100/100',
        '',
        'campaign spring-sale (brief campaigns/spring-sale.yaml)',
        '             offer      code                      link',
        '  reference  20% off    tie: SPRING20 | SPRING25  northwind.example/spring-sale',
        '  email      ✖ 15% off  ✖ SPRING20                northwind.example/spring-sale',
        '  social     20% off    ✖ SPRING25                ✖ —',
        '',
      ].join('\n'),
    );
  });

  it('stylish: nothing without findings and campaigns', () => {
    expect(stylish([], context)).toBe('');
  });
});
