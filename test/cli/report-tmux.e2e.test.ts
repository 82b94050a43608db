import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, REPO_ROOT } from './helpers.js';

/**
 * A smoke test of the built `brandlint report` in a real terminal (tmux): it starts, keys work,
 * q quits with exit code 0. Skipped where tmux is not installed; `npm run test:e2e` walks every key.
 */
const hasTmux = spawnSync('sh', ['-c', 'command -v tmux']).status === 0;

describe.skipIf(!hasTmux)('brandlint report in tmux', () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'brandlint-report-tmux-'));
  const socket = `brandlint-vitest-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-t', 'report', '-p').stdout;
  const waitFor = (text: string) => vi.waitFor(() => expect(screen()).toContain(text), { timeout: 20_000, interval: 100 });

  beforeAll(() => {
    cpSync(path.join(REPO_ROOT, 'tokens'), path.join(project, 'tokens'), { recursive: true });
    writeFileSync(path.join(project, 'brandlint.config.yaml'), 'tokens:\n  - tokens/*.tokens.json\nguidelines: tokens/brand.guidelines.yaml\n');
    mkdirSync(path.join(project, 'site'));
    writeFileSync(path.join(project, 'site/index.html'), '<html lang="en"><body>\n<p style="color: #1f5136">Hello</p>\n</body></html>\n');
    const command = `cd '${project}' && env -u CI '${process.execPath}' '${BIN}' report site; echo "EXITED WITH $?"; sleep 60`;
    const started = tmux('new-session', '-d', '-s', 'report', '-x', '110', '-y', '30', '-e', 'TERM=xterm-256color', command);
    expect(started.status, started.stderr).toBe(0);
  });
  afterAll(() => {
    tmux('kill-server');
    rmSync(project, { recursive: true, force: true });
  });

  it('shows the grouped findings, opens a file with enter, quits with q', async () => {
    await waitFor('brandlint report');
    expect(screen()).toMatch(/▸ site\/index\.html\s+\d+✖/);
    tmux('send-keys', '-t', 'report', 'j', 'j');
    tmux('send-keys', '-t', 'report', 'Enter');
    await waitFor('▾ site/index.html');
    expect(screen()).toMatch(/• 2:18 #1f5136 is not a brand color/);
    tmux('send-keys', '-t', 'report', 'q');
    await waitFor('EXITED WITH 0');
  }, 60_000);
});
