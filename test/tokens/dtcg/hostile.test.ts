import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { runBuild } from '../../../src/cli/build.js';
import { toStyleDictionaryTokens } from '../../../src/tokens/build/sd-tokens.js';
import { loadTokenSet } from '../../../src/tokens/dtcg/index.js';
import { tempDir } from '../../cli/helpers.js';
import { errorsOf, lines, positionOf, warningsOf } from './helpers.js';

/** Issue 11, rows 3, 11 and 12: names are data, depth is bounded, the last duplicate key counts. */

const HOSTILE = `{
  "__proto__": { "x": { "$type": "color", "$value": "#ff0000" } },
  "constructor": { "$type": "number", "$value": 1 },
  "toString": { "y": { "$type": "number", "$value": 2 } },
  "ok": { "$type": "number", "$value": "{constructor}" }
}`;

const polluted = () => Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>)['x'] !== undefined;

describe('token and group names that every JavaScript object has', () => {
  it('validate: loads them as data and warns once per name, at the name', () => {
    const result = loadTokenSet([{ file: 'hostile.tokens.json', text: HOSTILE }]);
    expect(errorsOf(result)).toEqual([]);
    expect([...result.set.tokens.keys()].sort()).toEqual(['__proto__.x', 'constructor', 'ok', 'toString.y']);
    expect(result.set.tokens.get('ok')?.value).toBe(1);
    expect(warningsOf(result).filter((d) => d.ruleId === 'dtcg/unportable-name').map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.tokenPath}`)).toEqual([
      '2:3 __proto__',
      '3:3 constructor',
      '4:3 toString',
    ]);
    expect(polluted()).toBe(false);
  });

  it('a $type, a JSON Pointer or $extensions naming such a property stay data', () => {
    const result = loadTokenSet([
      {
        file: 't.tokens.json',
        text: JSON.stringify({
          v: { $type: 'constructor', $value: 1 },
          b: { $type: 'border', $value: { color: { colorSpace: 'srgb', components: [0, 0, 0] }, width: { value: 1, unit: 'px' }, style: 'solid' } },
          p: { $type: 'color', $value: { $ref: '#/b/$value/constructor' } },
          e: { $type: 'number', $value: 1, $extensions: JSON.parse('{"__proto__": {"polluted": true}}') },
        }),
      },
    ]);
    expect(lines(result).join('\n')).not.toMatch(/function|native code/);
    expect(lines(result)).toContainEqual(expect.stringMatching(/dtcg\/unknown-type .*unknown \$type "constructor"; expected one of/));
    expect(lines(result)).toContainEqual(expect.stringMatching(/dtcg\/pointer-not-found .*the value of b has no "constructor"/));
    const extensions = result.set.tokens.get('e')?.extensions as Record<string, unknown>;
    expect(Object.hasOwn(extensions, '__proto__')).toBe(true);
    expect(polluted()).toBe(false);
  });

  it('the style-dictionary tree holds them as own keys and never touches Object.prototype', () => {
    const { set } = loadTokenSet([{ file: 'hostile.tokens.json', text: HOSTILE }]);
    const tree = toStyleDictionaryTokens(set);
    expect(Object.hasOwn(tree, '__proto__') && Object.hasOwn(tree, 'constructor') && Object.hasOwn(tree, 'toString')).toBe(true);
    expect(polluted()).toBe(false);
  });

  describe('build', () => {
    let dir: string;
    let cleanup: () => void;
    beforeEach(() => ({ dir, cleanup } = tempDir('brandlint-hostile-')));
    afterEach(() => cleanup());

    it('refuses them, at each name, and writes nothing (style-dictionary would drop them while reporting them compiled)', async () => {
      await mkdir(path.join(dir, 'tokens'));
      await writeFile(path.join(dir, 'tokens', 'hostile.tokens.json'), HOSTILE);
      await writeFile(path.join(dir, 'brandlint.config.yaml'), 'tokens: [tokens/*.tokens.json]\n');
      let stdout = '';
      let stderr = '';
      const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, env: {}, isTTY: false };
      expect(await runBuild({}, io)).toBe(1);
      expect(stderr).toContain('error   tokens/hostile.tokens.json:2:3 __proto__: name "__proto__" is a property every JavaScript object has');
      expect(stderr).toContain('tokens/hostile.tokens.json:3:3 constructor:');
      expect(stderr).toContain('nothing was built');
      expect(stdout).toBe('');
      expect(await readdir(dir)).not.toContain('build');
      expect(polluted()).toBe(false);
    });
  });
});

describe('depth', () => {
  it('2,000-deep groups: a positioned error, not a stack overflow', () => {
    let text = '{"$type":"number","$value":1}';
    for (let i = 0; i < 2000; i++) text = `{"g${i}":${text}}`;
    const result = loadTokenSet([{ file: 'deep.tokens.json', text }]);
    expect(lines(result)).toEqual([expect.stringMatching(/^dtcg\/json-syntax deep\.tokens\.json:1:\d+ objects and arrays nest more than 256 levels deep here/)]);
    // At the 257th opening brace: the first one past the limit.
    let at = -1;
    for (let n = 0; n < 257; n++) at = text.indexOf('{', at + 1);
    expect(errorsOf(result)[0]!.range!.start.offset).toBe(at);
  });

  it('255-deep groups still load', () => {
    let text = '{"$type":"number","$value":1}';
    for (let i = 0; i < 254; i++) text = `{"g${i}":${text}}`;
    const result = loadTokenSet([{ file: 'deep.tokens.json', text }]);
    expect(errorsOf(result)).toEqual([]);
    expect(result.set.tokens.size).toBe(1);
  });

  it('a 5,000-long $extends chain: a positioned error where it goes too far, not a stack overflow', () => {
    const groups: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) groups[`g${i}`] = i === 4999 ? { $type: 'number', t: { $value: 1 } } : { $extends: `{g${i + 1}}` };
    const text = JSON.stringify(groups, null, 1);
    const result = loadTokenSet([{ file: 'chain.tokens.json', text }]);
    const tooDeep = errorsOf(result).filter((d) => d.ruleId === 'dtcg/too-deep');
    expect(tooDeep.length).toBeGreaterThan(0);
    expect(tooDeep[0]!.message).toMatch(/^\$extends chain longer than 256 groups \(g\d+ extends g\d+, which extends another group, and so on\)/);
    expect(tooDeep[0]!.range!.start).toMatchObject(positionOf(text, `"{${tooDeep[0]!.message.match(/extends (g\d+),/)![1]}}"`));
  });
});

describe('duplicate keys', () => {
  it('of $value: the last one counts, as with JSON.parse, with a warning at it naming the one ignored', () => {
    const text = '{\n  "n": { "$type": "number", "$value": 1, "$value": 2 }\n}';
    const result = loadTokenSet([{ file: 'dup.tokens.json', text }]);
    expect(result.set.tokens.get('n')?.value).toBe((JSON.parse(text) as { n: { $value: number } }).n.$value);
    expect(lines(result)).toEqual([
      'dtcg/duplicate-key dup.tokens.json:2:42 n: duplicate property "$value"; this last one is used, as JSON.parse does (the one at dup.tokens.json:2:29 is ignored)',
    ]);
  });

  it('of a $type on a group, and of a field in a composite value: the last one counts', () => {
    const text = JSON.stringify({ g: { $type: 'color', n: { $value: 1 } } }).replace('"$type":"color"', '"$type":"color","$type":"number"');
    expect(loadTokenSet([{ file: 'g.tokens.json', text }]).set.tokens.get('g.n')?.type).toBe('number');
    const border = '{"b":{"$type":"dimension","$value":{"value":1,"unit":"px","value":2}}}';
    const result = loadTokenSet([{ file: 'b.tokens.json', text: border }]);
    expect(result.set.tokens.get('b')?.value).toEqual({ value: 2, unit: 'px' });
    expect(lines(result)).toEqual([expect.stringMatching(/dtcg\/duplicate-key .*duplicate dimension property "value"; this last one is used/)]);
  });
});
