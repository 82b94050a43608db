import { readdir, readFile, stat, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { defineRule, type DocumentRule } from '../../src/core/rule.js';
import { configSchema, resolveConfig } from '../../src/engine/config.js';
import { applyFixes, MAX_FIX_PASSES, writeFileAtomic } from '../../src/engine/fix.js';
import { lintText } from '../../src/engine/lint-text.js';
import { prepareRules } from '../../src/engine/rules.js';
import { lintFiles } from '../../src/engine/runner.js';
import { tempProject, testParser, wordRule } from './helpers.js';

/** A diagnostic whose fix replaces `[start, end)` (offsets on one line, unchecked) with `replacement`. */
function fixAt(...edits: Array<[number, number, string]>): Diagnostic {
  const lines = { rangeAt: (start: number, end: number) => ({ start: at(start), end: at(end) }) };
  return {
    ruleId: 'test/fix',
    severity: 'error',
    message: 'fix',
    file: 'a.html',
    range: lines.rangeAt(edits[0]![0], edits[0]![1]),
    fix: { description: 'fix', edits: edits.map(([start, end, replacement]) => ({ range: lines.rangeAt(start, end), text: replacement })) },
  };
}

const at = (offset: number) => ({ line: 1, column: offset + 1, offset });

describe('applyFixes', () => {
  const text = 'abcdefghij';
  it.each<[string, Array<Array<[number, number, string]>>, string, number, number]>([
    ['one replacement', [[[2, 4, 'XY']]], 'abXYefghij', 1, 0],
    ['applied in offset order whatever the report order', [[[8, 9, '8']], [[0, 1, '0']]], '0bcdefgh8j', 2, 0],
    ['adjacent edits both apply', [[[0, 3, 'A']], [[3, 5, 'B']]], 'ABfghij', 2, 0],
    ['an overlapping fix waits for the next pass', [[[0, 4, 'A']], [[2, 6, 'B']]], 'Aefghij', 1, 1],
    ['two insertions at one place: the second waits', [[[5, 5, '+']], [[5, 5, '-']]], 'abcde+fghij', 1, 1],
    ['an insertion inside a replaced range waits', [[[2, 6, 'X']], [[4, 4, '+']]], 'abXghij', 1, 1],
    ['a fix with several edits applies together', [[[0, 1, 'A'], [9, 10, 'J']]], 'AbcdefghiJ', 1, 0],
    ['a fix with several edits waits as a whole when one overlaps', [[[0, 1, 'A'], [5, 6, 'F']], [[1, 2, 'B'], [5, 7, 'X']]], 'AbcdeFghij', 1, 1],
    ['a fix out of the text is skipped', [[[8, 40, 'X']]], 'abcdefghij', 0, 1],
    ['a fix whose own edits overlap is skipped', [[[0, 3, 'A'], [2, 4, 'B']]], 'abcdefghij', 0, 1],
    ['a deletion', [[[0, 5, '']]], 'fghij', 1, 0],
  ])('%s', (_name, fixes, expected, applied, skipped) => {
    const result = applyFixes(text, fixes.map((edits) => fixAt(...edits)));
    expect({ text: result.text, applied: result.applied, skipped: result.skipped }).toEqual({ text: expected, applied, skipped });
  });
});

describe('applyFixes on many fixes', () => {
  /** The definition: fixes in order of their first edit; one that conflicts with any accepted edit waits. */
  function byDefinition(source: string, fixes: Array<Array<[number, number, string]>>): { text: string; applied: number; skipped: number } {
    const conflict = (a: [number, number, string], b: [number, number, string]) => a[0] === b[0] || (a[0] < b[1] && b[0] < a[1]);
    const sorted = fixes
      .map((edits) => [...edits].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
      .sort((a, b) => a[0]![0] - b[0]![0] || a.at(-1)![1] - b.at(-1)![1]);
    const accepted: Array<[number, number, string]> = [];
    let skipped = 0;
    for (const edits of sorted) {
      const valid = edits.every((edit, i) => edit[0] >= 0 && edit[1] <= source.length && edit[0] <= edit[1] && (i === 0 || !conflict(edits[i - 1]!, edit)));
      if (!valid || edits.some((edit) => accepted.some((other) => conflict(other, edit)))) skipped++;
      else accepted.push(...edits);
    }
    accepted.sort((a, b) => a[0] - b[0]);
    let out = '';
    let cursor = 0;
    for (const [start, end, replacement] of accepted) {
      out += source.slice(cursor, start) + replacement;
      cursor = end;
    }
    return { text: out + source.slice(cursor), applied: sorted.length - skipped, skipped };
  }

  it('applies what the definition applies, on random overlapping fixes and insertions', () => {
    const source = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 300; round++) {
      const fixes = Array.from({ length: 1 + next(25) }, () =>
        Array.from({ length: 1 + next(3) }, (): [number, number, string] => {
          const start = next(source.length + 1);
          return [start, Math.min(source.length, start + next(6)), String(next(10))];
        }),
      );
      const result = applyFixes(source, fixes.map((edits) => fixAt(...edits)));
      expect({ text: result.text, applied: result.applied, skipped: result.skipped }).toEqual(byDefinition(source, fixes));
    }
  });
});

/** `x` repeated n > 1 times is reported and fixed to n - 1: one step per pass. */
const shrink = defineRule<unknown>({
  meta: { id: 'test/shrink', description: '', category: 'voice', fixable: true, defaultLevel: 'error', messages: { long: 'too many x' } },
  check({ document, report }) {
    for (const match of document.text.matchAll(/xx+/g)) {
      const range = document.lines.rangeAt(match.index, match.index + match[0].length);
      report({ messageId: 'long', range, fix: { description: 'shorten', edits: [{ range, text: match[0].slice(1) }] } });
    }
  },
});

describe('fix passes (lintText)', () => {
  it('repeats until nothing is fixable', async () => {
    const result = await lintText({ text: 'a xxxx b', channel: 'landing', rules: [shrink], parse: testParser, fix: true });
    expect(result.output).toBe('a x b');
    expect(result.diagnostics).toEqual([]);
  });

  it(`stops after ${MAX_FIX_PASSES} passes`, async () => {
    const result = await lintText({ text: 'x'.repeat(15), channel: 'landing', rules: [shrink], parse: testParser, fix: true });
    expect(result.output).toBe('x'.repeat(5));
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['test/shrink']);
  });

  it('two rules fixing the same range: one fix per pass, and the result is stable', async () => {
    const rules = [wordRule('test/a', 'red', { replacement: 'blue' }), wordRule('test/b', 'red', { replacement: 'navy' })];
    const result = await lintText({ text: 'red red', channel: 'landing', rules, parse: testParser, fix: true });
    expect(result.output).toBe('blue blue');
  });

  it('undoes a fix that breaks the markup', async () => {
    const breaking = wordRule('test/break', 'red', { replacement: '<<<BROKEN' });
    const result = await lintText({ text: 'red', channel: 'landing', rules: [breaking], parse: testParser, fix: true });
    expect(result.output).toBe('red');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['test/break']);
  });
});

describe('fixing files', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  const red = wordRule('test/red', 'red', { replacement: 'blue' });

  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(async () => {
    await project.cleanup();
  });

  async function fix(names: string[], mode: 'write' | 'dry-run' = 'write', rules: DocumentRule<unknown>[] = [red]) {
    const config = await resolveConfig(configSchema.parse({}), project.dir);
    const { rules: set } = await prepareRules(config, rules);
    return lintFiles({
      files: names.map((name) => ({ absolutePath: path.join(project.dir, name), file: name, channel: 'landing' as const })),
      rules: set,
      brand: null,
      parse: testParser,
      fix: mode,
    });
  }
  const read = (name: string) => readFile(path.join(project.dir, name));

  it('writes the fixed text; a second run changes nothing (same bytes, no write)', async () => {
    await project.write({ 'a.html': '\uFEFF<p>red</p>\r\n<p>red, <!-- brandlint-disable-line --> </p>\r\n<p>red</p>\r\n' });
    const first = await fix(['a.html']);
    expect(first.results[0]).toMatchObject({ errorCount: 0, output: '<p>blue</p>\r\n<p>red, <!-- brandlint-disable-line --> </p>\r\n<p>blue</p>\r\n' });
    const once = await read('a.html');
    // the byte-order mark and CRLF line ends survive; disabled findings are not fixed
    expect(once.toString('utf8')).toBe('\uFEFF<p>blue</p>\r\n<p>red, <!-- brandlint-disable-line --> </p>\r\n<p>blue</p>\r\n');
    const before = await stat(path.join(project.dir, 'a.html'));

    const second = await fix(['a.html']);
    expect(second.results[0]?.output).toBeUndefined();
    expect(await read('a.html')).toEqual(once);
    const after = await stat(path.join(project.dir, 'a.html'));
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mtime: before.mtimeMs });
  });

  it('does not touch a file with nothing to fix', async () => {
    await project.write({ 'a.html': '<p>blue</p>' });
    const before = await stat(path.join(project.dir, 'a.html'));
    await fix(['a.html']);
    const after = await stat(path.join(project.dir, 'a.html'));
    expect({ ino: after.ino, mtime: after.mtimeMs }).toEqual({ ino: before.ino, mtime: before.mtimeMs });
  });

  it('writes atomically: same mode, no temporary file left behind', async () => {
    await project.write({ 'a.html': 'red' });
    await chmod(path.join(project.dir, 'a.html'), 0o640);
    await fix(['a.html']);
    expect((await read('a.html')).toString()).toBe('blue');
    expect((await stat(path.join(project.dir, 'a.html'))).mode & 0o777).toBe(0o640);
    expect(await readdir(project.dir)).toEqual(['a.html']);
  });

  it('never writes a file with parse errors, and says why', async () => {
    await project.write({ 'a.html': 'red <<<BROKEN' });
    const run = await fix(['a.html']);
    expect((await read('a.html')).toString()).toBe('red <<<BROKEN');
    expect(run.results[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['test/red', 'html/parse-error']);
    expect(run.notices).toEqual([{ kind: 'not-fixed', file: 'a.html', message: 'the file has parse errors, so fixes were not applied' }]);
  });

  it('--fix-dry-run returns the output and writes nothing', async () => {
    await project.write({ 'a.html': 'red' });
    const run = await fix(['a.html'], 'dry-run');
    expect(run.results[0]).toMatchObject({ output: 'blue', diagnostics: [] });
    expect((await read('a.html')).toString()).toBe('red');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its mode', async () => {
    const project = await tempProject({ 'x.css': 'a{}' });
    try {
      const file = path.join(project.dir, 'x.css');
      await chmod(file, 0o600);
      await writeFileAtomic(file, 'b{}');
      expect(await readFile(file, 'utf8')).toBe('b{}');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await readdir(project.dir)).toEqual(['x.css']);
    } finally {
      await project.cleanup();
    }
  });
});
