import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/engine/lint-project.js';
import { loadRulePacks, parsePack } from './load.js';

/** `line:column ruleId message` of a pack's problems. */
const problems = (yaml: string): string[] =>
  parsePack(yaml, 'my-pack.yml').diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`);

const header = 'id: my-pack\ndescription: test\nrules:\n';

describe('pack validation', () => {
  it.each([
    [
      'unknown key in a rule, with a suggestion',
      `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n    ignorecase: true\n`,
      /^8:5 pack\/unknown-key .*"ignorecase".*ignoreCase.*; expected one of: id, level, message, description, link, channels, platforms, scopes, locales, kind, tokens, patterns, ignoreCase, exceptions$/,
    ],
    ['unknown top-level key', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\nextends: other\n`, /^8:1 pack\/unknown-key .*"extends"/],
    ['bad level', `${header}  - id: a\n    kind: existence\n    level: warning\n    message: m\n    tokens: [x]\n`, /^6:12 pack\/invalid-value .*"off".*"warn".*"error"/],
    ['bad regular expression', `${header}  - id: a\n    kind: existence\n    message: m\n    patterns:\n      - 'boots ('\n`, /^8:9 pack\/invalid-regex .*invalid regular expression/],
    ['unknown kind', `${header}  - id: a\n    kind: spelling\n    message: m\n`, /^5:11 pack\/invalid-value .*existence/],
    ['bad rule id', `${header}  - id: Bad_Id\n    kind: existence\n    message: m\n    tokens: [x]\n`, /^4:9 pack\/invalid-value .*lower-case id/],
    ['existence without tokens', `${header}  - id: a\n    kind: existence\n    message: m\n`, /^5:11 pack\/invalid-value .*an existence rule needs/],
    ['occurrence pattern without count: pattern', `${header}  - id: a\n    kind: occurrence\n    message: m\n    count: emoji\n    max: 1\n    pattern: x\n`, /^9:14 .*"pattern" is required with count: pattern/],
    ['negative max', `${header}  - id: a\n    kind: occurrence\n    message: m\n    count: emoji\n    max: -1\n`, /^8:10 pack\/invalid-value/],
    ['bad channel', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n    channels: [sms]\n`, /^8:16 pack\/invalid-value/],
    ['bad scope', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n    scopes: [footer]\n`, /^8:14 pack\/invalid-value/],
    ['bad locale', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n    locales: [english]\n`, /^8:15 pack\/invalid-value .*language tag/],
    ['bad locale on a token entry', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [{ phrase: x, locales: [polish] }]\n`, /^7:37 pack\/invalid-value .*language tag/],
    ['bad locale on a term entry', `${header}  - id: a\n    kind: term\n    message: m\n    terms: [{ term: X, locales: [x] }]\n`, /^7:34 pack\/invalid-value .*language tag/],
    ['duplicate rule id', `${header}  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n  - id: a\n    kind: existence\n    message: m\n    tokens: [y]\n`, /^8:9 pack\/duplicate .*duplicate rule id "a"/],
    ['trademark that is not a mark', `${header}  - id: a\n    kind: term\n    message: m\n    terms:\n      - term: CloudPack\n        trademark: TM\n`, /^9:20 pack\/invalid-value/],
    ['YAML syntax', `${header}  - id: a\n    kind: [existence\n`, /^\d+:\d+ pack\/syntax/],
  ])('%s', (_name, yaml, expected) => {
    const found = problems(yaml);
    expect(found.length, found.join('\n')).toBeGreaterThan(0);
    expect(found[0]).toMatch(expected);
  });

  it('accepts a pack with every kind', () => {
    expect(
      problems(`${header}  - id: a
    kind: existence
    message: m
    tokens: [x, { phrase: y, message: n, suggest: z, locales: [pl] }]
    patterns: ['\\bq\\b', { pattern: w+, suggest: [v] }]
  - id: b
    kind: substitution
    message: m
    swap: { x: y, z: [v, w] }
  - id: c
    kind: term
    message: m
    terms: [{ term: CloudPack, wrong: [Cloud Pack], trademark: ™ }]
  - id: d
    kind: occurrence
    message: m
    count: pattern
    pattern: '!'
    max: 1
  - id: e
    kind: shouting
    message: m
    acronyms: [GPS]
  - id: f
    kind: readability
    message: m
    maxGrade: { email: 8 }
    maxSentenceWords: 25
  - id: g
    kind: require
    message: m
    pattern: '#Northwind'
    channels: [social]
    platforms: [x]
    scopes: [post]
    locales: [en, de-DE]
`),
    ).toEqual([]);
  });
});

describe('loading packs', () => {
  it('loads the shipped packs and the brand pack', async () => {
    const loaded = await loadRulePacks();
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.packs.map((pack) => pack.id).sort()).toEqual(['brand', 'inclusive-language', 'marketing-cliches', 'plain-language']);
    expect(Object.keys(loaded.catalogue)).toContain('plain-language/utilize');
    expect(Object.keys(loaded.catalogue)).toContain('brand/names');
  });

  it('reports a configured pack file that does not exist; a glob that matches nothing is fine', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-packs-'));
    const loaded = await loadRulePacks({ shipped: false, files: [path.join(folder, 'missing.yml'), path.join(folder, 'none-*.yml')] });
    expect(loaded.diagnostics.map((d) => `${d.ruleId} ${path.basename(d.file)} ${d.message}`)).toEqual([
      `pack/not-found missing.yml rule pack "${path.join(folder, 'missing.yml')}" does not exist`,
    ]);
    expect(loaded.packs.map((pack) => pack.id)).toEqual(['brand']);
  });

  it('rejects a pattern that backtracks catastrophically, at the pattern, naming it (issue 11, row 2)', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-packs-'));
    await writeFile(
      path.join(folder, 'slow.yml'),
      "id: slow\ndescription: d\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns:\n      - 'fine\\s+words?'\n      - pattern: '(a+)+$'\n  - id: b\n    kind: require\n    message: m\n    linkPattern: '(\\d|\\d\\d)+$'\n",
    );
    const loaded = await loadRulePacks({ files: [path.join(folder, 'slow.yml')], shipped: false });
    expect(loaded.diagnostics.map((d) => `${path.basename(d.file)}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.message}`)).toEqual([
      expect.stringMatching(/^slow\.yml:9:18 pack\/unsafe-regex pattern "\(a\+\)\+\$" can backtrack catastrophically .*"a\+" is repeated by "\(a\+\)\+".*exponential time/),
      expect.stringMatching(/^slow\.yml:13:18 pack\/unsafe-regex pattern "\(\\\\d\|\\\\d\\\\d\)\+\$" can backtrack catastrophically/),
    ]);
    // The unsafe pack is not registered: its rules never run.
    expect(Object.keys(loaded.catalogue).filter((id) => id.startsWith('slow/'))).toEqual([]);
  });

  it('reports a pack id taken twice, at its id', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-packs-'));
    await writeFile(path.join(folder, 'mine.yml'), 'id: plain-language\ndescription: mine\nrules:\n  - id: a\n    kind: existence\n    message: m\n    tokens: [x]\n');
    const loaded = await loadRulePacks({ files: [path.join(folder, '*.yml')] });
    expect(loaded.diagnostics.map((d) => `${path.basename(d.file)}:${d.range?.start.line}:${d.range?.start.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^mine\.yml:1:5 pack id "plain-language" is already used by .*plain-language\.yml$/),
    ]);
  });

  it('makes a broken configured pack a configuration error, and a good one a rule source', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'brandlint-packs-'));
    await writeFile(path.join(folder, 'brandlint.config.yaml'), 'packs: [packs/*.yml]\nrules:\n  house/no-synergy: error\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(folder, 'packs'));
    await mkdir(path.join(folder, 'emails'));
    await writeFile(path.join(folder, 'emails', 'a.html'), '<p>Real synergy here</p>\n');
    await writeFile(path.join(folder, 'packs', 'house.yml'), 'id: house\ndescription: ours\nrules:\n  - id: no-synergy\n    kind: existence\n    level: warn\n    message: No "{actual}".\n    tokens: [synergy]\n');
    const good = await lintProject({ cwd: folder, paths: ['emails'] });
    if (!good.ok) throw new Error(good.message);
    expect(good.results.flatMap((r) => r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.range?.start.line}:${d.range?.start.column}`))).toEqual([
      'house/no-synergy error 1:9',
      'marketing-cliches/cliches warning 1:9',
    ]);

    // The configuration's locale is the locale of content that does not say: English packs skip it.
    await writeFile(path.join(folder, 'brandlint.config.yaml'), 'packs: [packs/*.yml]\nlocale: de\n');
    const german = await lintProject({ cwd: folder, paths: ['emails'] });
    if (!german.ok) throw new Error(german.message);
    expect(german.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))).toEqual(['house/no-synergy']);
    expect(german.notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/marketing-cliches\/cliches, .* did not apply: English only; the text is de$/));

    await writeFile(path.join(folder, 'packs', 'house.yml'), 'id: house\ndescription: ours\nrules:\n  - id: no-synergy\n    kind: existence\n    level: loud\n    message: m\n    tokens: [synergy]\n');
    const bad = await lintProject({ cwd: folder, paths: ['emails'] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.stage).toBe('config');
    expect(bad.diagnostics.map((d) => `${d.file}:${d.range?.start.line}:${d.range?.start.column} ${d.ruleId}`)).toEqual(['packs/house.yml:6:12 pack/invalid-value']);
  });
});

describe('the docs examples', () => {
  it('every pack example in docs/packs.md is a valid pack or pack rule', async () => {
    const { readFile } = await import('node:fs/promises');
    const section = await readFile(path.join(path.dirname(new URL(import.meta.url).pathname), '../../docs/packs.md'), 'utf8');
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const packs = blocks.filter((block) => /^id: /m.test(block) || /^ {2}- id: /m.test(block));
    expect(packs.length).toBeGreaterThanOrEqual(8);
    for (const block of packs) {
      const yaml = block.startsWith('id:') ? block : `${header}${block}`;
      expect(problems(yaml), block).toEqual([]);
    }
  });
});
