// Helpers for scripts/e2e-report.mjs and scripts/report-screenshots.mjs: driving the real
// `brandlint report` in tmux, headless Chromium, and turning a tmux capture (ANSI) into HTML.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin/brandlint.js');

/** The path of an executable on PATH, or null. */
export function which(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A tmux session running one command; every session gets its own socket so nothing else is touched. */
export class TmuxSession {
  constructor({ command, cwd, env = {}, width = 120, height = 36 }) {
    this.socket = `brandlint-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.name = 'report';
    const envArgs = Object.entries({ TERM: 'xterm-256color', COLORTERM: 'truecolor', ...env }).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    // `env -u CI`: ink prints only the final frame when it thinks it runs in CI.
    const shellCommand = `cd ${shellQuote(cwd)} && env -u CI -u CONTINUOUS_INTEGRATION ${command}; echo "EXITED WITH $?"; sleep 600`;
    this.tmux(['new-session', '-d', '-s', this.name, '-x', String(width), '-y', String(height), ...envArgs, shellCommand]);
  }

  tmux(args) {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** The screen as text; with `ansi`, with its colors as escape sequences. */
  capture({ ansi = false } = {}) {
    return this.tmux(['capture-pane', '-t', this.name, '-p', ...(ansi ? ['-e'] : [])]);
  }

  /** Sends keys (tmux key names: `Enter`, `Escape`, `Down`, `Tab`, or literal text with `{ literal: true }`). */
  send(keys, { literal = false } = {}) {
    this.tmux(['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), ...[keys].flat()]);
  }

  /** Waits until the screen matches (a string or a RegExp); returns the screen. */
  async waitFor(pattern, { timeout = 20_000, description } = {}) {
    const deadline = Date.now() + timeout;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.capture();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${description ?? pattern}; the screen was:\n${screen}`);
  }

  /** Sends keys one by one, each after the screen settled (changed, or stayed the same for a moment). */
  async press(...keys) {
    for (const key of keys) {
      const before = this.capture();
      this.send(key);
      const deadline = Date.now() + 1500;
      while (Date.now() < deadline && this.capture() === before) await sleep(30);
      await sleep(60);
    }
  }

  kill() {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { encoding: 'utf8' });
  }
}

export function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/** Runs headless Chromium with throwaway state and no network side channels; returns its output. */
export function chromium(args, { timeout = 60_000 } = {}) {
  const binary = which('chromium') ?? which('chromium-browser') ?? which('google-chrome');
  if (!binary) throw new Error('no chromium');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'brandlint-chromium-'));
  try {
    const result = spawnSync(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
    );
    return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const BASIC = ['#1e1e1e', '#e5534b', '#57ab5a', '#c69026', '#539bf5', '#b083f0', '#39c5cf', '#d0d7de'];
const BRIGHT = ['#636e7b', '#ff938a', '#6bc46d', '#daaa3f', '#6cb6ff', '#dcbdfb', '#56d4dd', '#ffffff'];
const FOREGROUND = '#d0d7de';
const BACKGROUND = '#22272e';

function color256(n) {
  if (n < 8) return BASIC[n];
  if (n < 16) return BRIGHT[n - 8];
  if (n < 232) {
    const v = n - 16;
    const level = (x) => (x === 0 ? 0 : 55 + x * 40);
    return rgb(level(Math.floor(v / 36)), level(Math.floor(v / 6) % 6), level(v % 6));
  }
  const gray = 8 + (n - 232) * 10;
  return rgb(gray, gray, gray);
}

const rgb = (r, g, b) => `#${[r, g, b].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}`;
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A terminal screen (text with SGR escape sequences, as `tmux capture-pane -e` gives) as an HTML page. */
export function ansiToHtml(screen, { title = 'terminal', columns = 120 } = {}) {
  let style = {};
  let html = '';
  const open = () => {
    let fg = style.fg ?? FOREGROUND;
    let bg = style.bg ?? BACKGROUND;
    if (style.inverse) [fg, bg] = [bg, fg];
    const css = [`color:${fg}`, bg !== BACKGROUND ? `background:${bg}` : '', style.bold ? 'font-weight:700' : '', style.dim ? 'opacity:.6' : '', style.italic ? 'font-style:italic' : '', style.underline ? 'text-decoration:underline' : '']
      .filter(Boolean)
      .join(';');
    return `<span style="${css}">`;
  };
  const apply = (codes) => {
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code === 0) style = {};
      else if (code === 1) style.bold = true;
      else if (code === 2) style.dim = true;
      else if (code === 3) style.italic = true;
      else if (code === 4) style.underline = true;
      else if (code === 7) style.inverse = true;
      else if (code === 22) style.bold = style.dim = false;
      else if (code === 23) style.italic = false;
      else if (code === 24) style.underline = false;
      else if (code === 27) style.inverse = false;
      else if (code >= 30 && code <= 37) style.fg = BASIC[code - 30];
      else if (code >= 90 && code <= 97) style.fg = BRIGHT[code - 90];
      else if (code === 39) delete style.fg;
      else if (code >= 40 && code <= 47) style.bg = BASIC[code - 40];
      else if (code >= 100 && code <= 107) style.bg = BRIGHT[code - 100];
      else if (code === 49) delete style.bg;
      else if (code === 38 || code === 48) {
        const key = code === 38 ? 'fg' : 'bg';
        if (codes[i + 1] === 5) {
          style[key] = color256(codes[i + 2]);
          i += 2;
        } else if (codes[i + 1] === 2) {
          style[key] = rgb(codes[i + 2], codes[i + 3], codes[i + 4]);
          i += 4;
        }
      }
    }
  };
  for (const line of screen.replace(/\n$/, '').split('\n')) {
    html += open();
    const parts = line.split(/(\u001b\[[0-9;]*m)/);
    for (const part of parts) {
      const sgr = /^\u001b\[([0-9;]*)m$/.exec(part);
      if (sgr) {
        apply(sgr[1] === '' ? [0] : sgr[1].split(';').map(Number));
        html += `</span>${open()}`;
      } else html += escapeHtml(part.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''));
    }
    html += '</span>\n';
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{margin:0;background:#1c2128;padding:18px}
.window{display:inline-block;background:${BACKGROUND};border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.5);overflow:hidden}
.bar{height:28px;background:#2d333b;display:flex;align-items:center;padding-left:12px;gap:8px}
.dot{width:12px;height:12px;border-radius:50%}
pre{margin:0;padding:12px 14px;font:14px/1.35 "DejaVu Sans Mono","Liberation Mono",monospace;color:${FOREGROUND};width:${columns}ch}
</style></head><body><div class="window"><div class="bar"><span class="dot" style="background:#ff5f57"></span><span class="dot" style="background:#febc2e"></span><span class="dot" style="background:#28c840"></span></div><pre>${html}</pre></div></body></html>`;
}
