import { describe, expect, it } from 'vitest';
import { arrayHole, hole, stringifyWithHoles, valueHole } from '../../src/report/json-stream.js';

/** A report written in pieces is exactly `JSON.stringify(report, null, 2)`, wherever its holes are. */
describe('stringifyWithHoles', () => {
  const items = [{ a: 1, b: [1, { c: 'x\ny "q"' }], d: {} }, [], 'str', null, { e: [] }, 0];
  it.each([0, 1, 2, 3])('fills array and value holes %i levels down', (depth) => {
    let template: unknown = { x: 1, results: hole('results'), total: hole('total'), y: [2] };
    let expected: unknown = { x: 1, results: items, total: { n: 6 }, y: [2] };
    for (let level = 0; level < depth; level++) {
      template = { wrap: [template] };
      expected = { wrap: [expected] };
    }
    const text = [...stringifyWithHoles(template, { results: arrayHole(items), total: valueHole(() => ({ n: 6 })) })].join('');
    expect(text).toBe(JSON.stringify(expected, null, 2));
  });

  it('writes an empty array as JSON.stringify does', () => {
    expect([...stringifyWithHoles({ results: hole('results') }, { results: arrayHole([]) })].join('')).toBe(JSON.stringify({ results: [] }, null, 2));
  });
});
