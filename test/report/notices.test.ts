import { describe, expect, it } from 'vitest';
import type { LintNotice } from '../../src/engine/result.js';
import { groupNotices, noticeLine } from '../../src/report/notices.js';

const englishOnly = (file: string, language: string): LintNotice => ({
  kind: 'not-applied',
  file,
  message: `plain-language/* (6 rules) and prose-style did not apply: English only; the text is ${language}`,
});

describe('groupNotices', () => {
  it('collapses the same reason over several files into one group, languages merged, each file once', () => {
    const groups = groupNotices([
      englishOnly('fixtures/email/voice.traps.html', 'de'),
      englishOnly('fixtures/email/voice.traps.html', 'zh'),
      { kind: 'no-brand', message: 'no brand configured' },
      englishOnly('fixtures/landing/voice.traps.html', 'ja'),
      englishOnly('fixtures/social/voice.traps.md', 'de'),
    ]);
    expect(groups).toEqual([
      {
        kind: 'not-applied',
        message: 'plain-language/* (6 rules) and prose-style did not apply: English only; the text is de, ja or zh',
        files: ['fixtures/email/voice.traps.html', 'fixtures/landing/voice.traps.html', 'fixtures/social/voice.traps.md'],
      },
      { kind: 'no-brand', message: 'no brand configured', files: [] },
    ]);
  });

  it('keeps different reasons, and the same message of different kinds, apart', () => {
    const groups = groupNotices([
      { kind: 'skipped', file: 'a.png', message: 'binary file' },
      { kind: 'skipped', file: 'b.html', message: 'larger than 5 MB' },
      { kind: 'ignored', file: 'c.html', message: 'binary file' },
      { kind: 'not-applied', file: 'd.md', message: 'prose-style did not apply: English only; the text is de' },
      { kind: 'not-applied', file: 'e.md', message: 'brand/reading-grade did not apply: English only; the text is de' },
    ]);
    expect(groups.map((group) => [group.kind, group.message, group.files.length])).toEqual([
      ['skipped', 'binary file', 1],
      ['skipped', 'larger than 5 MB', 1],
      ['ignored', 'binary file', 1],
      ['not-applied', 'prose-style did not apply: English only; the text is de', 1],
      ['not-applied', 'brand/reading-grade did not apply: English only; the text is de', 1],
    ]);
  });
});

describe('noticeLine', () => {
  it.each([
    [[], 'no brand configured'],
    [['a.html'], 'a.html: no brand configured'],
    [['a.html', 'b.html'], 'no brand configured (2 files: a.html and b.html)'],
    [['a.html', 'b.html', 'c.html'], 'no brand configured (3 files: a.html, b.html and c.html)'],
    [['a.html', 'b.html', 'c.html', 'd.html', 'e.html'], 'no brand configured (5 files: a.html, b.html, c.html and 2 more)'],
  ])('%j', (files, line) => {
    expect(noticeLine({ kind: 'skipped', message: 'no brand configured', files })).toBe(line);
  });
});
