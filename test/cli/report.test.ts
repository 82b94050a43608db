import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../src/cli/io.js';
import { runLint } from '../../src/cli/lint.js';
import { runReport, type ReportCommandContext } from '../../src/cli/report.js';
import { applyFindingFix } from '../../src/report/apply-fix.js';
import { collectFindings, type ReportData } from '../../src/report/findings.js';
import { REPO_ROOT } from '../rule-tester.js';

/**
 * `brandlint report` in-process on a copy of the example brand with a few real files: the
 * non-terminal fallback, --html, the interactive app's data (through the seam that runs it) and
 * fixing one finding. The tmux and Chromium checks are in scripts/e2e-report.mjs.
 */

const EMAIL = [
  '<!doctype html>',
  '<html><body>',
  '<p style="color: #1f5136; font-family: Arial">Spring sale</p>',
  '<p style="color: #dddddd" title="&quot; onmouseover=&quot;alert(1)"><script>alert(1)</script></p>',
  '</body></html>',
  '',
].join('\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'brandlint-report-'));
  await cp(path.join(REPO_ROOT, 'tokens'), path.join(dir, 'tokens'), { recursive: true });
  await writeFile(path.join(dir, 'brandlint.config.yaml'), 'tokens:\n  - tokens/*.tokens.json\nguidelines: tokens/brand.guidelines.yaml\n');
  await mkdir(path.join(dir, 'emails'));
  await writeFile(path.join(dir, 'emails/spring.html'), EMAIL);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(isTTY: boolean) {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd: dir, env: {}, isTTY };
  return { io: value, out };
}

describe('brandlint report', () => {
  it('not a terminal: prints the stylish report and says why on stderr; exit 0 (lint --interactive: 1 on errors)', async () => {
    const { io: pipe, out } = io(false);
    expect(await runReport(['emails'], {}, pipe)).toBe(0);
    expect(out.stdout).toContain('emails/spring.html');
    expect(out.stdout).toMatch(/#1f5136 is not a brand color; nearest is [\w.]+ \(#1f5135\), ΔE 0\.4  color-off-palette/);
    expect(out.stderr).toContain('stdout is not a terminal, so the interactive report cannot run; printing the stylish report instead');

    const lint = io(false);
    expect(await runLint(['emails'], { interactive: true }, lint.io)).toBe(1);
    expect(lint.out.stdout).toBe(out.stdout);
    // The same report `brandlint lint` prints.
    const plain = io(false);
    await runLint(['emails'], {}, plain.io);
    expect(out.stdout).toBe(plain.out.stdout);
    await expect(runLint(['emails'], { interactive: true, fix: true }, lint.io)).rejects.toThrow(UsageError);
    await expect(runLint([], { interactive: true, staged: true, shard: '1/2' }, lint.io)).rejects.toThrow('--interactive cannot be combined with --staged, --shard');
  });

  it.skipIf(process.stdin.isTTY)('a terminal on stdout but not on stdin (piped input): the stylish report too', async () => {
    const { io: tty, out } = io(true);
    expect(await runReport(['emails'], {}, tty)).toBe(0);
    expect(out.stderr).toContain('stdin is not a terminal, so the interactive report cannot run');
    expect(out.stdout).toContain('emails/spring.html');
  });

  it('--html writes one self-contained page with the findings escaped', async () => {
    const { io: pipe, out } = io(false);
    expect(await runReport(['emails'], { html: 'out/report.html' }, pipe)).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^wrote out\/report\.html \(\d+ findings? in 1 file\)\n$/);
    const page = await readFile(path.join(dir, 'out/report.html'), 'utf8');
    expect(page).toContain('color.background.brand');
    // Colors used by channel, read from the files' styles: the email's near miss is outside the palette.
    expect(page).toMatch(/<h3>Colors outside the palette<\/h3>.*<div class="name mono">#1f5136<\/div>.*?<span class="chip">email <span class="muted">×1<\/span>/s);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('title=&quot;&amp;quot; onmouseover=&amp;quot;alert(1)&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Same input, same page.
    await runReport(['emails'], { html: 'out/again.html' }, pipe);
    expect(await readFile(path.join(dir, 'out/again.html'), 'utf8')).toBe(page);
  });

  it('a terminal: runs the app with the lint results, rule docs and campaigns, and lints again on each later load', async () => {
    const loads: ReportData[] = [];
    const interactive: ReportCommandContext['interactive'] = async ({ load }) => {
      loads.push(await load());
      await writeFile(path.join(dir, 'emails/spring.html'), EMAIL.replace('#1f5136', '#1f5135'));
      loads.push(await load());
    };
    const { io: tty } = io(true);
    expect(await runReport(['emails'], {}, tty, { interactive })).toBe(0);
    const ids = (data: ReportData) => collectFindings(data.results).map((finding) => finding.diagnostic.ruleId);
    expect(ids(loads[0]!)).toContain('color-off-palette');
    expect(loads[0]!.rules['color-off-palette']?.description).toBe('Every color in styles is a brand palette color.');
    expect(loads[0]!.brand?.palette.length).toBeGreaterThan(0);
    expect(Array.isArray(loads[0]!.campaigns)).toBe(true);
    expect(ids(loads[1]!).filter((id) => id === 'color-off-palette')).toHaveLength(ids(loads[0]!).filter((id) => id === 'color-off-palette').length - 1);
  });
});

describe('fixing one finding from the report', () => {
  const firstFixable = async () => {
    let data: ReportData | undefined;
    await runReport(['emails'], {}, io(true).io, { interactive: async ({ load }) => void (data = await load()) });
    const finding = collectFindings(data!.results).find((candidate) => candidate.diagnostic.fix);
    if (!finding) throw new Error('no fixable finding');
    return finding;
  };

  it('writes only that fix', async () => {
    const finding = await firstFixable();
    expect(await applyFindingFix(finding)).toEqual({ ok: true, description: finding.diagnostic.fix!.description });
    expect(await readFile(path.join(dir, 'emails/spring.html'), 'utf8')).toBe(EMAIL.replace('#1f5136', '#1f5135'));
  });

  it('refuses when the file changed since it was linted', async () => {
    const finding = await firstFixable();
    const changed = `<!-- edited -->\n${EMAIL}`;
    await writeFile(path.join(dir, 'emails/spring.html'), changed);
    expect(await applyFindingFix(finding)).toEqual({ ok: false, reason: 'emails/spring.html changed since it was linted; linted again, try once more' });
    expect(await readFile(path.join(dir, 'emails/spring.html'), 'utf8')).toBe(changed);
  });
});
