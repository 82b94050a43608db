import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  dataFormatOf,
  didYouMean,
  formatPath,
  editDistance,
  locateWithin,
  noLocate,
  parseDataFile,
  validateData,
  YAML_DATA_OPTIONS,
  yamlDataFile,
  zodIssuesToDiagnostics,
  type DataPath,
} from '../../src/core/data-file.js';
import { LineIndex, type Range } from '../../src/core/position.js';
import { composeYaml, loadYaml } from '../../src/channels/yaml-source.js';

/** `line:column-endLine:endColumn` of a range. */
function span(range: Range | null): string | null {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : null;
}

const JSON_TEXT = `{
  "build": {
    "outDir": "dist",
    "platforms": ["css", "scss"]
  },
  "empty": null
}`;

const YAML_TEXT = `build:
  outDir: dist
  platforms: [css, scss]
list:
  - name: a
  - name: "b"
empty:
defaults: &d
  x: 1
use:
  <<: *d
  y: 2
`;

describe('dataFormatOf', () => {
  it.each([
    ['a.json', 'json'],
    ['a.JSON', 'json'],
    ['a.jsonc', 'jsonc'],
    ['a.yaml', 'yaml'],
    ['dir/a.yml', 'yaml'],
    ['a.toml', null],
    ['Makefile', null],
  ])('%s -> %s', (file, format) => {
    expect(dataFormatOf(file)).toBe(format);
  });
});

describe('parseDataFile: data', () => {
  it.each([
    ['a.json', '{"a": [1, true, null, "x"]}', { a: [1, true, null, 'x'] }],
    ['a.jsonc', '{"a": 1 /* c */, // d\n "b": 2}', { a: 1, b: 2 }],
    ['a.yaml', 'a: [1, true, null, x]\n', { a: [1, true, null, 'x'] }],
    ['a.yaml', 'yes: no\n', { yes: 'no' }],
    ['a.yaml', '# only a comment\n', null],
    ['a.yaml', '', null],
    ['a.yml', 'b: &x {k: 1}\nc: *x\n', { b: { k: 1 }, c: { k: 1 } }],
    ['a.json', '\uFEFF{"a": 1}', { a: 1 }],
  ])('%s %j', (file, text, data) => {
    const parsed = parseDataFile(text, file);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toEqual(data);
  });

  it('prints nothing of its own: a collection used as a key (a template tag) raises no process warning (found by the fuzzer)', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      parseDataFile('{{ first_name }}: x\n', 'a.yaml');
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it.each([
    ['a.json', '{"ok": 1, "__proto__": {"polluted": true}}', '1:11-1:22'],
    ['a.yaml', 'rules:\n  ok: warn\n  __proto__: error\n', '3:3-3:12'],
  ])('%s: a "__proto__" key is never the prototype nor silently lost: dropped, with a warning at it (issue 11)', (file, text, at) => {
    const parsed = parseDataFile(text, file);
    expect(parsed.diagnostics.map((d) => `${span(d.range)} ${d.ruleId} ${d.severity} ${d.message}`)).toEqual([
      `${at} config/ignored-key warning key "__proto__" is ignored: it names the prototype of every JavaScript object, so it cannot be read as data`,
    ]);
    expect(JSON.stringify(parsed.data)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseDataFile: locate in JSON', () => {
  const parsed = parseDataFile(JSON_TEXT, 'c.json');
  it.each<[DataPath, boolean, string]>([
    [[], false, '1:1-7:2'],
    [['build'], false, '2:12-5:4'],
    [['build'], true, '2:3-2:10'],
    [['build', 'outDir'], false, '3:15-3:21'],
    [['build', 'outDir'], true, '3:5-3:13'],
    [['build', 'platforms', 1], false, '4:26-4:32'],
    [['build', 'platforms', '1'], false, '4:26-4:32'],
    // An array item has no key: its value is returned.
    [['build', 'platforms', 0], true, '4:19-4:24'],
    [['empty'], false, '6:12-6:16'],
    // Missing paths fall back to the nearest existing ancestor.
    [['build', 'prefix'], false, '2:12-5:4'],
    [['build', 'prefix'], true, '2:3-2:10'],
    [['build', 'platforms', 7], false, '4:18-4:33'],
    [['nope', 'deeper'], false, '1:1-7:2'],
  ])('%j key=%s -> %s', (path, key, expected) => {
    expect(span(parsed.locate(path, { key }))).toBe(expected);
  });
});

describe('parseDataFile: locate in YAML', () => {
  const parsed = parseDataFile(YAML_TEXT, 'c.yaml');
  it.each<[DataPath, boolean, string]>([
    [['build', 'outDir'], false, '2:11-2:15'],
    [['build', 'outDir'], true, '2:3-2:9'],
    [['build', 'platforms', 1], false, '3:20-3:24'],
    [['list', 1, 'name'], false, '6:11-6:14'],
    [['list', 1], false, '6:5-7:1'],
    // `empty:` has no value: point at the key.
    [['empty'], false, '7:1-7:6'],
    [['empty', 'x'], false, '7:1-7:6'],
    // Merge keys and aliases: the merged value's source.
    [['use', 'x'], false, '9:6-9:7'],
    [['use', 'y'], true, '12:3-12:4'],
    [['build', 'missing'], true, '1:1-1:6'],
    [['build', 'missing'], false, '2:3-4:1'],
  ])('%j key=%s -> %s', (path, key, expected) => {
    expect(span(parsed.locate(path, { key }))).toBe(expected);
  });

  it('locates within a prefix (package.json "brandlint")', () => {
    const pkg = parseDataFile('{\n  "name": "x",\n  "brandlint": { "tokens": 3 }\n}', 'package.json');
    expect(span(locateWithin(pkg.locate, ['brandlint'])(['tokens']))).toBe('3:28-3:29');
  });

  it('locates the start of an empty YAML document', () => {
    expect(span(parseDataFile('', 'c.yaml').locate(['a']))).toBe('1:1-1:1');
  });
});

describe('parseDataFile: syntax errors', () => {
  it.each([
    ['c.json', '{\n  "a": 1,\n}', 'config/syntax', '3:1-3:2', 'invalid JSON: unexpected "}" (trailing commas are not allowed in JSON)'],
    ['c.json', '{"a" 1}', 'config/syntax', '1:6-1:7', 'invalid JSON: unexpected number'],
    ['c.json', '', 'config/syntax', '1:1-1:1', 'invalid JSON: unexpected end of file'],
    ['c.json', '{"a": 1} x', 'config/syntax', '1:10-1:11', 'invalid JSON: unexpected character "x"'],
    ['c.json', '{"a": 1, // no\n"b": 2}', 'config/syntax', '1:10-1:11', 'invalid JSON: unexpected character "/"'],
    ['c.json', '{\n  "a": 1,\n  "a": 2\n}', 'config/duplicate-key', '3:3-3:6', 'duplicate key "a"'],
    ['c.yaml', 'a: 1\na: 2\n', 'config/duplicate-key', '2:1-2:2', 'duplicate key "a"'],
    ['c.yaml', 'x:\n  outDir: 1\n  outDir : 2\n', 'config/duplicate-key', '3:3-3:9', 'duplicate key "outDir"'],
    ['c.yaml', '"a b": 1\n"a b": 2\n', 'config/duplicate-key', '2:1-2:6', 'duplicate key "a b"'],
    ['c.yaml', '{a: 1, a: 2}\n', 'config/duplicate-key', '1:8-1:9', 'duplicate key "a"'],
    ['c.yaml', 'a: "x\n', 'config/syntax', '2:1-2:1', 'invalid YAML: missing closing "quote'],
    ['c.yaml', 'a:\n  - b\n  c: 1\n', 'config/syntax', '3:1-3:2', 'invalid YAML: all mapping items must start at the same column'],
    ['c.yaml', 'a: 1\n---\nb: 2\n', 'config/syntax', '2:1-4:1', 'invalid YAML: source contains multiple documents; please use YAML.parseAllDocuments()'],
    ['c.toml', 'a = 1', 'config/syntax', null, 'unsupported data file type; expected .json, .jsonc, .yaml or .yml'],
  ])('%s %j', (file, text, ruleId, at, message) => {
    const parsed = parseDataFile(text, file);
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toHaveLength(1);
    const [diagnostic] = parsed.diagnostics;
    expect(diagnostic).toMatchObject({ ruleId, severity: 'error', file, message });
    expect(span(diagnostic?.range ?? null)).toBe(at);
  });

  it('uses the rule id prefix it is given', () => {
    const parsed = parseDataFile('a: [', 'g.yaml', { ruleIdPrefix: 'guidelines' });
    expect(parsed.diagnostics.map((d) => d.ruleId)).toContain('guidelines/syntax');
  });

  it('keeps offsets of a file that starts with a byte-order mark', () => {
    const parsed = parseDataFile('\uFEFF{"a": x}', 'c.json');
    expect(parsed.diagnostics[0]?.range?.start).toEqual({ line: 1, column: 8, offset: 7 });
  });
});

describe('yamlDataFile: the same data file from documents composed already', () => {
  it.each([
    ['data, merge keys and aliases', YAML_TEXT, [['use', 'x'], ['list', 1, 'name']]],
    ['a duplicate key', 'a: 1\na: 2\n', [['a']]],
    ['a syntax error', 'a: "x\n', [['a']]],
    ['two documents', 'a: 1\n---\nb: 2\n---\nc: 3\n', [['a'], ['b']]],
    ['a __proto__ key', '__proto__: 1\nb:\n  __proto__: {x: 1}\n', [['b', '__proto__']]],
    ['an empty text', '', [[]]],
    ['only a comment', '# nothing\n', [['a']]],
  ] as Array<[string, string, DataPath[]]>)('%s', async (_name, text, paths) => {
    const expected = parseDataFile(text, 'bot.yml', { ruleIdPrefix: 'parse' });
    const { documents } = composeYaml(await loadYaml(), text, YAML_DATA_OPTIONS);
    const actual = yamlDataFile(text, 'bot.yml', documents, new LineIndex(text), 'parse');
    expect(actual.data).toEqual(expected.data);
    expect(actual.diagnostics).toEqual(expected.diagnostics);
    for (const path of paths) expect(actual.locate(path)).toEqual(expected.locate(path));
  });
});

describe('formatPath', () => {
  it.each<[DataPath, string]>([
    [[], ''],
    [['build'], 'build'],
    [['build', 'platforms', 2], 'build.platforms[2]'],
    [['rules', 'color-off-palette'], 'rules.color-off-palette'],
    [['rules', 'brand/color'], 'rules["brand/color"]'],
    [['overrides', 0, 'files'], 'overrides[0].files'],
  ])('%j -> %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('editDistance and didYouMean', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['colour', 'color', 1],
    ['platfroms', 'platforms', 1],
    ['emial', 'email', 1],
    ['ca', 'abc', 3],
  ])('editDistance(%s, %s) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it.each([
    ['platfroms', ['outDir', 'platforms', 'prefix'], 'platforms'],
    ['OutDir', ['outDir', 'platforms'], 'outDir'],
    ['remBse', ['remBase', 'selector'], 'remBase'],
    ['zzz', ['outDir', 'platforms'], null],
    ['ab', ['xy'], null],
  ])('didYouMean(%s) = %s', (word, candidates, suggestion) => {
    expect(didYouMean(word, candidates)).toBe(suggestion);
  });
});

describe('zodIssuesToDiagnostics', () => {
  const schema = z.strictObject({
    name: z.string(),
    build: z
      .strictObject({
        outDir: z.string().optional(),
        platforms: z.array(z.enum(['css', 'scss', 'js'])).optional(),
        remBase: z.number().positive().optional(),
      })
      .optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
    level: z.union([z.enum(['off', 'warn']), z.tuple([z.enum(['off', 'warn']), z.record(z.string(), z.unknown())])]).optional(),
    ids: z.union([z.string(), z.array(z.string())]).optional(),
    custom: z
      .string()
      .superRefine((value, ctx) => {
        if (value === 'bad') ctx.addIssue({ code: 'custom', message: 'is bad', params: { ruleId: 'bad-thing', expected: ['good'] } });
      })
      .optional(),
  });

  it.each([
    [
      'unknown key with suggestion, at the key',
      'name: x\nbuild:\n  platfroms: [css]\n',
      'config/unknown-key',
      '3:3-3:12',
      'unknown key "platfroms" in build (did you mean "platforms"?); expected one of: outDir, platforms, remBase',
    ],
    [
      'unknown key at the top level',
      'name: x\ncolour: red\n',
      'config/unknown-key',
      '2:1-2:7',
      'unknown key "colour" at the top level; expected one of: name, build, tags, level, ids, custom',
    ],
    ['missing key, at the parent key', 'build: {}\n', 'config/missing-key', '1:1-2:1', 'missing required key "name" at the top level (expected string)'],
    ['wrong type', 'name: x\nbuild:\n  remBase: "16px"\n', 'config/invalid-type', '3:12-3:18', 'build.remBase: expected number, got string "16px"'],
    [
      'enum with suggestion',
      'name: x\nbuild:\n  platforms: [css, scsss]\n',
      'config/invalid-value',
      '3:20-3:25',
      'build.platforms[1]: expected one of "css", "scss", "js", got string "scsss" (did you mean "scss"?)',
    ],
    ['number bound', 'name: x\nbuild: {remBase: 0}\n', 'config/invalid-value', '2:18-2:19', 'build.remBase: must be greater than 0, got number 0'],
    ['empty array', 'name: x\ntags: []\n', 'config/invalid-value', '2:7-2:9', 'tags: must not be empty'],
    ['empty string', 'name: x\ntags: [""]\n', 'config/invalid-value', '2:8-2:10', 'tags[0]: must not be empty'],
    [
      'union, all alternatives fail at the same place',
      'name: x\nlevel: warning\n',
      'config/invalid-value',
      '2:8-2:15',
      'level: expected "off", "warn" or array, got string "warning" (did you mean "warn"?)',
    ],
    ['union, the branch that matched the shape explains', 'name: x\nlevel: [warn, 3]\n', 'config/invalid-type', '2:15-2:16', 'level[1]: expected object, got number 3'],
    ['union of types', 'name: x\nids: 3\n', 'config/invalid-type', '2:6-2:7', 'ids: expected string or array, got number 3'],
    ['custom issue with its own rule id', 'name: x\ncustom: bad\n', 'config/bad-thing', '2:9-2:12', 'custom: is bad'],
  ])('%s', (_name, text, ruleId, at, message) => {
    const parsed = parseDataFile(text, 'c.yaml');
    const { value, diagnostics } = validateData(schema, parsed.data, parsed.locate, 'c.yaml', 'config');
    expect(value).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId, message, file: 'c.yaml', severity: 'error' });
    expect(span(diagnostics[0]?.range ?? null)).toBe(at);
  });

  it('reports every unknown key and sorts diagnostics by position', () => {
    const parsed = parseDataFile('{"zeta": 1, "name": 2, "alpha": 3}', 'c.json');
    const { diagnostics } = validateData(schema, parsed.data, parsed.locate, 'c.json', 'config');
    expect(diagnostics.map((d) => `${d.range?.start.column} ${d.message.split(';')[0]}`)).toEqual([
      '2 unknown key "zeta" at the top level',
      '21 name: expected string, got number 2',
      '24 unknown key "alpha" at the top level',
    ]);
  });

  it('sets actual and expected for machines', () => {
    const parsed = parseDataFile('name: x\nbuild: {platfroms: []}\n', 'c.yaml');
    const { diagnostics } = validateData(schema, parsed.data, parsed.locate, 'c.yaml', 'config');
    expect(diagnostics[0]).toMatchObject({ actual: 'platfroms', expected: ['platforms'] });
  });

  it('works without positions (JavaScript configs) and without the schema', () => {
    const result = schema.safeParse({ name: 'x', build: { colour: 1 } }, { reportInput: true });
    const diagnostics = zodIssuesToDiagnostics(result.error?.issues ?? [], noLocate, 'c.js', 'config');
    expect(diagnostics).toEqual([
      { ruleId: 'config/unknown-key', severity: 'error', message: 'unknown key "colour" in build', file: 'c.js', range: null, actual: 'colour' },
    ]);
  });

  it('honours the severity option', () => {
    const result = schema.safeParse({}, { reportInput: true });
    const diagnostics = zodIssuesToDiagnostics(result.error?.issues ?? [], noLocate, 'c.js', 'pack', { severity: 'warning' });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'pack/missing-key', severity: 'warning' });
  });
});
