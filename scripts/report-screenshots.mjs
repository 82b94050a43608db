#!/usr/bin/env node
// Regenerates the screenshots in docs/ from the fixtures as they are (npm run screenshots):
//   docs/report-terminal.png  `brandlint report fixtures/` in tmux (120x40), a color finding
//                             focused; the capture's ANSI colors rendered to HTML, then to PNG
//   docs/report-terminal-campaigns.png  the campaign view (m) on a campaign whose channels disagree
//   docs/report-html.png      `brandlint report fixtures --html`, opened in headless Chromium
// Needs tmux and Chromium (Debian: apt-get install -y tmux chromium) and the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ansiToHtml, BIN, chromium, ROOT, shellQuote, TmuxSession, which } from './report-tools.mjs';

for (const tool of ['tmux', 'chromium']) {
  if (!which(tool)) {
    console.error(`report-screenshots: ${tool} is not installed`);
    process.exit(2);
  }
}
const docs = path.join(ROOT, 'docs');
mkdirSync(docs, { recursive: true });
const work = mkdtempSync(path.join(os.tmpdir(), 'brandlint-screenshots-'));
const COLUMNS = 120;
const ROWS = 40;

try {
  // The terminal report, walked to a color finding of the email fixture.
  const session = new TmuxSession({ command: `node ${shellQuote(BIN)} report fixtures/`, cwd: ROOT, width: COLUMNS, height: ROWS });
  let screen;
  let campaignScreen;
  try {
    await session.waitFor('brandlint report');
    // Filter to the file, open it, clear the filter (the focus and the open file stay), step onto its first finding.
    await session.press('/');
    session.send('1f5136', { literal: true });
    await session.waitFor('text:"1f5136"');
    await session.press('Enter', 'j', 'j', 'Enter', 'x', 'j', 'j');
    await session.waitFor(/nearest brand color/);
    screen = session.capture({ ansi: true });
    // The campaign view, on the first campaign whose channels disagree.
    await session.press('m');
    for (let step = 0; step < 20 && !/cells? disagrees? with the reference/.test(session.capture()); step++) await session.press('j');
    campaignScreen = session.capture({ ansi: true });
    await session.press('q');
  } finally {
    session.kill();
  }
  const terminalPage = path.join(work, 'terminal.html');
  writeFileSync(terminalPage, ansiToHtml(screen, { title: 'brandlint report fixtures/', columns: COLUMNS }));
  shoot(terminalPage, path.join(docs, 'report-terminal.png'), 1090, 870);
  const campaignPage = path.join(work, 'campaigns.html');
  writeFileSync(campaignPage, ansiToHtml(campaignScreen.split('\n').slice(0, 21).join('\n'), { title: 'brandlint report: campaigns', columns: COLUMNS }));
  shoot(campaignPage, path.join(docs, 'report-terminal-campaigns.png'), 1090, 490);

  // The HTML report of the fixtures.
  const report = path.join(work, 'report.html');
  const run = spawnSync(process.execPath, [BIN, 'report', 'fixtures', '--html', report], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(report)) throw new Error(`report --html failed: ${run.stderr}`);
  shoot(report, path.join(docs, 'report-html.png'), 1280, 2800);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function shoot(page, target, width, height) {
  const result = chromium([`--window-size=${width},${height}`, `--screenshot=${target}`, `file://${page}`]);
  if (result.status !== 0 || !existsSync(target)) throw new Error(`chromium screenshot failed: ${result.stderr.slice(-1500)}`);
  console.log(`wrote ${path.relative(ROOT, target)}`);
}
