import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createColors } from 'picocolors';
import type { CampaignMatrix } from '../../src/core/campaign.js';
import { escapeJsonForTerminal, terminalOutput, terminalText } from '../../src/core/terminal-text.js';
import { createResult } from '../../src/engine/result.js';
import { printDiagnostics, printNotice } from '../../src/cli/io.js';
import { terminalReportData } from '../../src/report/app/terminal-data.js';
import { compact } from '../../src/report/formatters/compact.js';
import { github } from '../../src/report/formatters/github.js';
import { json } from '../../src/report/formatters/json.js';
import { junit } from '../../src/report/formatters/junit.js';
import { stylish } from '../../src/report/formatters/stylish.js';
import { runCli, tempDir } from '../cli/helpers.js';

/** Issue 11, row 4: text from files (CTAs, links, file names) never reaches the terminal as control sequences. */
const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const BIDI = '\u202e';
const C1 = '\u009b31m';
/** Any control character a terminal acts on (line breaks of the layout itself excepted). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const file = `emails/${TITLE}spring.html`;
const result = createResult({ file, absolutePath: `/p/${file}`, channel: 'email', source: `<a>Shop${CLEAR} now</a>\n` }, [
  {
    ruleId: 'campaign-cta-mismatch',
    severity: 'error',
    message: `CTA "Shop${CLEAR} now${BIDI}" differs from "shop the sale"${C1}`,
    file,
    range: { start: { line: 1, column: 4, offset: 3 }, end: { line: 1, column: 15, offset: 14 } },
    related: [{ file, range: null, message: `see ${TITLE}` }],
  },
]);
const matrix: CampaignMatrix = {
  campaign: `spring${CLEAR}`,
  brief: `briefs/${TITLE}.yaml`,
  channels: [{ channel: 'email', files: [file] }],
  facts: ['cta'],
  reference: { cta: { values: [`shop${TITLE}`], source: 'brief' } },
  cells: [{ channel: 'email', fact: 'cta', values: [`Shop${CLEAR} now`], agrees: false }],
};
const context = { cwd: '/p', color: false, notices: [{ kind: 'skipped' as const, file, message: `binary${CLEAR}; skipped` }], campaigns: [matrix] };

describe('terminalText', () => {
  it.each([
    ['ESC ] title BEL', TITLE, '\\x1b]0;pwned\\x07'],
    ['ESC [ 2J', CLEAR, '\\x1b[2J'],
    ['a C1 CSI', C1, '\\x9b31m'],
    ['a right-to-left override', `a${BIDI}b`, 'a\\u202eb'],
    ['line breaks and a tab', 'a\nb\r\tc', 'a\\nb\\r c'],
    ['plain text, accents and emoji untouched', 'Café ☕ 20% off', 'Café ☕ 20% off'],
  ])('%s', (_name, input, expected) => {
    expect(terminalText(input)).toBe(expected);
  });

  it('keeps line breaks when asked (GitHub escapes them its own way)', () => {
    expect(terminalText(`a\n${CLEAR}`, { keepLineBreaks: true })).toBe('a\n\\x1b[2J');
  });
});

describe('terminalOutput (the guard on stdout and stderr)', () => {
  it("keeps brandlint's own colors and line erase, shows every other control character", () => {
    const c = createColors(true);
    const own = `${c.red('error')} ${c.dim('rule')}\r\u001b[2K[###---] 1/2 files\n\ttab`;
    expect(terminalOutput(own)).toBe(own);
    expect(terminalOutput(`${c.red('x')}${TITLE}${CLEAR}${C1}`)).toBe(`${c.red('x')}\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m`);
  });
});

describe('every terminal formatter and printer', () => {
  it.each([
    ['stylish', () => stylish([result], context)],
    ['stylish, fix dry run', () => stylish([{ ...result, output: 'x' }], { ...context, fixDryRun: true })],
    ['compact', () => compact([result], context)],
    ['github', () => github([result], context)],
  ])('%s prints no raw control character, and shows them escaped', (_name, format) => {
    const out = format();
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1b');
  });

  it('stylish: the campaign matrix (campaign, brief, cells) is escaped too', () => {
    const out = stylish([], context);
    expect(out).toContain('campaign spring\\x1b[2J (brief briefs/\\x1b]0;pwned\\x07.yaml)');
    expect(out).toContain('✖ Shop\\x1b[2J now');
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('json and junit keep the data exact but escape what JSON.stringify leaves raw', () => {
    const text = json([result], context);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(text).results[0].diagnostics[0].message).toBe(result.diagnostics[0]!.message);
    expect(escapeJsonForTerminal(JSON.stringify('\u009b'))).toBe('"\\u009b"');
    expect(junit([result], context)).not.toMatch(RAW_CONTROL);
  });

  it('printNotice and printDiagnostics', () => {
    let err = '';
    const io = { stderr: (text: string) => (err += text) };
    printNotice(io, createColors(false), context.notices[0]!);
    printDiagnostics(io, createColors(false), result.diagnostics);
    expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(err).toContain('note emails/\\x1b]0;pwned\\x07spring.html: binary\\x1b[2J; skipped');
  });

  it('the interactive report gets clean strings, and keeps what it writes back exact', () => {
    const fix = { description: 'f', edits: [{ range: result.diagnostics[0]!.range!, text: `x${CLEAR}` }] };
    const withFix = { ...result, diagnostics: [{ ...result.diagnostics[0]!, fix }] };
    const data = terminalReportData({ results: [withFix], campaigns: [matrix], brand: null, rules: { a: { description: `d${TITLE}` } } });
    const { source, absolutePath, diagnostics, ...shown } = data.results[0]!;
    expect(JSON.stringify([shown, diagnostics[0]!.message, diagnostics[0]!.related, data.campaigns, data.rules])).not.toMatch(/\\u001b|\\u0007|\u009b|\u202e/);
    expect([source, absolutePath, diagnostics[0]!.fix]).toEqual([result.source, result.absolutePath, fix]);
  });
});

describe('the CLI, end to end', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('brandlint-terminal-')));
  afterEach(() => cleanup());

  it('a file name and a notice holding escape sequences are printed escaped', () => {
    mkdirSync(path.join(dir, 'emails'));
    writeFileSync(path.join(dir, '.git'), ''); // the config search stops here
    writeFileSync(path.join(dir, 'emails', `${TITLE}a.html`), '<p>Our world-class synergy</p>\n');
    writeFileSync(path.join(dir, 'emails', `${CLEAR}b.html`), Buffer.from([0x3c, 0x00, 0x3e]));
    for (const format of ['stylish', 'compact', 'github']) {
      const run = runCli(['lint', 'emails', '--format', format], dir);
      expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROL);
      expect(run.stdout).toContain('\\x1b]0;pwned\\x07a.html');
      expect(run.stderr).toContain('\\x1b[2Jb.html: binary file; skipped');
    }
  });
});
