import { describe, expect, it } from 'vitest';
import { formatTimings, timingRows } from '../../src/engine/rule-timing.js';
import { REPO_ROOT, runCli } from '../cli/helpers.js';

describe('timingRows (ESLint TIMING rule)', () => {
  it.each([
    ['1', 10],
    ['5', 10],
    ['10', 10],
    ['25', 25],
    ['all', Number.POSITIVE_INFINITY],
    ['yes', 10],
    [undefined, 10],
  ] as const)('BRANDLINT_TIMING=%s shows %s rows', (value, rows) => {
    expect(timingRows(value)).toBe(rows);
  });
});

describe('formatTimings', () => {
  it('lists the slowest steps first with their share, aligned, cut to the rows asked', () => {
    const table = formatTimings(
      [
        ['brand/names', 10],
        ['(parse email)', 30],
        ['color-off-palette', 60],
      ],
      2,
    );
    expect(table).toBe(
      [
        'Step              | Time (ms) | Relative',
        '------------------|-----------|---------',
        'color-off-palette |      60.0 |    60.0%',
        '(parse email)     |      30.0 |    30.0%',
        '',
      ].join('\n'),
    );
  });

  it('breaks ties by name and survives an empty run', () => {
    expect(formatTimings([['b', 1], ['a', 1]], 10).split('\n').slice(2, 4)).toEqual(['a    |       1.0 |    50.0%', 'b    |       1.0 |    50.0%']);
    expect(formatTimings([], 10)).toBe('Step | Time (ms) | Relative\n-----|-----------|---------\n');
  });
});

describe('BRANDLINT_TIMING in a lint run', () => {
  it('prints the adapters and rules that took the time to stderr, after the report; stdout is the report alone', () => {
    const timed = runCli(['lint', 'fixtures/email', '--format', 'json', '--no-cache'], REPO_ROOT, { BRANDLINT_TIMING: 'all' });
    const plain = runCli(['lint', 'fixtures/email', '--format', 'json', '--no-cache'], REPO_ROOT);
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    const rows = timed.stderr.split('\n').filter((line) => / \| +\d+\.\d \| +\d+\.\d%$/.test(line));
    const steps = rows.map((line) => line.split('|')[0]!.trim());
    expect(steps).toContain('(parse email)');
    expect(steps).toContain('color-off-palette');
    expect(steps).toContain('brand/banned');
    expect(plain.stderr).not.toContain('Time (ms)');
  });

  it('works in a pooled run (worker threads send their times back)', () => {
    const timed = runCli(['lint', 'fixtures/email', '--format', 'json', '--no-cache', '--concurrency', '2'], REPO_ROOT, { BRANDLINT_TIMING: 'all' });
    const steps = timed.stderr.split('\n').filter((line) => / \| +\d+\.\d \| +\d+\.\d%$/.test(line)).map((line) => line.split('|')[0]!.trim());
    expect(steps).toContain('(parse email)');
    expect(steps).toContain('color-off-palette');
  });
});
