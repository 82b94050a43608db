import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { countWords, fileScore, MIN_CONTENT_UNITS, parseMinScore, penaltyOf, scoreOf, scoreResults, scoreTrend } from '../../src/engine/score.js';

const finding = (severity: Diagnostic['severity'], ruleId = 'color-off-palette'): Diagnostic => ({ ruleId, severity, message: 'm', file: 'a.html', range: null });

describe('brand score', () => {
  it('a clean file scores 100, however long or short', () => {
    expect(fileScore({ contentUnits: 3, diagnostics: [] }).score).toBe(100);
    expect(fileScore({ contentUnits: 50_000, diagnostics: [] }).score).toBe(100);
    expect(fileScore({ diagnostics: [] })).toEqual({ score: 100, units: MIN_CONTENT_UNITS, penalty: 0 });
  });

  it.each([
    // [units, errors, warnings, score]: 100 × e^(−(5·errors + 2·warnings) × 1000 / max(units, 200) / 100)
    [200, 1, 0, 77.9],
    [200, 0, 1, 90.5],
    [1000, 1, 0, 95.1],
    [50, 1, 0, 77.9], // a short file counts as 200 units
    [200, 10, 0, 8.2],
    [200, 100, 0, 0],
  ])('%i units, %i errors, %i warnings: %f', (units, errors, warnings, expected) => {
    const diagnostics = [...Array.from({ length: errors }, () => finding('error')), ...Array.from({ length: warnings }, () => finding('warning'))];
    expect(fileScore({ contentUnits: units, diagnostics }).score).toBe(expected);
  });

  it('is normalised by content: twice the content with twice the findings scores the same', () => {
    const short = fileScore({ contentUnits: 400, diagnostics: [finding('error')] });
    const long = fileScore({ contentUnits: 800, diagnostics: [finding('error'), finding('error')] });
    expect(long.score).toBe(short.score);
  });

  it('does not depend on the order of findings or of files', () => {
    const diagnostics = [finding('error', 'a'), finding('warning', 'b'), finding('error', 'c'), finding('warning', 'd')];
    const reversed = [...diagnostics].reverse();
    expect(penaltyOf(reversed)).toBe(penaltyOf(diagnostics));
    expect(fileScore({ contentUnits: 321, diagnostics: reversed })).toEqual(fileScore({ contentUnits: 321, diagnostics }));

    const files = [
      { channel: 'email' as const, campaign: 'spring', contentUnits: 250, diagnostics: [finding('error')] },
      { channel: 'landing' as const, contentUnits: 1234, diagnostics: [finding('warning'), finding('warning')] },
      { channel: 'email' as const, contentUnits: 90, diagnostics: [] },
      { channel: null, diagnostics: [finding('error')] },
    ];
    const forward = scoreResults(files);
    const backward = scoreResults([...files].reverse());
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
    expect(forward.run).toEqual({ units: 250 + 1234 + 200 + 200, penalty: 5 + 4 + 5, files: 4, score: scoreOf({ units: 1884, penalty: 14 }) });
    expect(Object.keys(forward.channels)).toEqual(['email', 'landing']);
    expect(forward.channels['email']).toMatchObject({ units: 450, penalty: 5, files: 2 });
    expect(forward.campaigns['spring']).toMatchObject({ units: 250, penalty: 5, files: 1 });
  });

  it('groups by channel and campaign names without touching prototypes', () => {
    const scores = scoreResults([{ channel: 'email', campaign: '__proto__', diagnostics: [] }]);
    expect(Object.keys(scores.campaigns)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['files']).toBeUndefined();
  });

  it('counts words, one per CJK character', () => {
    expect(countWords("We're 20% off — shop-now at northwind.example!")).toBe(6);
    expect(countWords('欢迎来到NorthWind商店')).toBe(7);
    expect(countWords('   ')).toBe(0);
  });

  it('says the trend against a baseline', () => {
    expect(scoreTrend(80, 75.5)).toBe('+4.5');
    expect(scoreTrend(70, 75.5)).toBe('-5.5');
    expect(scoreTrend(70, 70)).toBe('±0');
    expect(scoreTrend(70, undefined)).toBe('');
  });

  it.each([
    ['80', 80],
    ['0', 0],
    ['100', 100],
    ['92.5', 92.5],
    ['101', 'error'],
    ['-1', 'error'],
    ['abc', 'error'],
    ['', 'error'],
  ])('--min-score %s', (text, expected) => {
    const parsed = parseMinScore(text);
    if (expected === 'error') expect(parsed).toMatch(/--min-score must be a number from 0 to 100/);
    else expect(parsed).toBe(expected);
  });
});
