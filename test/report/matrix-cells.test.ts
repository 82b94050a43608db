import { describe, expect, it } from 'vitest';
import type { CampaignMatrix } from '../../src/core/campaign.js';
import { cellValue, columnWidths, sharedLinkHost, wrapCell } from '../../src/report/matrix-cells.js';

describe('cellValue', () => {
  it.each([
    ['https://www.northwind.example/spring-sale', {}, 'northwind.example/spring-sale'],
    ['http://northwind.example/spring?ref=x', {}, 'northwind.example/spring?ref=x'],
    ['https://www.northwind.example/spring-sale', { host: 'northwind.example' }, '/spring-sale'],
    ['https://northwind.example', { host: 'northwind.example' }, '/'],
    ['https://northwind.example.evil/x', { host: 'northwind.example' }, 'northwind.example.evil/x'],
  ])('link %s %j -> %s', (value, options, shown) => {
    expect(cellValue('link', value, options)).toBe(shown);
  });

  it('leaves other facts as they are (control characters made visible)', () => {
    expect(cellValue('date', '2027-03-14')).toBe('2027-03-14');
    expect(cellValue('code', 'SPRING\u001b[2J')).not.toContain('\u001b');
  });
});

describe('sharedLinkHost', () => {
  const matrix = (links: string[]): CampaignMatrix => ({
    campaign: 'c',
    channels: [],
    facts: ['link'],
    reference: { link: { values: [links[0]!], source: 'brief' } },
    cells: links.slice(1).map((link, index) => ({ channel: index % 2 ? 'email' : 'landing', fact: 'link', values: [link], agrees: true })),
  });
  it('is the host of every link, www. aside', () => {
    expect(sharedLinkHost(matrix(['https://www.northwind.example/spring-sale', 'https://northwind.example/spring']))).toBe('northwind.example');
    expect(sharedLinkHost(matrix(['https://northwind.example/a', 'https://partner.example/a']))).toBeUndefined();
  });
});

describe('columnWidths', () => {
  it('gives every column what it holds when that fits', () => {
    expect(columnWidths([['offer', '20% off'], ['date', '2027-03-14']], 80)).toEqual([7, 10]);
  });

  it('when it does not fit, keeps short values (dates) whole and shares the rest with the long columns', () => {
    const columns = [
      ['offer', '20% off', '15% off'],
      ['code', 'SPRING20', 'SPRING25'],
      ['date', '2027-03-14', '2027-04-02'],
      ['link', '/spring-sale', '/spring'],
      ['cta', 'shop the sale, talk to a person'],
      ['product', 'CloudPack, Northwind Rewards, TrailMate'],
      ['hashtag', '#northwind, #springsale'],
    ];
    const widths = columnWidths(columns, 80 - 10);
    expect(widths.reduce((sum, value) => sum + value, 0) + columns.length).toBeLessThanOrEqual(70);
    expect(widths.slice(0, 4)).toEqual([7, 8, 10, 12]);
  });
});

describe('wrapCell', () => {
  it('breaks after commas, spaces and slashes, inside a word only when it must', () => {
    expect(wrapCell('CloudPack, Northwind Rewards, TrailMate', 12)).toEqual(['CloudPack,', 'Northwind', 'Rewards,', 'TrailMate']);
    expect(wrapCell('CloudPack, Northwind Rewards, TrailMate', 12, 3)).toEqual(['CloudPack,', 'Northwind', '…, TrailMate']);
    expect(wrapCell('#northwind, #springsale', 11)).toEqual(['#northwind,', '#springsale']);
    expect(wrapCell('northwind.example/spring-sale', 18)).toEqual(['northwind.example/', 'spring-sale']);
    expect(wrapCell('SUPERCALIFRAGILISTIC', 8)).toEqual(['SUPERCAL', 'IFRAGILI', 'STIC']);
  });

  it('past the last line, keeps the end (where links differ) after an ellipsis', () => {
    const lines = wrapCell('a/b/c/d/e/f/g/h/i/the-differing-end', 6, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('…g-end');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(6);
  });
});
