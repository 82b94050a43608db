import { spawn } from 'node:child_process';
import { chmod, link, lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRule } from '../../src/core/rule.js';
import { configSchema, resolveConfig } from '../../src/engine/config.js';
import { writeFileAtomic } from '../../src/engine/fix.js';
import { prepareRules } from '../../src/engine/rules.js';
import { lintFiles } from '../../src/engine/runner.js';
import { REPO_ROOT } from '../cli/helpers.js';
import { tempProject, testParser, wordRule } from './helpers.js';

/** Issue 11, rows 5, 10 and 13: how --fix writes, fixes that never settle, UTF-16 files. */
let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(async () => project.cleanup());

const red = wordRule('test/red', 'red', { replacement: 'blue' });
const at = (name: string) => path.join(project.dir, name);

async function fix(names: string[], rules: DocumentRule<unknown>[] = [red], mode: 'write' | 'dry-run' | 'none' = 'write') {
  const config = await resolveConfig(configSchema.parse({}), project.dir);
  const { rules: set } = await prepareRules(config, rules);
  return lintFiles({
    files: names.map((name) => ({ absolutePath: at(name), file: name, channel: 'landing' as const })),
    rules: set,
    brand: null,
    parse: testParser,
    ...(mode === 'none' ? {} : { fix: mode }),
  });
}

describe('--fix writes safely (row 5)', () => {
  it('refuses a read-only file, says so, and leaves it as it was', async () => {
    await project.write({ 'a.html': '<p>red</p>' });
    await chmod(at('a.html'), 0o444);
    const before = await stat(at('a.html'));
    const run = await fix(['a.html']);
    expect(await readFile(at('a.html'), 'utf8')).toBe('<p>red</p>');
    const after = await stat(at('a.html'));
    expect({ ino: after.ino, mode: after.mode, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mode: before.mode, mtime: before.mtimeMs });
    expect(run.notices).toEqual([{ kind: 'not-fixed', file: 'a.html', message: 'cannot write the fixed file: the file is read-only (no write permission); it was not changed' }]);
    expect(run.results[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['test/red']);
  });

  it('writes through a symbolic link to its target; the link stays a link', async () => {
    await project.write({ 'real/a.html': '<p>red</p>' });
    await symlink(path.join('real', 'a.html'), at('link.html'));
    await fix(['link.html']);
    expect((await lstat(at('link.html'))).isSymbolicLink()).toBe(true);
    expect(await readFile(at('real/a.html'), 'utf8')).toBe('<p>blue</p>');
    expect(await readdir(at('real'))).toEqual(['a.html']);
  });

  it('keeps hard links: every name sees the fixed text (same inode)', async () => {
    await project.write({ 'a.html': '<p>red</p>' });
    await link(at('a.html'), at('b.html'));
    const before = await stat(at('a.html'));
    await fix(['a.html']);
    expect(await readFile(at('b.html'), 'utf8')).toBe('<p>blue</p>');
    expect((await stat(at('a.html'))).ino).toBe(before.ino);
    expect((await stat(at('a.html'))).nlink).toBe(2);
  });

  it('removes its temporary file when interrupted (SIGINT, SIGTERM) and ends by that signal', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      await writeFile(at('big.txt'), 'original');
      // A child writes a large file and signals itself as soon as the temporary file exists.
      const script = `
        import { readdirSync } from 'node:fs';
        import { writeFileAtomic } from ${JSON.stringify(path.join(REPO_ROOT, 'dist/src/engine/fix.js'))};
        const dir = ${JSON.stringify(project.dir)};
        const timer = setInterval(() => { if (readdirSync(dir).some((name) => name.endsWith('.brandlint-tmp'))) { clearInterval(timer); process.kill(process.pid, ${JSON.stringify(signal)}); } }, 0);
        await writeFileAtomic(${JSON.stringify(at('big.txt'))}, 'x'.repeat(128 * 1024 * 1024));
        clearInterval(timer);
        console.log('finished');
      `;
      const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('close', (code, killed) => resolve({ code, signal: killed, stdout }));
      });
      expect(outcome).toEqual({ code: null, signal, stdout: '' });
      expect((await readdir(project.dir)).filter((name) => name.endsWith('.brandlint-tmp'))).toEqual([]);
      expect(await readFile(at('big.txt'), 'utf8')).toBe('original');
    }
  }, 60_000);

  it('writeFileAtomic refuses a file without write permission even when running as root', async () => {
    await project.write({ 'x.css': 'a{}' });
    await chmod(at('x.css'), 0o400);
    await expect(writeFileAtomic(at('x.css'), 'b{}')).rejects.toThrow(/read-only/);
    expect(await readFile(at('x.css'), 'utf8')).toBe('a{}');
  });
});

describe('fixes that never settle (row 10)', () => {
  const gear = wordRule('test/gear', 'gear', { replacement: 'gear gear' });

  it('a fix whose replacement contains its own match is detected, not applied, and reported; other fixes still apply', async () => {
    const text = '<p>red gear</p>\n';
    await project.write({ 'a.html': text });
    const first = await fix(['a.html'], [gear, red]);
    expect(await readFile(at('a.html'), 'utf8')).toBe('<p>blue gear</p>\n');
    expect(first.notices).toEqual([
      {
        kind: 'not-fixed',
        file: 'a.html',
        message: 'the fixes of test/gear do not settle (each fix makes text the rule fixes again, e.g. a replacement that contains what it replaces), so they were not applied; fix these by hand',
      },
    ]);
    expect(first.results[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['test/gear']);
    // A second run neither grows the file nor hangs.
    const second = await fix(['a.html'], [gear, red]);
    expect(await readFile(at('a.html'), 'utf8')).toBe('<p>blue gear</p>\n');
    expect(second.results[0]?.output).toBeUndefined();
  });

  it('two fixes that undo each other are detected the same way', async () => {
    const there = wordRule('test/there', 'here', { replacement: 'there' });
    const back = wordRule('test/back', 'there', { replacement: 'here' });
    await project.write({ 'a.html': '<p>here</p>' });
    const run = await fix(['a.html'], [there, back], 'dry-run');
    expect(run.results[0]?.output).toBeUndefined();
    expect(run.notices.map((notice) => notice.message)).toEqual([expect.stringMatching(/^the fixes of test\/back, test\/there do not settle/)]);
  });
});

describe('UTF-16 files with a byte-order mark (row 13)', () => {
  it.each([
    ['UTF-16 LE', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['UTF-16 BE', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()],
  ])('%s: decoded and linted with exact positions, and --fix writes it back in the same encoding', async (_name, encode) => {
    await writeFile(at('u.html'), encode('<p>Caf\u00e9 \u{1F600} red</p>\n'));
    const lint = await fix(['u.html'], [red], 'none');
    expect(lint.notices).toEqual([]);
    expect(lint.results[0]?.diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column}`)).toEqual(['1:12']);
    await fix(['u.html']);
    expect(await readFile(at('u.html'))).toEqual(encode('<p>Caf\u00e9 \u{1F600} blue</p>\n'));
  });

  it('a file that announces UTF-16 but is not: a finding, not a crash', async () => {
    await writeFile(at('bad.html'), Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x70]));
    const run = await fix(['bad.html'], [red], 'dry-run');
    expect(run.results[0]?.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([
      'file/not-utf8 file starts with a UTF-16 LE byte-order mark but is not valid UTF-16 (odd number of bytes); save it as UTF-8',
    ]);
  });
});
