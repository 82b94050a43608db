/**
 * Vale styles as packs: small styles written here, one or more rules per extension point, each
 * with text that breaks it, text that passes, and the traps it must not flag (code, links,
 * template tags, exceptions); every notice brandlint gives instead of running a rule.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { lintText } from '../../../src/engine/lint-text.js';
import { loadRulePacks } from '../load.js';
import { loadValeSource, type ValeLoadResult } from './load.js';
import { translateValeRegex } from './regex.js';

let root: string;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'brandlint-vale-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes files (path -> text) under a new folder; returns the folder. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = path.join(root, `p${counter++}`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** A style folder `Test` with the given rules (name -> YAML). */
async function style(rules: Record<string, string>, extra: Record<string, string> = {}): Promise<ValeLoadResult & { dir: string }> {
  const dir = await project({ ...Object.fromEntries(Object.entries(rules).map(([name, yaml]) => [`styles/Test/${name}.yml`, yaml])), ...extra });
  return { dir, ...(await loadValeSource(path.join(dir, 'styles', 'Test'))) };
}

const show = (d: Diagnostic): string => `${d.range?.start.line}:${d.range?.start.column} ${d.ruleId} ${d.severity} ${d.message}`;

async function lint(loaded: ValeLoadResult & { dir?: string }, text: string, file = 'doc.md', fix = false): Promise<{ findings: string[]; output: string }> {
  const result = await lintText({ text, file, channel: 'article', rules: loaded.rules, ...(loaded.dir ? { cwd: loaded.dir } : {}), fix });
  return { findings: result.diagnostics.map(show), output: result.output };
}

async function findings(rules: Record<string, string>, text: string, file = 'doc.md'): Promise<string[]> {
  const loaded = await style(rules);
  expect(loaded.diagnostics.map(show)).toEqual([]);
  return (await lint(loaded, text, file)).findings;
}

describe('existence', () => {
  const rules = {
    Weasel: "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: error\nignorecase: true\ntokens:\n  - very\n  - '[a-z]+ly'\n  - 'in order to'\nexceptions:\n  - Italy",
  };

  it.each([
    ['whole words, any case, with %s', 'It is Very easy.\n', ["1:7 Test.Weasel error Remove 'Very'."]],
    ['a phrase (a space in a token is a space, as in Vale)', 'Do this in order to win, in order\nto.\n', ["1:9 Test.Weasel error Remove 'in order to'."]],
    ['inside a longer word: no', 'Everyone simplyfies.\n', []],
    ['an exception (case-sensitive) excuses the match', 'Simply visit Italy, not ITALY.\n', ["1:1 Test.Weasel error Remove 'Simply'.", "1:25 Test.Weasel error Remove 'ITALY'."]],
    ['code, link URLs and template tags are no prose', 'Run `very` at https://very.example/very or {{ very }}.\n', []],
    ['link text is prose, in its paragraph', 'See the [very good](https://x.example) guide.\n', ["1:10 Test.Weasel error Remove 'very'."]],
  ])('%s', async (_name, text, expected) => {
    expect(await findings(rules, text)).toEqual(expected);
  });

  it('nonword tokens, raw prefixes and the scope', async () => {
    const more = {
      Bang: "extends: existence\nmessage: No exclamation points.\nnonword: true\nlevel: warning\ntokens:\n  - '\\w+!(?:\\s|$)'",
      Passive: "extends: existence\nmessage: \"'%s' looks passive.\"\nlevel: suggestion\nignorecase: true\nraw:\n  - \\b(am|are|were|is|was|be)\\b\\s*\ntokens:\n  - broken\n  - '[\\w]+ed'",
      Heads: "extends: existence\nmessage: No 'Intro' in headings.\nscope: heading\nignorecase: true\ntokens:\n  - intro",
    };
    expect(await findings(more, '# Intro wow!\n\nIt was broken. Intro is fine here! It is mended.\n')).toEqual([
      '1:3 Test.Heads warning No \'Intro\' in headings.',
      '1:9 Test.Bang warning No exclamation points.',
      "3:4 Test.Passive warning 'was broken' looks passive.",
      '3:30 Test.Bang warning No exclamation points.',
      "3:39 Test.Passive warning 'is mended' looks passive.",
    ]);
  });

  it('limit keeps the first findings of a file', async () => {
    const limited = { Once: 'extends: existence\nmessage: Found it.\nlimit: 1\ntokens:\n  - foo' };
    expect(await findings(limited, 'foo foo\n\nfoo\n')).toEqual(['1:1 Test.Once warning Found it.']);
  });
});

describe('substitution', () => {
  const rules = {
    Terms: [
      'extends: substitution',
      "message: \"Use '%s' instead of '%s'.\"",
      'level: warning',
      'ignorecase: true',
      'action:',
      '  name: replace',
      'swap:',
      "  are not: aren't",
      '  e-?mail: email',
      '  (?:cell|smart) ?phone: phone|mobile phone',
      "  (\\w+)-in-law: $1's family",
      '  log ?in: log in',
    ].join('\n'),
  };

  it.each([
    ['a phrase; its suggestion starts a sentence with a capital', 'Are not you coming?\n', ["1:1 Test.Terms warning Use 'Aren't' instead of 'Are not'."]],
    ['a regular expression key', 'Send an E-mail.\n', ["1:9 Test.Terms warning Use 'email' instead of 'E-mail'."]],
    ['several suggestions', 'Use a cell phone.\n', ["1:7 Test.Terms warning Use 'phone' or 'mobile phone' instead of 'cell phone'."]],
    ['$1 takes the key\'s capture', 'My mother-in-law called.\n', ["1:4 Test.Terms warning Use 'mother's family' instead of 'mother-in-law'."]],
    ['what is already right is no finding', 'Send an email, then log in.\n', []],
    ['the right spelling in other words: no', 'Emailing and telephones.\n', []],
  ])('%s', async (_name, text, expected) => {
    expect(await findings(rules, text)).toEqual(expected);
  });

  it('one suggestion is a fix; several are not', async () => {
    const loaded = await style(rules);
    const { output } = await lint(loaded, 'Are not you sure? Send an E-mail from your smartphone.\n', 'doc.md', true);
    expect(output).toBe("Aren't you sure? Send an email from your smartphone.\n");
  });

  it('ignorecase: false, exceptions, and the vocabulary (vocab: true)', async () => {
    const dir = await project({
      'styles/Test/Names.yml': "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nignorecase: false\nswap:\n  Javascript: JavaScript\n  github: GitHub\nexceptions:\n  - github\\.io",
      'styles/config/vocabularies/Brand/accept.txt': '# accepted terms\ngithub\n',
      '.vale.ini': 'StylesPath = styles\nVocab = Brand\n[*]\nBasedOnStyles = Test\n',
    });
    const loaded = { dir, ...(await loadValeSource(path.join(dir, '.vale.ini'))) };
    expect(loaded.diagnostics).toEqual([]);
    expect((await lint(loaded, 'Javascript and javascript on github.\n')).findings).toEqual(["1:1 Test.Names warning Use 'JavaScript', not 'Javascript'."]);
  });
});

describe('occurrence, repetition, consistency, conditional', () => {
  it('occurrence: more than max per sentence', async () => {
    const rules = { Commas: "extends: occurrence\nmessage: \"%s commas; split the sentence.\"\nscope: sentence\nmax: 2\ntoken: ','" };
    expect(await findings(rules, 'One, two, three, four. Five, six.\n')).toEqual(['1:4 Test.Commas warning 3 commas; split the sentence.']);
  });

  it('occurrence: fewer than min', async () => {
    const rules = { Cta: "extends: occurrence\nmessage: \"Only %s calls to action.\"\nscope: summary\nmin: 2\nignorecase: true\ntoken: '\\b(?:buy|order)\\b'" };
    expect(await findings(rules, 'Order now.\n')).toEqual(['1:1 Test.Cta warning Only 1 calls to action.']);
    expect(await findings(rules, 'Order now or buy later.\n')).toEqual([]);
  });

  it('repetition: a word twice in a row, across case, not across lines', async () => {
    const rules = { Twice: "extends: repetition\nmessage: \"'%s' is repeated.\"\nalpha: true\nignorecase: true\ntokens:\n  - '[^\\s]+'" };
    expect(await findings(rules, 'This is the The end.\n\nA list\nlist is fine.\n')).toEqual(["1:9 Test.Twice warning 'The' is repeated."]);
  });

  it('consistency: the second spelling in a file', async () => {
    const rules = { Spelling: "extends: consistency\nmessage: Inconsistent spelling of '%s'.\nignorecase: true\neither:\n  advisor: adviser" };
    expect(await findings(rules, 'Ask an advisor.\n\nThe adviser said no.\n')).toEqual(["3:5 Test.Spelling warning Inconsistent spelling of 'adviser'."]);
    expect(await findings(rules, 'Ask an advisor.\n\nThe advisor said no.\n')).toEqual([]);
  });

  it('conditional: an acronym used before (or without) its definition', async () => {
    const rules = {
      Acronyms: "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\nexceptions:\n  - API",
    };
    expect(await findings(rules, 'Use the Brand Voice Guide (BVG). The BVG is short. Call the API. Ask HR.\n')).toEqual([]);
    expect(await findings(rules, 'Read the DAFB first.\n')).toEqual(["1:10 Test.Acronyms warning 'DAFB' has no definition."]);
  });
});

describe('capitalization', () => {
  const rules = {
    Sentence: "extends: capitalization\nmessage: \"'%s' should be in sentence case.\"\nscope: heading\nmatch: $sentence\nindicators:\n  - ':'\nexceptions:\n  - Northwind",
    Title: "extends: capitalization\nmessage: \"'%s' should be '%s'.\"\nscope: heading.h2\nmatch: $title\nstyle: AP",
    Upper: "extends: capitalization\nmessage: \"'%s' should be upper case.\"\nscope: table\nmatch: $upper",
  };

  it.each([
    ['sentence case passes', '# Getting started with Northwind\n', []],
    ['a capital after an indicator passes', '# Step one: Install the app\n', []],
    ['Title Case is no sentence case', '# Getting Started With The App\n', ["1:3 Test.Sentence warning 'Getting Started With The App' should be in sentence case."]],
    ['title case (AP) in h2', '## the art of war\n', ["1:4 Test.Title warning 'the art of war' should be 'The Art of War'."]],
    ['title case passes', '## The Art of War\n', []],
    ['$upper in table cells', '| Code |\n|---|\n| SAVE20 |\n| save10 |\n', ["1:3 Test.Upper warning 'Code' should be upper case.", "4:3 Test.Upper warning 'save10' should be upper case."]],
  ])('%s', async (_name, text, expected) => {
    expect((await findings(rules, text)).filter((line) => !(line.includes('Test.Sentence') && text.startsWith('##')))).toEqual(expected);
  });
});

describe('scopes', () => {
  const rules = {
    NotHeadings: 'extends: existence\nmessage: Found.\nscope: ~heading\nignorecase: true\ntokens: [north]',
    Raw: "extends: existence\nmessage: No bold markup.\nscope: raw\nnonword: true\ntokens: ['\\*\\*']",
    Lists: 'extends: capitalization\nmessage: "\'%s\' should be lower case."\nscope: list\nmatch: $lower',
    Codes: "extends: capitalization\nmessage: \"'%s' is no code.\"\nscope: table.cell\nmatch: '^[A-Z]+\\d+$'",
  };

  it('negation, raw markup, list items and table cells', async () => {
    const text = '# North\n\nGo **north**.\n\n- fine item\n- Not fine\n\n| A1 |\n|---|\n| b2 |\n';
    expect(await findings(rules, text)).toEqual([
      '3:4 Test.Raw warning No bold markup.',
      '3:6 Test.NotHeadings warning Found.',
      '3:11 Test.Raw warning No bold markup.',
      "6:3 Test.Lists warning 'Not fine' should be lower case.",
      "10:3 Test.Codes warning 'b2' is no code.",
    ]);
  });
});

describe('metric and readability (summary of the whole document)', () => {
  it('metric: a formula over Vale variables with its condition', async () => {
    const rules = { Long: 'extends: metric\nmessage: "Try to keep the average sentence under 10 words (%s)."\nformula: words / sentences\ncondition: "> 10"' };
    expect(await findings(rules, 'This sentence has quite a lot of words in it, more than ten for sure.\n')).toEqual([
      '1:1 Test.Long warning Try to keep the average sentence under 10 words (15.00).',
    ]);
    expect(await findings(rules, 'Short one. Another.\n')).toEqual([]);
  });

  it('metric: heading counts and math functions', async () => {
    const rules = { Headings: 'extends: metric\nmessage: "Too many top headings (%s)."\nformula: math.max(heading.h1, 0) + 0 * words\ncondition: "> 1"' };
    expect(await findings(rules, '# One\n\n# Two\n\nText.\n')).toEqual(['1:1 Test.Headings warning Too many top headings (2.00).']);
  });

  it('readability: the mean of the metrics above the grade', async () => {
    const rules = { Grade: 'extends: readability\nmessage: "Grade %s is too high."\ngrade: 8\nmetrics:\n  - Flesch-Kincaid\n  - Gunning Fog' };
    expect(await findings(rules, 'Notwithstanding considerable organizational complexities, implementation necessitates comprehensive institutional coordination.\n')).toEqual([
      expect.stringMatching(/^1:1 Test\.Grade warning Grade \d+\.\d\d is too high\.$/),
    ]);
    expect(await findings(rules, 'We like cats. Cats like us.\n')).toEqual([]);
  });
});

describe('spelling', () => {
  it('the packaged English dictionary, default filters, ignore files and the vocabulary', async () => {
    const dir = await project({
      'styles/Test/Spelling.yml': "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nignore:\n  - words.txt\nfilters:\n  - '[pP]y.*\\b'",
      'styles/config/ignore/words.txt': 'Northwind\n',
      'styles/config/vocabularies/Brand/accept.txt': 'CloudPack\n',
      '.vale.ini': 'StylesPath = styles\nVocab = Brand\n[*.md]\nBasedOnStyles = Test\n',
    });
    const loaded = { dir, ...(await loadValeSource(path.join(dir, '.vale.ini'))) };
    expect(loaded.diagnostics).toEqual([]);
    expect((await lint(loaded, 'Northwind ships CloudPack with pytest and HTML and CamelCase. It is recieved.\n')).findings).toEqual([
      "1:69 Test.Spelling warning Did you really mean 'recieved'?",
    ]);
    // The ini's section is `*.md`: a text file is not checked.
    expect((await lint(loaded, 'It is recieved.\n', 'doc.txt')).findings).toEqual([]);
  });

  it('a Hunspell dictionary of the style (dicpath + dictionaries) replaces the packaged one', async () => {
    const loaded = await style(
      { Brand: "extends: spelling\nmessage: \"Unknown word '%s'.\"\ndicpath: dicts\ndictionaries:\n  - brand" },
      { 'styles/dicts/brand.aff': 'SET UTF-8\n', 'styles/dicts/brand.dic': '3\nnorthwind\ntrail\nmate\n' },
    );
    expect(loaded.diagnostics).toEqual([]);
    expect((await lint(loaded, 'Northwind trail mate house.\n')).findings).toEqual(["1:22 Test.Brand warning Unknown word 'house'."]);
  });

  it('a dictionary that is not there is a positioned notice, and the rule does not run', async () => {
    const loaded = await style({ Spelling: "extends: spelling\nmessage: \"'%s'?\"\ndicpath: dicts\ndictionaries:\n  - fr_FR" });
    expect(loaded.diagnostics.map(show)).toEqual([expect.stringMatching(/^5:3 vale\/unsupported warning Test\.Spelling: Hunspell dictionary "fr_FR" not found/)]);
    expect(loaded.rules).toEqual([]);
  });
});

describe('sequence', () => {
  it('pattern tokens with skip and negate', async () => {
    const rules = {
      Vague: "extends: sequence\nmessage: \"'%s' is vague.\"\nignorecase: true\ntokens:\n  - pattern: a\n  - pattern: number\n    skip: 1\n  - pattern: of\n  - pattern: 'days?'\n    negate: true",
    };
    expect(await findings(rules, 'We saw a large number of users.\n\nIt took a number of days.\n')).toEqual(["1:8 Test.Vague warning 'a large number of users' is vague."]);
  });

  it('tokens with part-of-speech tags (Penn Treebank, en-pos)', async () => {
    const rules = {
      Passive: "extends: sequence\nmessage: \"'%s' may be passive.\"\ntokens:\n  - tag: VBD|VBZ|VBP\n    pattern: '^(?:was|were|is|are)$'\n  - tag: RB\n    skip: 1\n  - tag: VBN",
      NotAdverb: "extends: sequence\nmessage: \"'%s'.\"\ntokens:\n  - pattern: '^very$'\n  - tag: JJ\n    negate: true",
    };
    expect(await findings(rules, 'The cake was quickly eaten. The cake was very good. We ate it.\n')).toEqual(["1:10 Test.Passive warning 'was quickly eaten' may be passive."]);
    expect(await findings(rules, 'He ran very fast.\n')).toEqual(["1:8 Test.NotAdverb warning 'very fast'."]);
  });

});

describe('notices and errors when loading', () => {
  it.each([
    ['script is a notice', 'extends: script\nmessage: x\nscript: |\n  matches := []\n', /^1:10 vale\/unsupported warning Test\.Rule: `script` rules run Tengo scripts/],
    ['an unknown key is an error', 'extends: existence\nmessage: x\ntokens: [a]\ntokenz: [b]\n', /^4:9 vale\/unknown-key error Test\.Rule: unknown key "tokenz"/],
    ['a bad regular expression is an error', "extends: existence\nmessage: x\ntokens:\n  - '(unclosed'\n", /^4:5 vale\/invalid-value error Test\.Rule: invalid regular expression "\(unclosed"/],
    ['a bad level', 'extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n', /^3:8 vale\/invalid-value error Test\.Rule: 'level' must be one of suggestion, warning, error/],
    ['no extends', 'message: x\ntokens: [a]\n', /^1:1 vale\/missing-key error Test\.Rule: missing the required 'extends' key/],
    ['an unknown extension point', 'extends: grammar\nmessage: x\n', /^1:10 vale\/invalid-value error Test\.Rule: 'extends' must be one of/],
    ['a removed scope', 'extends: existence\nmessage: x\nscope: code\ntokens: [a]\n', /^3:8 vale\/invalid-value error Test\.Rule: scope 'code' is no longer supported/],
    ['an unknown readability metric', 'extends: readability\nmessage: x\ngrade: 8\nmetrics:\n  - Dale-Chall\n', /^5:3 vale\/unsupported warning Test\.Rule: unknown readability metric "Dale-Chall"/],
    ['a formula that does not parse', 'extends: metric\nmessage: x\nformula: words / (\ncondition: "> 1"\n', /^3:10 vale\/invalid-value error Test\.Rule: expected a value at the end/],
  ])('%s', async (_name, yaml, expected) => {
    const loaded = await style({ Rule: yaml });
    expect(loaded.diagnostics.map(show)).toEqual([expect.stringMatching(expected)]);
  });
});

describe('.vale.ini', () => {
  it('StylesPath, BasedOnStyles, per-glob sections, levels, MinAlertLevel, unsupported keys', async () => {
    const dir = await project({
      'styles/Test/Will.yml': 'extends: existence\nmessage: Avoid will.\nlevel: suggestion\ntokens: [will]',
      'styles/Test/We.yml': 'extends: existence\nmessage: Avoid we.\nlevel: warning\nignorecase: true\ntokens: [we]',
      'styles/Test/Very.yml': 'extends: existence\nmessage: Avoid very.\nlevel: error\ntokens: [very]',
      '.vale.ini': [
        'StylesPath = styles',
        'MinAlertLevel = warning',
        'Packages = Google',
        '',
        '[*]',
        'BasedOnStyles = Test',
        '',
        '[*.txt]',
        'Test.We = NO',
        'Test.Very = warning',
        '',
        '[drafts/*.md]',
        'Test = NO',
      ].join('\n'),
    });
    const loaded = { dir, ...(await loadValeSource(path.join(dir, '.vale.ini'))) };
    expect(loaded.diagnostics.map(show)).toEqual([expect.stringMatching(/^3:1 vale\/unsupported warning "Packages" is not honoured/)]);
    const text = 'We will be very quick.\n';
    // Will is a suggestion, below MinAlertLevel.
    expect((await lint(loaded, text, 'doc.md')).findings).toEqual(['1:1 Test.We warning Avoid we.', '1:12 Test.Very error Avoid very.']);
    expect((await lint(loaded, text, 'notes/doc.txt')).findings).toEqual(['1:12 Test.Very warning Avoid very.']);
    expect((await lint(loaded, text, 'drafts/doc.md')).findings).toEqual([]);
  });

  it('Vocab: accepted terms become Vale.Terms, rejected ones Vale.Avoid (with BasedOnStyles = Vale)', async () => {
    const dir = await project({
      'styles/config/vocabularies/Brand/accept.txt': 'Northwind\nCloudPack\n',
      'styles/config/vocabularies/Brand/reject.txt': 'synergy\n',
      '.vale.ini': 'StylesPath = styles\nVocab = Brand\n[*]\nBasedOnStyles = Vale\n',
    });
    const loaded = { dir, ...(await loadValeSource(path.join(dir, '.vale.ini'))) };
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rules.map((rule) => rule.meta.id).sort()).toEqual(['Vale.Avoid', 'Vale.Repetition', 'Vale.Spelling', 'Vale.Terms']);
    const rules = { ...loaded, rules: loaded.rules.filter((rule) => rule.meta.id !== 'Vale.Spelling') };
    const { findings: found } = await lint(rules, 'Try northwind for synergy, the the end.\n');
    const { output } = await lint(rules, 'Try northwind for synergy, the the end.\n', 'doc.md', true);
    expect(found).toEqual([
      "1:5 Vale.Terms error Use 'Northwind' instead of 'northwind'.",
      "1:19 Vale.Avoid error Avoid using 'synergy'.",
      "1:28 Vale.Repetition error 'the' is repeated!",
    ]);
    expect(output).toBe('Try Northwind for synergy, the the end.\n');
  });

  it('a style named in BasedOnStyles that is not there is an error', async () => {
    const dir = await project({ '.vale.ini': 'StylesPath = styles\n[*]\nBasedOnStyles = Missing\n', 'styles/.keep': '' });
    const loaded = await loadValeSource(path.join(dir, '.vale.ini'));
    expect(loaded.diagnostics.map(show)).toEqual([expect.stringMatching(/vale\/not-found error style "Missing" does not exist/)]);
  });
});

describe('directives', () => {
  const rules = { Will: 'extends: existence\nmessage: Avoid will.\ntokens: [will]', We: 'extends: existence\nmessage: Avoid we.\nignorecase: true\ntokens: [we]' };

  it('vale off/on and vale Style.Rule = NO/YES are honoured, and never reported unused', async () => {
    const text = [
      'We will go.',
      '',
      '<!-- vale off -->',
      '',
      'We will go.',
      '',
      '<!-- vale on -->',
      '<!-- vale Test.Will = NO -->',
      '',
      'We will go.',
      '',
      '<!-- vale Test.Will = YES -->',
      '<!-- vale Test = NO -->',
      '',
      'We will go.',
      '',
      '<!-- vale Other.Rule = NO -->',
    ].join('\n');
    expect(await findings(rules, text)).toEqual(['1:1 Test.We warning Avoid we.', '1:4 Test.Will warning Avoid will.', '10:1 Test.We warning Avoid we.']);
  });

  it('brandlint directives name a style or one of its rules', async () => {
    const text = '<!-- brandlint-disable-next-line Test -->\nWe will go.\n<!-- brandlint-disable-next-line Test.We -->\nWe will go.\n';
    expect(await findings(rules, text)).toEqual(['4:4 Test.Will warning Avoid will.']);
  });

  it('vale comments do not switch off brandlint rules', async () => {
    const loaded = await style(rules);
    const result = await lintText({
      text: '<!-- vale off -->\nWe will use our synergy.\n',
      file: 'doc.md',
      channel: 'article',
      rules: [...loaded.rules, ...(await import('../../../test/packs/helpers.js')).packRules('id: t\ndescription: t\nrules:\n  - id: syn\n    kind: existence\n    message: No synergy.\n    tokens: [synergy]\n')],
    });
    expect(result.diagnostics.map(show)).toEqual(['2:17 t/syn warning No synergy.']);
  });
});

describe('loading through packs:', () => {
  it('a style folder, a StylesPath and a .vale.ini load next to pack files; their files are the cache sources', async () => {
    const dir = await project({
      'styles/Test/Will.yml': 'extends: existence\nmessage: Avoid will.\ntokens: [will]',
      'styles/Other/We.yml': 'extends: existence\nmessage: Avoid we.\ntokens: [we]',
      'styles/config/vocabularies/X/accept.txt': 'foo\n',
    });
    const loaded = await loadRulePacks({ shipped: false, files: [path.join(dir, 'styles')] });
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.catalogue).filter((id) => id.includes('.')).sort()).toEqual(['Other.We', 'Test.Will']);
    expect(loaded.packs.map((pack) => pack.id)).toEqual(['brand', 'Other', 'Test']);
    expect(loaded.sources.map((file) => path.relative(dir, file)).sort()).toEqual(['styles/Other/We.yml', 'styles/Test/Will.yml']);
    const again = await loadRulePacks({ shipped: false, files: [path.join(dir, 'styles'), path.join(dir, 'styles', 'Test')] });
    expect(again.diagnostics.map((d) => d.message)).toEqual(['Vale style "Test" is already loaded from ' + path.join(dir, 'styles')]);
  });
});

describe('regular expressions: Go syntax in JavaScript', () => {
  it.each([
    ['(?i)colou?r', 'Colour', true],
    ['(?i)(?-i:NASA) rocks', 'NASA ROCKS', true],
    ['(?i)(?-i:NASA) rocks', 'nasa rocks', false],
    ['a(?i)bc', 'aBC', true],
    ['a(?i)bc', 'ABC', false],
    ['(?P<word>\\w+)\\s\\k<word>', 'the the', true],
    ["don\\'t", "don't", true],
    ['[[:alpha:]]+\\d', 'abc1', true],
    ['\\Aat start', 'at start here', true],
    ['x{', 'x{', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['[^\\s-]+', 'ab', true],
  ])('%s ~ %s: %s', (pattern, text, matches) => {
    const { source, flags } = translateValeRegex(pattern);
    expect(new RegExp(source, flags).test(text)).toBe(matches);
  });
});
