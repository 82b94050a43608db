import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createResult } from '../../src/engine/result.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { at, sampleData } from './report-data.js';

/**
 * The HTML report in a real browser: headless Chromium loads a report of a hostile file and
 * dumps the DOM after scripts would have run. Skipped where Chromium is not installed (a fresh
 * CI machine); `npm run test:e2e` covers the same and more.
 */
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);

const HOSTILE_LINE = `<p style="color: #ff0000">'"><img src=x onerror="document.title='pwned-img'"><script>document.title='pwned'</script></p>`;

describe.skipIf(!chromium)('the HTML report in headless Chromium', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'brandlint-html-chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders without running the hostile file, without console errors or blocked loads', () => {
    const source = `<html><body>\n${HOSTILE_LINE}\n</body></html>\n`;
    const result = createResult({ file: 'hostile.html', absolutePath: '/p/hostile.html', channel: 'email', source }, [
      { ruleId: 'color-off-palette', severity: 'error', message: `#ff0000 is not a brand color`, file: 'hostile.html', range: at(source, '#ff0000'), actual: '#ff0000' },
    ]);
    const page = path.join(dir, 'report.html');
    writeFileSync(page, renderHtmlReport(sampleData({ results: [...sampleData().results, result] }), { title: 'safe title' }));
    const profile = mkdtempSync(path.join(dir, 'profile-'));
    const run = spawnSync(
      chromium!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--virtual-time-budget=2000', '--dump-dom', `file://${page}`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('<title>safe title</title>');
    expect(run.stdout).not.toMatch(/<script|<img/i);
    // The hostile line is there, as text inside the code frame.
    expect(run.stdout).toContain('&lt;script&gt;document.title=\'pwned\'&lt;/script&gt;');
    expect(run.stderr.split('\n').filter((line) => /CONSOLE|Uncaught|Refused to|Content Security Policy/i.test(line))).toEqual([]);
  }, 90_000);
});
