#!/usr/bin/env node
// End-to-end checks of `brandlint report` as a user meets it (npm run test:e2e; not part of
// `npm test`): the real command in a real terminal (tmux) driven by keys, with the screen
// checked after each; and the HTML report opened in headless Chromium, which must show it
// without console errors while a hostile fixture's script and event handlers stay inert text.
// Runs on a copy of the example brand and fixtures in a temporary folder; needs the built CLI.
// Skips (exit 0, with a message) when tmux or Chromium is missing, unless BRANDLINT_E2E_REQUIRE=1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, chromium, ROOT, shellQuote, TmuxSession, which } from './report-tools.mjs';

const missing = ['tmux', 'chromium'].filter((name) => !which(name) && !(name === 'chromium' && (which('chromium-browser') || which('google-chrome'))));
if (missing.length > 0) {
  const message = `e2e-report: skipped, ${missing.join(' and ')} not installed (apt-get install -y ${missing.join(' ')})`;
  if (process.env.BRANDLINT_E2E_REQUIRE === '1') {
    console.error(message);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}
if (!existsSync(path.join(ROOT, 'dist/src/cli/main.js'))) {
  console.error('e2e-report: dist/ is missing; run `npm run build:ts` first');
  process.exit(2);
}

/** A line with a color finding whose code frame carries markup that would run if it were not escaped. */
const HOSTILE_LINE = `<p style="color:#ff0000">'"><img src=x onerror="document.title=1"><script>document.title='pwned'</script></p>`;
const HOSTILE = `<!doctype html>\n<html><body>\n${HOSTILE_LINE}\n</body></html>\n`;

const project = mkdtempSync(path.join(os.tmpdir(), 'brandlint-e2e-report-'));
let failures = 0;
let checks = 0;
const check = (description, condition, detail = '') => {
  checks++;
  if (condition) console.log(`  ✓ ${description}`);
  else {
    failures++;
    console.log(`  ✗ ${description}${detail ? `\n${detail}` : ''}`);
  }
};

try {
  cpSync(path.join(ROOT, 'tokens'), path.join(project, 'tokens'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures'), path.join(project, 'fixtures'), { recursive: true });
  cpSync(path.join(ROOT, 'brandlint.config.yaml'), path.join(project, 'brandlint.config.yaml'));
  writeFileSync(path.join(project, 'hostile.html'), HOSTILE);
  const editorLog = path.join(project, 'editor-args.txt');
  const editor = path.join(project, 'fake-editor.sh');
  writeFileSync(editor, `#!/bin/sh\necho "$@" > ${shellQuote(editorLog)}\n`);
  chmodSync(editor, 0o755);

  await terminalChecks(editor, editorLog);
  htmlChecks();
} finally {
  rmSync(project, { recursive: true, force: true });
}

console.log(`\n${checks - failures}/${checks} checks passed`);
process.exit(failures > 0 ? 1 : 0);

async function terminalChecks(editor, editorLog) {
  console.log('terminal report (tmux)');
  const session = new TmuxSession({ command: `node ${shellQuote(BIN)} report fixtures/email`, cwd: project, env: { EDITOR: editor }, width: 120, height: 36 });
  try {
    let screen = await session.waitFor('brandlint report', { description: 'the report to start' });
    check('shows the summary line', /brandlint report · \d+ problems \(\d+ errors, \d+ warnings\) in \d+ files/.test(screen), screen);
    check('groups by campaign and channel with counts', /▾ no campaign\s+\d+✖/.test(screen) && /▾ email\s+\d+✖/.test(screen), screen);
    check('lists files closed', /▸ fixtures\/email\/\S+\.fail\.html/.test(screen), screen);
    check('shows the detail pane with a code frame', /\d+ \| .+\n\s+\| +\^+/.test(screen), screen);

    await session.press('j', 'j', 'Enter');
    screen = session.capture();
    check('j moves and enter opens a file: its rules and findings show', /▾ fixtures\/email\/\S+/.test(screen) && /• \d+:\d+ /.test(screen), screen);
    await session.press('Enter');
    check('enter closes it again', !/• \d+:\d+ /.test(session.capture()));
    await session.press('Down', 'Up');

    await session.press('?');
    screen = session.capture();
    check('? shows the help', screen.includes('Keys') && screen.includes('open $VISUAL / $EDITOR at the finding'), screen);
    await session.press('?');
    check('? closes the help', !session.capture().includes('open $VISUAL / $EDITOR at the finding'));

    await session.press('s');
    check('s filters errors', session.capture().includes('severity:errors'));
    await session.press('s');
    check('s again filters warnings', session.capture().includes('severity:warnings'));
    await session.press('x', 'c');
    check('c filters a channel', /channel:email/.test(session.capture()));
    await session.press('x', 'r');
    check('r filters a rule', /rule:(?!all)\S+/.test(session.capture()));
    await session.press('x');

    await session.press('/');
    session.send('1f5136', { literal: true });
    await session.waitFor('text:"1f5136"');
    await session.press('Enter');
    screen = session.capture();
    check('/ filters by text', screen.includes('showing 1') && screen.includes('color-off-palette.fail.html'), screen);
    await session.press('G', 'Enter', 'G');
    screen = session.capture();
    check('the focused finding is in the detail pane with its swatches and ΔE', /#1f5136 → nearest brand color\s+\S+ #1f5135 ΔE 0\.4/.test(screen), screen);
    const colored = session.capture({ ansi: true });
    check('paints the swatches in truecolor (#1f5136 found, #1f5135 expected)', colored.includes('48;2;31;81;54') && colored.includes('48;2;31;81;53'), colored);

    await session.press('e');
    screen = await session.waitFor('back from the editor', { description: 'the app to come back after the editor' });
    const args = existsSync(editorLog) ? readFileSync(editorLog, 'utf8').trim() : '';
    check('e runs $EDITOR with +line and the file, then comes back', /^\+21 \S+fixtures\/email\/color-off-palette\.fail\.html$/.test(args), `editor args: ${args}`);
    check('the state survives the editor (filter kept)', screen.includes('text:"1f5136"'), screen);

    const fixture = path.join(project, 'fixtures/email/color-off-palette.fail.html');
    const count = (text, needle) => text.split(needle).length - 1;
    const original = readFileSync(fixture, 'utf8');
    await session.press('f');
    screen = session.capture();
    check('f asks for confirmation', /Apply “.+” to fixtures\/email\/color-off-palette\.fail\.html\? \(y\/n\)/.test(screen), screen);
    await session.press('n');
    check('n leaves the file alone', readFileSync(fixture, 'utf8') === original);
    await session.press('f', 'y');
    screen = await session.waitFor('fixed:', { description: 'the fix to be applied' });
    const fixed = readFileSync(fixture, 'utf8');
    check(
      'y writes the fix (one literal changed) and lints again',
      count(fixed, '#1f5136') === count(original, '#1f5136') - 1 && count(fixed, '#1f5135') === count(original, '#1f5135') + 1 && fixed.length === original.length && /fixed: .+; linted again/.test(screen),
      screen,
    );
    check('the fixed finding is gone', !/#1f5136 is not a brand color/.test(screen), screen);

    await session.press('x', 'm');
    screen = session.capture();
    check('m switches to the campaign view', /No campaigns\.|campaign \S+ +\(\d+\/\d+/.test(screen), screen);
    await session.press('Tab');
    screen = session.capture();
    check('tab switches back', !screen.includes('No campaigns.') && /[▸▾] fixtures\/email\//.test(screen), screen);

    await session.press('q');
    screen = await session.waitFor('EXITED WITH', { description: 'the app to quit' });
    check('q quits with exit code 0 and leaves the alternate screen', screen.includes('EXITED WITH 0'), screen);
  } finally {
    session.kill();
  }

  // Not a terminal: the stylish report instead, and a note.
  const piped = spawnSync(process.execPath, [BIN, 'report', 'fixtures/email'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  check('piped: prints the stylish report', /✖ \d+ problems/.test(piped.stdout), piped.stdout);
  check('piped: says why on stderr', piped.stderr.includes('stdout is not a terminal'), piped.stderr);
}

function htmlChecks() {
  console.log('HTML report (headless Chromium)');
  const out = path.join(project, 'report.html');
  const run = spawnSync(process.execPath, [BIN, 'report', 'fixtures', 'hostile.html', '--html', out], { cwd: project, encoding: 'utf8' });
  check('writes the report', run.status === 0 && existsSync(out), run.stderr);
  const page = readFileSync(out, 'utf8');
  check('the hostile line is in the page, escaped', page.includes('&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;'));
  check('ships no script and loads nothing', !/<(script|link|img|iframe|object|embed)\b|<[a-z][^>]*\s(src|srcset)=/i.test(page));

  const dom = chromium(['--enable-logging=stderr', '--v=0', '--virtual-time-budget=2000', '--dump-dom', `file://${out}`]);
  check('Chromium renders it', dom.status === 0 && dom.stdout.includes('</html>'), dom.stderr.slice(-2000));
  check('the hostile script did not run (title unchanged)', /<title>brandlint report: fixtures hostile\.html<\/title>/.test(dom.stdout), dom.stdout.slice(0, 500));
  check('no element came from the hostile file', !/<img|<script/i.test(dom.stdout));
  const consoleLines = dom.stderr.split('\n').filter((line) => /CONSOLE|Uncaught|Refused to|Content Security Policy/i.test(line));
  check('no console errors or blocked requests', consoleLines.length === 0, consoleLines.join('\n'));

  const shot = path.join(project, 'report.png');
  const screenshot = chromium(['--window-size=1280,1600', `--screenshot=${shot}`, `file://${out}`]);
  check('Chromium takes a screenshot', screenshot.status === 0 && existsSync(shot) && readFileSync(shot).length > 10_000, screenshot.stderr.slice(-1000));
}
