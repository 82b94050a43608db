import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBacktrackingHazard, hasQuantifier } from '../../src/core/regex-safety.js';

describe('findBacktrackingHazard', () => {
  it.each<[string, string]>([
    // Quantifiers that trade characters with themselves or each other (scslre).
    ['(a+)+$', 'a+'],
    ['(\\w+\\s?)+$', '\\w+'],
    ['^(\\d+)*$', '\\d+'],
    ['(x+x+)+y', 'x+'],
    ['(?:\\w+\\s*)*$', '\\w+'],
    // Repetitions whose body can match one text in two ways (refa).
    ['(a|a)*$', '(a|a)*'],
    ['(?:(?:a|a)b)*$', '(?:(?:a|a)b)*'],
    ['(\\d|\\d\\d)+$', '(\\d|\\d\\d)+'],
    ['(?:a|b|ab)*c', '(?:a|b|ab)*'],
  ])('%s is rejected (at %s)', async (pattern, part) => {
    const hazard = await findBacktrackingHazard(pattern, 'giu');
    expect(hazard?.part).toBe(part);
    expect(hazard?.reason).toMatch(/time\)$/);
  });

  it.each([
    'slaves?',
    'master\\s*/\\s*slaves?',
    '(?:the\\s+)?ultimate\\s+(?:solution|experience|guide)',
    '\\bclick here\\b',
    '\\d+%\\s*off',
    '\\b[A-Z]{2,}\\b',
    '(?:\\s*,\\s*\\w+)*',
    '(?:ab|ac)+',
    '\\s*$',
    'https?://\\S+',
    '(?:[a-z]+\\.)+com',
    '(a|a){1,3}',
    '(\\p{L}+)',
  ])('%s is accepted', async (pattern) => {
    expect(await findBacktrackingHazard(pattern, 'giu')).toBeNull();
  });

  it('does not load the analysers for a pattern that repeats nothing', () => {
    expect(hasQuantifier('\\bclick here\\b')).toBe(false);
    expect(hasQuantifier('a{2}')).toBe(true);
  });

  it('accepts every pattern of the shipped packs and of the example guidelines', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const patterns: string[] = [];
    const collect = (value: unknown, key?: string): void => {
      if (Array.isArray(value)) value.forEach((item) => (key === 'patterns' && typeof item === 'string' ? patterns.push(item) : collect(item)));
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) {
          if ((k === 'pattern' || k === 'linkPattern') && typeof v === 'string') patterns.push(v);
          else collect(v, k);
        }
      }
    };
    for (const file of await glob(['rules/packs/*.yml', 'tokens/*.yaml'], { cwd: root, absolute: true })) collect(parse(readFileSync(file, 'utf8')));
    expect(patterns.length).toBeGreaterThan(3);
    for (const pattern of patterns) expect([pattern, await findBacktrackingHazard(pattern, 'giu')]).toEqual([pattern, null]);
  });
});
