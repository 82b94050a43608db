import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/core/rule.js';

/** What formatMessage was written as: the one pass must give the same text. */
const reference = (template: string, data: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => (key in data ? String(data[key]) : match));

describe('formatMessage', () => {
  const data = { color: '#1d70b8', token: 'color.base.sky-600', delta: 8.2, n: 0, _x: 'u', A1: 'a' };
  it.each([
    ['{color} is not a brand color; nearest is {token}, ΔE {delta}', '#1d70b8 is not a brand color; nearest is color.base.sky-600, ΔE 8.2'],
    ['no placeholders', 'no placeholders'],
    ['', ''],
    ['{color}', '#1d70b8'],
    ['{color}{token}', '#1d70b8color.base.sky-600'],
    ['{{color}}', '{#1d70b8}'],
    ['{missing} and {color}', '{missing} and #1d70b8'],
    ['{ color } {co lor} {} {-x} {color', '{ color } {co lor} {} {-x} {color'],
    ['{n} {_x} {A1}', '0 u a'],
    ['{{{color', '{{{color'],
    ['end {delta}', 'end 8.2'],
    ['{colór} {color}', '{colór} #1d70b8'],
  ])('%j', (template, expected) => {
    expect(formatMessage(template, data)).toBe(expected);
    expect(formatMessage(template, data)).toBe(reference(template, data));
  });

  it('without data leaves every placeholder', () => {
    expect(formatMessage('{a} b {c}')).toBe('{a} b {c}');
  });
});
