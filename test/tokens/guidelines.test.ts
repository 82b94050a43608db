import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Range } from '../../src/core/position.js';
import { isTokenReference, loadGuidelines, parseGuidelines, referenceName } from '../../src/tokens/guidelines.js';

const EXAMPLE = fileURLToPath(new URL('../../tokens/brand.guidelines.yaml', import.meta.url));

function span(range: Range | null | undefined): string | null {
  return range ? `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : null;
}

/** A minimal valid file (4 lines) followed by `rest`: positions in `rest` start on line 5. */
function doc(rest: string): string {
  return `version: 1\nbrand:\n  name: Northwind\n  domains: [northwind.example]\n${rest}`;
}

describe('the example guideline file (tokens/brand.guidelines.yaml)', () => {
  it('loads without diagnostics', async () => {
    const { guidelines, diagnostics } = await loadGuidelines(EXAMPLE);
    expect(diagnostics).toEqual([]);
    expect(guidelines).not.toBeNull();
  });

  it('says what the Northwind brief says', async () => {
    const { guidelines } = await loadGuidelines(EXAMPLE);
    if (!guidelines) throw new Error('example did not load');
    expect(guidelines.brand).toMatchObject({ name: 'Northwind', domains: ['northwind.example'] });

    const assets = guidelines.logos?.assets ?? [];
    expect(assets.map((a) => [a.id, a.files, a.minWidth])).toEqual([
      ['primary', ['northwind-logo.svg', 'northwind-logo.png', 'northwind-logo@2x.png'], '{logo.primary.min-width}'],
      ['mark', ['northwind-mark.svg'], '{logo.mark.min-width}'],
    ]);
    expect(assets[0]?.clearSpace).toBe('{logo.primary.clear-space}');
    expect(guidelines.logos?.altText).toEqual({ required: true, mustMention: ['Northwind'] });

    const names = Object.fromEntries(guidelines.voice.names.map((n) => [n.term, n]));
    expect(names['Northwind']?.wrong).toEqual(expect.arrayContaining(['NorthWind', 'North Wind', 'NORTHWIND']));
    expect(names['CloudPack']).toMatchObject({ trademark: '™' });
    expect(names['CloudPack']?.wrong).toEqual(expect.arrayContaining(['Cloud Pack', 'Cloudpack', 'Cloud-Pack']));
    expect(names['TrailMate']?.wrong).toEqual(expect.arrayContaining(['Trail Mate', 'Trailmate']));
    expect(names['Northwind Rewards']).toBeDefined();

    expect(guidelines.voice.banned.map((b) => b.phrase)).toEqual(expect.arrayContaining(['cheap', 'world-class', 'guys']));
    expect(guidelines.voice.preferred).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ use: 'sign in', instead: expect.arrayContaining(['login', 'log in']) }),
        expect.objectContaining({ use: 'email', instead: ['e-mail'] }),
      ]),
    );
    expect(guidelines.voice.exclamation?.maxPerMessage).toBe(1);
    expect(guidelines.channels.email?.subject).toEqual({ maxLength: 60, maxExclamations: 0 });
    expect(guidelines.voice.emoji?.allowed).toEqual(['social', 'chatbot']);
    expect(guidelines.voice.readingGrade).toEqual({ email: 8, landing: 9, chatbot: 6, social: 7 });
    expect(guidelines.voice.acronyms).toEqual(expect.arrayContaining(['GPS', 'UV', 'USA', 'FAQ', 'SMS']));
    expect(guidelines.channels.email?.preheader).toEqual({ required: true, maxLength: 100 });
    expect(guidelines.channels.social).toMatchObject({
      brandHashtag: '#Northwind',
      platforms: {
        x: { maxLength: 280, linkLength: 23 },
        linkedin: { maxLength: 3000 },
        instagram: { maxLength: 2200, maxHashtags: 5 },
      },
    });
    expect(guidelines.channels.sms).toEqual({ maxSegments: 1 });
  });
});

describe('valid guideline files', () => {
  it('applies defaults to a minimal file', () => {
    const { guidelines, diagnostics } = parseGuidelines(doc(''), 'g.yaml');
    expect(diagnostics).toEqual([]);
    expect(guidelines).toEqual({
      version: 1,
      brand: { name: 'Northwind', domains: ['northwind.example'] },
      voice: { names: [], banned: [], preferred: [], acronyms: [] },
      channels: {},
    });
  });

  it.each([
    ['px sizes', 'logos:\n  assets:\n    - { id: primary, files: [logo.svg], minWidth: 120, clearSpace: 16.5 }\n'],
    ['a banned pattern', 'voice:\n  banned:\n    - { pattern: "\\\\bcheap(er|est)?\\\\b", suggest: affordable }\n'],
    ['emoji allowed everywhere', 'voice:\n  emoji: { allowed: true }\n'],
    ['per-channel exclamation limits', 'voice:\n  exclamation: { maxPerMessage: 1, perChannel: { email: 0, sms: 0 } }\n'],
    ['landing limits', 'channels:\n  landing: { title: { maxLength: 60 }, metaDescription: { minLength: 50, maxLength: 160 } }\n'],
    [
      'entries with locales',
      'voice:\n  names: [{ term: CloudPack, locales: [en] }]\n  banned: [{ phrase: tanio, locales: [pl, pl-PL] }]\n  preferred: [{ use: sign in, instead: [login], locales: [en_GB] }]\n  acronyms: [GPS, { acronym: UE, locales: [pl] }]\n',
    ],
    ['non-ASCII hashtags and acronyms', 'channels:\n  social: { brandHashtag: "#NorthwindÅr", platforms: {} }\nvoice:\n  acronyms: [ÅÄÖ, B2B, "R&D"]\n'],
  ])('accepts %s', (_name, rest) => {
    const { guidelines, diagnostics } = parseGuidelines(doc(rest), 'g.yaml');
    expect(diagnostics).toEqual([]);
    expect(guidelines).not.toBeNull();
  });

  it('normalises suggest to a list', () => {
    const { guidelines } = parseGuidelines(doc('voice:\n  banned:\n    - { phrase: cheap, suggest: affordable }\n'), 'g.yaml');
    expect(guidelines?.voice.banned[0]).toEqual({ phrase: 'cheap', suggest: ['affordable'], caseSensitive: false });
  });

  it('reads JSON when the file name says so', () => {
    const { guidelines, diagnostics } = parseGuidelines(
      '{"version": 1, "brand": {"name": "Northwind", "domains": ["northwind.example"]}}',
      'g.json',
    );
    expect(diagnostics).toEqual([]);
    expect(guidelines?.brand.name).toBe('Northwind');
  });
});

describe('invalid guideline files', () => {
  it.each([
    [
      'unknown key with did-you-mean',
      doc('voice:\n  exclamations: { maxPerMessage: 1 }\n'),
      'guidelines/unknown-key',
      '6:3-6:15',
      'unknown key "exclamations" in voice (did you mean "exclamation"?); expected one of: names, banned, preferred, exclamation, emoji, readingGrade, acronyms, tone',
    ],
    [
      'unknown top-level key',
      doc('colours: {}\n'),
      'guidelines/unknown-key',
      '5:1-5:8',
      'unknown key "colours" at the top level; expected one of: version, brand, typeScale, logos, voice, channels, print',
    ],
    [
      'British spelling of a key',
      doc('logos:\n  assets: [{ id: primary, files: [a.svg], minWidth: 1 }]\n  recognize: {}\n'),
      'guidelines/unknown-key',
      '7:3-7:12',
      'unknown key "recognize" in logos (did you mean "recognise"?); expected one of: assets, recognise, altText',
    ],
    ['version', 'version: 2\nbrand: { name: N, domains: [n.example] }\n', 'guidelines/invalid-value', '1:10-1:11', 'version: expected 1, got number 2'],
    ['missing brand', 'version: 1\n', 'guidelines/missing-key', '1:1-2:1', 'missing required key "brand" at the top level (expected object)'],
    [
      'missing brand name, at the brand key',
      'version: 1\nbrand:\n  domains: [n.example]\n',
      'guidelines/missing-key',
      '2:1-2:6',
      'missing required key "name" in brand (expected string)',
    ],
    [
      'domain with a scheme',
      'version: 1\nbrand:\n  name: N\n  domains: ["https://northwind.example"]\n',
      'guidelines/invalid-value',
      '4:13-4:40',
      'brand.domains[0]: expected a bare domain such as "northwind.example" (no scheme, path or port), got string "https://northwind.example"',
    ],
    [
      'logo size with a unit',
      doc('logos:\n  assets:\n    - id: primary\n      files: [logo.svg]\n      minWidth: 120px\n'),
      'guidelines/invalid-value',
      '9:17-9:22',
      'logos.assets[0].minWidth: expected a number of pixels or a token reference like "{logo.primary.min-width}", got string "120px"',
    ],
    [
      'malformed token reference',
      doc('logos:\n  assets:\n    - id: primary\n      files: [logo.svg]\n      minWidth: "{logo..min-width}"\n'),
      'guidelines/invalid-value',
      '9:17-9:36',
      'logos.assets[0].minWidth: expected a number of pixels or a token reference like "{logo.primary.min-width}", got string "{logo..min-width}"',
    ],
    [
      'logo size of zero',
      doc('logos:\n  assets:\n    - { id: primary, files: [logo.svg], minWidth: 0 }\n'),
      'guidelines/invalid-value',
      '7:51-7:52',
      'logos.assets[0].minWidth: must be greater than 0, got number 0',
    ],
    [
      'logo without files',
      doc('logos:\n  assets:\n    - { id: primary, files: [], minWidth: 10 }\n'),
      'guidelines/invalid-value',
      '7:29-7:31',
      'logos.assets[0].files: must not be empty',
    ],
    [
      'duplicate logo id',
      doc('logos:\n  assets:\n    - { id: primary, files: [a.svg], minWidth: 10 }\n    - { id: primary, files: [b.svg], minWidth: 10 }\n'),
      'guidelines/duplicate',
      '8:13-8:20',
      'logos.assets[1].id: duplicate logo id "primary" (first defined at index 0)',
    ],
    [
      'trademark sign',
      doc('voice:\n  names:\n    - term: CloudPack\n      trademark: TM\n'),
      'guidelines/invalid-value',
      '8:18-8:20',
      'voice.names[0].trademark: expected one of "™", "®", got string "TM"',
    ],
    [
      'wrong spelling equal to the term',
      doc('voice:\n  names:\n    - { term: CloudPack, wrong: [Cloud Pack, CloudPack] }\n'),
      'guidelines/invalid-value',
      '7:46-7:55',
      'voice.names[0].wrong[1]: "CloudPack" is the correct spelling itself',
    ],
    [
      'bad language tag on a preferred entry',
      doc('voice:\n  preferred:\n    - { use: email, instead: [e-mail], locales: [polish] }\n'),
      'guidelines/invalid-value',
      '7:50-7:56',
      'voice.preferred[0].locales[0]: expected a language tag such as "en", "pl" or "de-DE", got string "polish"',
    ],
    [
      'acronym entry without locales',
      doc('voice:\n  acronyms: [{ acronym: UE }]\n'),
      'guidelines/missing-key',
      '6:14-6:29',
      'missing required key "locales" in voice.acronyms[0] (expected array)',
    ],
    [
      'banned entry with phrase and pattern',
      doc('voice:\n  banned:\n    - { phrase: cheap, pattern: cheap }\n'),
      'guidelines/invalid-value',
      '7:7-7:40',
      'voice.banned[0]: a banned entry needs exactly one of "phrase" or "pattern"',
    ],
    [
      'banned pattern that is not a regular expression',
      doc('voice:\n  banned:\n    - pattern: "cheap("\n'),
      'guidelines/invalid-value',
      '7:16-7:24',
      'voice.banned[0].pattern: invalid regular expression: /cheap(/u: Unterminated group',
    ],
    [
      'preferred term replacing itself',
      doc('voice:\n  preferred:\n    - { use: email, instead: [e-mail, Email] }\n'),
      'guidelines/invalid-value',
      '7:39-7:44',
      'voice.preferred[0].instead[1]: "Email" is the preferred term itself',
    ],
    [
      'unknown channel in emoji.allowed',
      doc('voice:\n  emoji: { allowed: [social, fax] }\n'),
      'guidelines/invalid-value',
      '6:30-6:33',
      'voice.emoji.allowed[1]: expected one of "email", "landing", "chatbot", "social", "article", "print", "sms", got string "fax"',
    ],
    [
      'emoji.allowed of the wrong type',
      doc('voice:\n  emoji: { allowed: social }\n'),
      'guidelines/invalid-type',
      '6:21-6:27',
      'voice.emoji.allowed: expected boolean or array, got string "social"',
    ],
    [
      'reading grade of zero',
      doc('voice:\n  readingGrade: { email: 0 }\n'),
      'guidelines/invalid-value',
      '6:26-6:27',
      'voice.readingGrade.email: must be greater than 0, got number 0',
    ],
    [
      'misspelt channel in readingGrade',
      doc('voice:\n  readingGrade: { emial: 8 }\n'),
      'guidelines/unknown-key',
      '6:19-6:24',
      'unknown key "emial" in voice.readingGrade (did you mean "email"?); expected one of: email, landing, chatbot, social, article, print, sms',
    ],
    [
      'acronym not in capitals',
      doc('voice:\n  acronyms: [GPS, Faq]\n'),
      'guidelines/invalid-value',
      '6:19-6:22',
      'voice.acronyms[1]: expected an acronym in capitals, such as "GPS" (letters, digits, "&"), got string "Faq"',
    ],
    [
      'fractional length',
      doc('channels:\n  email:\n    subject: { maxLength: 60.5 }\n'),
      'guidelines/invalid-type',
      '7:27-7:31',
      'channels.email.subject.maxLength: expected integer, got number 60.5',
    ],
    [
      'minLength above maxLength',
      doc('channels:\n  email:\n    preheader: { required: true, minLength: 120, maxLength: 100 }\n'),
      'guidelines/invalid-value',
      '7:45-7:48',
      'channels.email.preheader.minLength: minLength (120) must not exceed maxLength (100)',
    ],
    [
      'hashtag without #',
      doc('channels:\n  social: { brandHashtag: Northwind }\n'),
      'guidelines/invalid-value',
      '6:27-6:36',
      'channels.social.brandHashtag: expected a hashtag such as "#Northwind" ("#" then letters, digits or "_"), got string "Northwind"',
    ],
    [
      'unknown social platform',
      doc('channels:\n  social:\n    platforms:\n      twitter: { maxLength: 280 }\n'),
      'guidelines/unknown-key',
      '8:7-8:14',
      'unknown key "twitter" in channels.social.platforms; expected one of: x, linkedin, instagram, facebook, threads, bluesky, mastodon, tiktok',
    ],
    [
      'zero SMS segments',
      doc('channels:\n  sms: { maxSegments: 0 }\n'),
      'guidelines/invalid-value',
      '6:23-6:24',
      'channels.sms.maxSegments: must be greater than 0, got number 0',
    ],
    ['YAML syntax error', doc('voice:\n  names: [\n'), 'guidelines/syntax', '7:1-7:1', 'invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate key', doc('voice: {}\nvoice: {}\n'), 'guidelines/duplicate-key', '6:1-6:6', 'duplicate key "voice"'],
  ])('%s', (_name, text, ruleId, at, message) => {
    const { guidelines, diagnostics } = parseGuidelines(text, 'brand.guidelines.yaml');
    expect(guidelines).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId, message, severity: 'error', file: 'brand.guidelines.yaml' });
    expect(span(diagnostics[0]?.range)).toBe(at);
  });

  it('rejects a voice.banned pattern that backtracks catastrophically, at the pattern (issue 11, row 2)', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'brandlint-guidelines-')), 'brand.guidelines.yaml');
    await writeFile(file, doc("voice:\n  banned:\n    - pattern: '\\bclick here\\b'\n    - pattern: '(a|a)*$'\n"));
    const { guidelines, diagnostics } = await loadGuidelines(file);
    expect(guidelines).toBeNull();
    expect(diagnostics.map((d) => `${span(d.range)} ${d.ruleId} ${d.message}`)).toEqual([
      expect.stringMatching(/^8:16-8:25 guidelines\/unsafe-regex pattern "\(a\|a\)\*\$" can backtrack catastrophically .*the alternatives "a" and "a" can match the same text/),
    ]);
  });

  it('reports a missing file as a diagnostic', async () => {
    const { guidelines, diagnostics } = await loadGuidelines('/nonexistent/brand.guidelines.yaml');
    expect(guidelines).toBeNull();
    expect(diagnostics).toEqual([
      { ruleId: 'file/unreadable', severity: 'error', message: 'file not found', file: '/nonexistent/brand.guidelines.yaml', range: null },
    ]);
  });
});

describe('token references', () => {
  it.each([
    ['{logo.primary.min-width}', true, 'logo.primary.min-width'],
    ['{spacing}', true, 'spacing'],
    ['{color.brand.pine 500}', true, 'color.brand.pine 500'],
    ['{logo..min-width}', false, null],
    ['{logo.$type}', false, null],
    ['{ logo.primary }', false, null],
    ['logo.primary', false, null],
    ['{}', false, null],
    ['{a{b}}', false, null],
    [120, false, null],
  ])('%j -> %s', (value, is, name) => {
    expect(isTokenReference(value)).toBe(is);
    expect(referenceName(value)).toBe(name);
  });
});
