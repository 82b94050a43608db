import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notLintedReason } from '../../src/engine/channels.js';
import { lintProject } from '../../src/engine/lint-project.js';
import { collapseNotices, notLintedNotice } from '../../src/engine/notices.js';
import { groupNotices, noticeLine } from '../../src/report/notices.js';
import type { LintNotice } from '../../src/engine/result.js';
import { json } from '../../src/report/formatters/json.js';
import { sarif } from '../../src/report/formatters/sarif.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/silent-gaps');

describe('collapseNotices', () => {
  it('gives the same notice of many files once, listing the files', () => {
    const reason = 'social-post-length did not apply: a post names no platform';
    const notices: LintNotice[] = [
      { kind: 'no-brand', message: 'no brand' },
      { kind: 'not-applied', file: 'a.md', message: reason },
      { kind: 'skipped', file: 'b.bin', message: 'binary; skipped' },
      { kind: 'not-applied', file: 'c.md', message: reason },
      { kind: 'not-applied', file: 'a.md', message: reason },
    ];
    expect(collapseNotices(notices)).toEqual([
      { kind: 'no-brand', message: 'no brand' },
      { kind: 'not-applied', message: reason, files: ['a.md', 'c.md'] },
      { kind: 'skipped', file: 'b.bin', message: 'binary; skipped' },
    ]);
  });

  it('trap: the same message of different kinds stays apart, and a lone notice keeps its file', () => {
    const notices: LintNotice[] = [
      { kind: 'skipped', file: 'a', message: 'x' },
      { kind: 'ignored', file: 'b', message: 'x' },
    ];
    expect(collapseNotices(notices)).toEqual(notices);
  });
});

describe('stderr lines of collapsed notices', () => {
  it('a notice the engine collapsed reads as one line with its files', () => {
    const [group] = groupNotices([{ kind: 'not-applied', message: 'r', files: ['a', 'b', 'c', 'd', 'e'] }]);
    expect(noticeLine(group!)).toBe('r (5 files: a, b, c and 2 more)');
  });
});

describe('notLintedNotice', () => {
  it('lists extensions by count, grouped by reason', () => {
    const notice = notLintedNotice([
      { extension: '.json', reason: 'chatbot scripts only in a bot/ folder', count: 12 },
      { extension: '.lu', reason: 'no channel reads .lu files', count: 3 },
      { extension: '.yml', reason: 'chatbot scripts only in a bot/ folder', count: 2 },
    ]);
    expect(notice).toEqual({
      kind: 'not-linted',
      message: 'not linted: 17 files: 12 .json, 2 .yml (chatbot scripts only in a bot/ folder); 3 .lu (no channel reads .lu files)',
    });
  });

  it('is nothing when every file was linted', () => {
    expect(notLintedNotice([])).toBeNull();
  });

  it.each([
    ['tailwind.config.js', 'no channel reads .js files'],
    ['bot-intents/intents.lu', 'no channel reads .lu files'],
    ['tokens/colors.json', 'chatbot scripts only in a bot/ folder or named *.bot.*; set channels.chatbot to lint them'],
    ['social/LICENSE.txt', 'project files such as README and LICENSE, not copy'],
    ['img/logo.png', 'images, fonts and other assets: not copy'],
    ['Makefile', 'no extension: no channel reads such files'],
  ])('why %s is not linted', (file, reason) => {
    expect(notLintedReason(file)).toBe(reason);
  });
});

describe('a run with no configuration says what it did not lint', () => {
  let folder: string;
  let outcome: Awaited<ReturnType<typeof lintProject>>;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-gaps-'));
    await cp(FIXTURE, folder, { recursive: true });
    outcome = await lintProject({ cwd: folder });
  }, 60_000);
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lints plain-text posts, cross-posts and Nunjucks/Jinja pages', () => {
    if (!outcome.ok) throw new Error(outcome.message);
    const linted = Object.fromEntries(outcome.results.map((result) => [result.file, result.channel]));
    expect(linted).toEqual({
      'site/about.html.j2': 'landing',
      'site/index.njk': 'landing',
      'social/crosspost/spring.md': 'social',
      'social/launch.tweet': 'social',
      'social/mastodon/update.txt': 'social',
    });
    const lengths = outcome.results.flatMap((result) => result.diagnostics.filter((d) => d.ruleId === 'social-post-length').map((d) => `${result.file}: ${d.message}`));
    expect(lengths).toEqual(['social/crosspost/spring.md: Bluesky post is 347 characters; the limit is 300', 'social/mastodon/update.txt: Mastodon post is 661 characters; the limit is 500']);
    // Template syntax is masked, never parsed as markup or read as prose.
    const pageProblems = outcome.results.filter((result) => result.channel === 'landing').flatMap((result) => result.diagnostics.filter((d) => d.ruleId.startsWith('parse/')));
    expect(pageProblems).toEqual([]);
  });

  it('ends with one line of what was not linted and why', () => {
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.notices.at(-1)).toEqual({
      kind: 'not-linted',
      message:
        'not linted: 6 files: 2 .lu (no channel reads .lu files); 1 .json (chatbot scripts only in a bot/ folder or named *.bot.*; set channels.chatbot to lint them); 1 .md (copy only in a social/, posts/, blog/, docs/, ... folder; set channels.article or channels.social to lint them); 1 .js (no channel reads .js files); 1 .txt (project files such as README and LICENSE, not copy)',
    });
  });

  it('shows the line in JSON notices and SARIF toolExecutionNotifications', () => {
    if (!outcome.ok) throw new Error(outcome.message);
    const context = { cwd: folder, color: false, notices: outcome.notices };
    const report = JSON.parse(json(outcome.results, context)) as { notices: LintNotice[] };
    expect(report.notices.map((notice) => notice.kind)).toContain('not-linted');
    const log = JSON.parse(sarif(outcome.results, context)) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ descriptor: { id: string }; message: { text: string } }> }> }> };
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.find((note) => note.descriptor.id === 'brandlint/not-linted')?.message.text).toMatch(/^not linted: 6 files: 2 \.lu/);
  });
});
