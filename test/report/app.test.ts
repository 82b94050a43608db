import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CampaignMatrix } from '../../src/core/campaign.js';
import { footerKeys, ReportApp, type ExitRequest, type ReportAppProps } from '../../src/report/app/App.js';
import { groupNotices } from '../../src/report/notices.js';
import type { Finding, ReportData } from '../../src/report/findings.js';
import { sampleData, sampleResults } from './report-data.js';

/**
 * The ink app rendered with ink-testing-library: keys go in through stdin, the last frame is
 * checked. Frames settle after React re-renders, so expectations wait for them (vi.waitFor).
 */

const KEYS = { down: '\u001B[B', up: '\u001B[A', right: '\u001B[C', left: '\u001B[D', enter: '\r', escape: '\u001B', tab: '\t', backspace: '\u007F' };

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function start(props: Partial<ReportAppProps> = {}) {
  const app = render(createElement(ReportApp, { data: sampleData(), width: 110, height: 30, ...props }));
  unmount = app.unmount;
  const frame = () => app.lastFrame() ?? '';
  /** Presses keys one at a time, each after the previous one's frame. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = app.frames.length;
      app.stdin.write(key);
      // Every handled key re-renders; unhandled keys do not, so wait only briefly for them.
      await vi.waitFor(() => expect(app.frames.length).toBeGreaterThan(before), { timeout: 500 }).catch(() => undefined);
    }
  };
  const shows = async (text: string | RegExp) => vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 10_000 });
  return { app, frame, press, shows };
}

/** The tree line of a label, with the marker before it. */
const line = (frame: string, label: string) => frame.split('\n').find((text) => text.includes(label)) ?? '';

describe('the interactive report', () => {
  it('shows the summary, the filters, the tree with counts (files closed) and the first finding in the detail pane', async () => {
    const { frame, shows } = start();
    await shows('brandlint report');
    expect(frame()).toContain('5 problems (4 errors, 1 warning) in 4 files');
    expect(frame()).toMatch(/in 4 files · brand score \d+(\.\d)?\/100/);
    expect(frame()).toContain('campaigns (1)');
    expect(frame()).toMatch(/severity:all\s+channel:all\s+rule:all\s+text:all/);
    expect(line(frame(), 'campaign spring')).toMatch(/▾ campaign spring\s+3✖ 1⚠/);
    expect(line(frame(), 'emails/spring.html')).toMatch(/▸ emails\/spring\.html\s+2✖/);
    expect(line(frame(), 'no campaign')).toMatch(/▾ no campaign\s+1✖/);
    // The detail pane of the first finding: rule, place, message, code frame, swatches, fix, docs line.
    expect(frame()).toContain('error color-off-palette  emails/spring.html:2:18');
    expect(frame()).toContain('2 | <p style="color: #1e5ba8">Spring sale: 20% off</p>');
    expect(frame()).toMatch(/ \|\s{18}\^{7}\n/);
    expect(frame()).toMatch(/#1e5ba8 → nearest brand color\s+color\.brand\.primary #1e5aa9 ΔE 0\.3/);
    expect(frame()).toContain('fix Use color.brand.primary (#1e5aa9) (press f)');
    expect(frame()).toContain('Every color in styles is a brand palette color. https://example.test/rules/color-off-palette/README.md');
  });

  it('shows the brand score against the baseline, when one is given', async () => {
    const data = sampleData();
    const { frame, shows } = start({ data: { ...data, baselineScores: { run: 12.5, channels: {}, campaigns: {} } }, width: 160 });
    await shows('brandlint report');
    expect(frame()).toMatch(/brand score \d+(\.\d)?\/100 \(\+[\d.]+ since the baseline\)/);
  });

  it('a narrow terminal truncates the summary, not the mode tabs', async () => {
    const { frame, shows } = start({ width: 60 });
    await shows('brandlint report');
    const [first, second] = frame().split('\n');
    expect(first).toMatch(/^brandlint report · 5 problems.*…\s+findings {2}campaigns \(1\)$/);
    expect(second).toMatch(/^filters /);
  });

  it('j/k and arrows move; enter opens a file; the detail pane follows the focus', async () => {
    const { frame, press, shows } = start();
    await shows('brandlint report');
    await press('j', KEYS.down, KEYS.enter);
    await shows('▾ emails/spring.html');
    expect(frame()).toMatch(/▾ color-off-palette\s+1✖/);
    expect(frame()).toContain('• 3:24 Lobster is not a brand font');
    await press('j', 'j', 'j');
    await shows('error font-family-off-brand  emails/spring.html:3:24');
    // Font findings show the family found and the brand stacks.
    expect(frame()).toMatch(/font Lobster · brand stacks Montserrat, Arial, sans-serif \| 'Source Sans 3', Arial, sans-serif/);
    await press('k', KEYS.up, KEYS.up, KEYS.enter);
    await shows('▸ emails/spring.html');
    expect(frame()).not.toContain('Lobster is not a brand font');
  });

  it('a focused group shows its first finding, with the places related to it', async () => {
    const { frame, press, shows } = start();
    await shows('brandlint report');
    await press('j', 'j', 'j', 'j');
    await shows('error color-off-palette  site/spring.html:1:19');
    expect(frame()).toContain('see emails/spring.html:2:40 the email says 20% off (+1 more)');
    // No swatch pair without a parseable expected color; here both are there.
    expect(frame()).toMatch(/#ff0000 → nearest brand color\s+color\.accent #c2501d ΔE 24\.1/);
  });

  it('s cycles the severity filter, c the channel, r the rule, x clears', async () => {
    const { frame, press, shows } = start();
    await shows('brandlint report');
    await press('s', 's');
    await shows('severity:warnings');
    expect(frame()).toContain('showing 1');
    expect(frame()).not.toContain('emails/spring.html');
    expect(frame()).toContain('site/spring.html');
    await press('x', 'c');
    await shows('channel:email');
    expect(frame()).not.toContain('site/spring.html');
    await press('x', 'R', 'R');
    await shows('rule:font-family-off-brand');
    expect(frame()).toContain('showing 1');
    // r: the focused finding's rule (the first row's first finding is a color-off-palette one), r again: all.
    await press('x', 'r');
    await shows('rule:color-off-palette');
    expect(frame()).toContain('showing 3');
    await press('r');
    await shows('rule:all');
    await press('x');
    await shows(/rule:all/);
  });

  it('/ filters by text as it is typed; escape restores, enter keeps', async () => {
    const { frame, press, shows } = start();
    await shows('brandlint report');
    await press('/', 'l', 'o', 'o', 's', 'e');
    await shows('text:"loose"');
    expect(frame()).toContain('1 shown');
    expect(frame()).toContain('site/loose.html');
    expect(frame()).not.toContain('campaign spring');
    await press(KEYS.escape);
    await shows('text:all');
    await press('/', 'L', 'o', 'b', 'x', KEYS.backspace, KEYS.enter);
    await shows('text:"Lob"');
    expect(frame()).toContain('emails/spring.html');
    expect(frame()).not.toContain('site/loose.html');
  });

  it('f asks before fixing; y applies the fix through applyFix and shows the re-linted data', async () => {
    const applied: Finding[] = [];
    const fixed: ReportData = sampleData({ results: sampleResults().slice(1) });
    const applyFix = async (finding: Finding) => {
      applied.push(finding);
      return { data: fixed, status: 'fixed: Use color.brand.primary (#1e5aa9); linted again' };
    };
    const { frame, press, shows } = start({ applyFix });
    await shows('brandlint report');
    await press('j', 'j', KEYS.enter, 'j', 'j', 'f');
    await shows('Apply “Use color.brand.primary (#1e5aa9)” to emails/spring.html? (y/n)');
    await press('n');
    await shows('↑↓/jk move');
    expect(applied).toEqual([]);
    await press('f', 'y');
    await shows('fixed: Use color.brand.primary (#1e5aa9); linted again');
    expect(applied.map((finding) => finding.id)).toEqual(['emails/spring.html|color-off-palette|2:18']);
    expect(frame()).toContain('3 problems (2 errors, 1 warning) in 3 files');
    expect(frame()).not.toMatch(/[▸▾] emails\/spring\.html/);
  });

  it('f on a finding without a fix says so', async () => {
    const { press, shows } = start();
    await shows('brandlint report');
    await press('j', 'j', KEYS.enter, 'j', 'j', 'j', 'j', 'f');
    await shows('this finding has no automatic fix');
  });

  it('e ends the app asking for the editor at the focused finding', async () => {
    const exits: ExitRequest[] = [];
    const { press, shows } = start({ onExit: (request) => exits.push(request) });
    await shows('brandlint report');
    await press('G', 'e');
    await vi.waitFor(() => expect(exits).toHaveLength(1), { timeout: 10_000 });
    const [request] = exits;
    expect(request?.kind).toBe('edit');
    expect(request?.kind === 'edit' && `${request.finding.result.absolutePath}:${request.finding.diagnostic.range?.start.line}`).toBe('/p/site/loose.html:1');
    expect(request?.state.focus).toBe('campaign:no campaign/channel:landing/file:site/loose.html');
  });

  it('? shows the help; m/tab switch to the campaign matrix with the disagreeing cell marked', async () => {
    const { frame, press, shows } = start();
    await shows('brandlint report');
    await press('?');
    await shows('Keys');
    expect(frame()).toMatch(/e\s+open \$VISUAL \/ \$EDITOR at the finding/);
    await press('?', 'm');
    await shows('campaign spring');
    expect(frame()).toContain('campaigns  spring 1✖');
    expect(frame()).toContain('brief campaigns/spring.yaml');
    expect(frame()).toContain('1 cell disagrees with the reference');
    expect(line(frame(), 'landing')).toMatch(/landing\s+25%\s+—/);
    expect(line(frame(), 'social')).toMatch(/social\s+20%\s+#NorthwindSpring/);
    expect(frame()).toMatch(/^reference\s+20%\s+#NorthwindSpring/m);
    await press(KEYS.tab);
    await shows('campaign spring');
    expect(frame()).toContain('▾ campaign spring');
  });

  it('the campaign view without campaigns says how to get them', async () => {
    const { press, shows } = start({ data: sampleData({ campaigns: [] }) });
    await shows('campaigns (0)');
    await press('m');
    await shows('No campaigns.');
  });

  it('no findings: says so', async () => {
    const { shows } = start({ data: sampleData({ results: sampleResults().map((result) => ({ ...result, diagnostics: [], errorCount: 0, warningCount: 0, fixableCount: 0 })) }) });
    await shows('No problems: every file follows the brand.');
  });

  it('keys that arrive together are one command each (and text while filtering)', async () => {
    const exits: ExitRequest[] = [];
    const { app, frame, shows } = start({ onExit: (request) => exits.push(request) });
    await shows('brandlint report');
    app.stdin.write('jj\r');
    await shows('▾ emails/spring.html');
    app.stdin.write('/Lobx\u007F\r');
    await shows('text:"Lob"');
    await shows(/↑↓\/jk move/);
    expect(frame()).toContain('showing 1');
    app.stdin.write('qq');
    await vi.waitFor(() => expect(exits.map((request) => request.kind)).toEqual(['quit']), { timeout: 10_000 });
  });

  it('q quits', async () => {
    const exits: ExitRequest[] = [];
    const { press, shows } = start({ onExit: (request) => exits.push(request) });
    await shows('brandlint report');
    await press('q');
    await vi.waitFor(() => expect(exits.map((request) => request.kind)).toEqual(['quit']), { timeout: 10_000 });
  });

  it('wraps a long message on two lines at most; the screen keeps its height', async () => {
    const [first, ...rest] = sampleResults();
    const long = { ...first!, diagnostics: first!.diagnostics.map((d, i) => (i === 0 ? { ...d, message: `${'word '.repeat(60)}END` } : d)) };
    const { frame, shows } = start({ data: sampleData({ results: [long, ...rest] }) });
    await shows('brandlint report');
    const lines = frame().split('\n');
    const wrapped = lines.filter((line) => line.startsWith('word word'));
    expect(wrapped).toHaveLength(2);
    expect(wrapped[1]).toMatch(/…$/);
    expect(frame()).not.toContain('END');
    expect(lines.length).toBeLessThanOrEqual(30);
  });

  it('scrolls a long tree so the focused row stays in view', async () => {
    const many = sampleResults()[0]!;
    const results = Array.from({ length: 40 }, (_, index) => ({ ...many, file: `emails/f${String(index).padStart(2, '0')}.html`, absolutePath: `/p/emails/f${index}.html` }));
    const { frame, press, shows } = start({ data: sampleData({ results }), height: 24 });
    await shows('emails/f00.html');
    expect(frame()).not.toContain('emails/f39.html');
    await press('G');
    await shows('emails/f39.html');
    expect(frame()).not.toContain('emails/f00.html');
    expect(frame().split('\n').length).toBeLessThanOrEqual(24);
  });
});

/** A campaign as `lint fixtures/` shows it: seven facts, full links, dates that differ. */
const WIDE_MATRIX: CampaignMatrix = {
  campaign: 'spring-sale',
  brief: 'fixtures/campaigns/briefs/spring-sale.yaml',
  channels: [
    { channel: 'email', files: ['fixtures/campaigns/spring-sale/newsletter.email.html'] },
    { channel: 'landing', files: ['fixtures/campaigns/spring-sale/landing.html'] },
    { channel: 'chatbot', files: ['fixtures/campaigns/spring-sale/assistant.bot.yml'] },
    { channel: 'social', files: ['fixtures/campaigns/spring-sale/instagram.post.md'] },
  ],
  facts: ['offer', 'code', 'date', 'link', 'cta', 'product', 'hashtag'],
  reference: {
    offer: { values: ['20% off'], source: 'brief' },
    code: { values: ['SPRING20'], source: 'brief' },
    date: { values: ['2027-03-14'], source: 'brief' },
    link: { values: ['https://www.northwind.example/spring-sale'], source: 'brief' },
    cta: { values: ['shop the sale'], source: 'brief' },
    product: { values: ['CloudPack', 'TrailMate'], source: 'brief' },
    hashtag: { values: ['#northwind', '#springsale'], source: 'majority' },
  },
  cells: [
    ...(['email', 'landing', 'chatbot', 'social'] as const).flatMap((channel) => [
      { channel, fact: 'offer' as const, values: [channel === 'email' ? '15% off' : '20% off'], agrees: channel !== 'email' },
      { channel, fact: 'code' as const, values: [channel === 'chatbot' ? 'SPRING25' : 'SPRING20'], agrees: channel !== 'chatbot' },
      { channel, fact: 'date' as const, values: [channel === 'chatbot' ? '2027-04-02' : '2027-03-14'], agrees: channel !== 'chatbot' },
      {
        channel,
        fact: 'link' as const,
        values: [channel === 'social' ? 'https://www.northwind.example/spring' : 'https://www.northwind.example/spring-sale'],
        agrees: channel !== 'social',
      },
      { channel, fact: 'cta' as const, values: channel === 'chatbot' ? ['shop the sale', 'talk to a person'] : ['shop the sale'], agrees: true },
      { channel, fact: 'product' as const, values: channel === 'email' ? ['CloudPack', 'Northwind Rewards', 'TrailMate'] : ['CloudPack', 'TrailMate'], agrees: true },
      { channel, fact: 'hashtag' as const, values: channel === 'social' ? ['#northwind', '#springsale'] : [], agrees: channel === 'social' ? true : null },
    ]),
  ],
};

describe('at 80 columns', () => {
  const lines = (frame: string) => frame.split('\n');
  const columns = (text: string) => [...text.replace(/\u001B\[[0-9;]*m/g, '')].length;

  it('the campaign matrix shows every date whole, links without scheme or host, and fits', async () => {
    const { frame, press, shows } = start({ width: 80, height: 40, data: sampleData({ campaigns: [WIDE_MATRIX] }) });
    await shows('brandlint report');
    await press('m');
    await shows('campaign spring-sale');
    const shown = frame();
    for (const text of lines(shown)) expect(columns(text), text).toBeLessThanOrEqual(80);
    expect(shown).toContain('links on northwind.example');
    expect(shown).not.toMatch(/https?:\/\/|www\./);
    expect(line(shown, 'chatbot ')).toMatch(/chatbot\s+20% off\s+SPRING25\s+2027-04-02\s+\/spring-sale/);
    expect(line(shown, 'social ')).toMatch(/social\s+20% off\s+SPRING20\s+2027-03-14\s+\/spring\s/);
    expect(shown).toMatch(/^reference\s+20% off\s+SPRING20\s+2027-03-14\s+\/spring-sale/m);
    // The email's products wrap onto more lines instead of being cut.
    expect(shown).toMatch(/Northwind/);
    expect(shown).toMatch(/TrailMate/);
  });

  it('the footer keeps "? help · q quit" in both views and fits', async () => {
    const { frame, press, shows } = start({ width: 80, height: 30 });
    await shows('brandlint report');
    const footer = () => lines(frame()).at(-1) ?? '';
    expect(footer()).toMatch(/\? help · q quit$/);
    expect(columns(footer())).toBeLessThanOrEqual(80);
    await press('m');
    await shows('campaign spring');
    expect(footer()).toMatch(/\? help · q quit$/);
  });

  it.each([40, 60, 80, 120])('footerKeys(%i) fits and ends with q quit', (width) => {
    for (const mode of ['tree', 'campaigns'] as const) {
      const keys = footerKeys(mode, width, true);
      expect([...keys].length).toBeLessThanOrEqual(width);
      expect(keys).toMatch(/q quit$/);
    }
    expect(footerKeys('tree', 120)).toBe('↑↓/jk move · enter open · / filter · s severity · c channel · r rule · e edit · f fix · m campaigns · ? help · q quit');
  });
});

describe('notices inside the app', () => {
  const notices = groupNotices([
    { kind: 'not-applied', file: 'emails/de.html', message: 'prose-style did not apply: English only; the text is de' },
    { kind: 'not-applied', file: 'social/de.md', message: 'prose-style did not apply: English only; the text is de' },
    { kind: 'skipped', file: 'img/logo.png', message: 'binary file; skipped' },
  ]);

  it('the header counts them; n opens them, one line per reason, and closes them again', async () => {
    const { frame, press, shows } = start({ data: sampleData({ notices }), width: 160 });
    await shows('brandlint report');
    expect(frame()).toContain('2 notes (n)');
    expect(frame().split('\n').at(-1)).toMatch(/n notes · \? help · q quit$/);
    await press('n');
    await shows('Notes');
    expect(frame()).toContain('note prose-style did not apply: English only; the text is de (2 files)');
    expect(frame()).toContain('emails/de.html, social/de.md');
    expect(frame()).toContain('note img/logo.png: binary file; skipped');
    await press('n');
    await vi.waitFor(() => expect(frame()).not.toContain('Notes'), { timeout: 10_000 });
  });

  it('without notices, no count', async () => {
    const { frame, shows } = start();
    await shows('brandlint report');
    expect(frame()).not.toMatch(/notes? \(n\)/);
  });
});
