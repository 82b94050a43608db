import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/position.js';
import { createResult, type LintNotice } from '../../src/engine/result.js';
import { compact } from '../../src/report/formatters/compact.js';
import { escapeData, escapeProperty, github } from '../../src/report/formatters/github.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/report/formatters/index.js';
import { escapeXml, junit } from '../../src/report/formatters/junit.js';
import { sarif } from '../../src/report/formatters/sarif.js';

const source = '<html>\n  <p style="color: #ff0000">Hi!</p>\n\t<img src="logo.png">\n<p>20% off\nuntil May</p>\n';
const lines = new LineIndex(source);
const at = (text: string) => {
  const start = source.indexOf(text);
  return lines.rangeAt(start, start + text.length);
};

const offer: Diagnostic = {
  ruleId: 'campaign-offer-mismatch',
  severity: 'error',
  message: 'offer 20% off, but the campaign offers 15%: a, b',
  file: 'emails/welcome.html',
  range: at('20% off\nuntil'),
  related: [{ file: 'landing/spring page.html', range: new LineIndex('x\n15% off').rangeAt(2, 9), message: 'the reference offer 15% off' }],
};
const diagnostics: Diagnostic[] = [
  {
    ruleId: 'color-off-palette',
    severity: 'error',
    message: 'color #ff0000 is not in the brand palette',
    file: 'emails/welcome.html',
    range: at('#ff0000'),
    actual: '#ff0000',
    expected: ['#1f5135'],
    fix: { description: 'use color.brand.primary', edits: [{ range: at('#ff0000'), text: '#1f5135' }] },
    docsUrl: 'https://example.test/rules/color-off-palette/README.md',
  },
  { ruleId: 'img-alt-missing', severity: 'warning', message: 'image has no <alt> & "text"', file: 'emails/welcome.html', range: at('<img src="logo.png">') },
  offer,
];
const results = [
  createResult({ file: 'emails/welcome.html', absolutePath: '/p/emails/welcome.html', channel: 'email', source }, diagnostics),
  createResult({ file: 'index.html', absolutePath: '/p/index.html', channel: 'landing', source: '<p>ok</p>' }, []),
  createResult({ file: 'bad.html', absolutePath: '/p/bad.html', channel: 'landing' }, [
    { ruleId: 'file/not-utf8', severity: 'error', message: 'file is not valid UTF-8', file: 'bad.html', range: null },
  ]),
];
const notices: LintNotice[] = [{ kind: 'skipped', file: 'logo.png', message: 'binary file; skipped' }];
const context = {
  cwd: '/p',
  color: false,
  notices,
  toolVersion: '1.2.3',
  exitCode: 1,
  rules: { 'color-off-palette': { description: 'colors come from the palette', docsUrl: 'https://example.test/rules/color-off-palette/README.md', fixable: true } },
};

describe('formatter registry', () => {
  it.each(['stylish', 'json', 'compact', 'sarif', 'github', 'junit'])('knows %s', async (name) => {
    expect(FORMATTER_NAMES).toContain(name);
    expect(typeof (await loadFormatter(name))).toBe('function');
  });
});

describe('compact', () => {
  it('prints one line per finding and a count', () => {
    expect(compact(results, context)).toBe(
      [
        'emails/welcome.html: line 2, col 20, Error - color #ff0000 is not in the brand palette (color-off-palette)',
        'emails/welcome.html: line 3, col 2, Warning - image has no <alt> & "text" (img-alt-missing)',
        'emails/welcome.html: line 4, col 4, Error - offer 20% off, but the campaign offers 15%: a, b (campaign-offer-mismatch)',
        'bad.html: line 1, col 1, Error - file is not valid UTF-8 (file/not-utf8)',
        '',
        '4 problems',
        '',
      ].join('\n'),
    );
  });
  it('prints nothing when clean', () => expect(compact([results[1]!], context)).toBe(''));
});

describe('github', () => {
  it.each([
    ['percent', '100%', '100%25', '100%25'],
    ['line breaks', 'a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['colon and comma', 'a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
  ])('escapes %s', (_name, text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  it('writes one workflow command per finding; columns only for one-line ranges', () => {
    expect(github(results, context).split('\n')).toEqual([
      '::error file=emails/welcome.html,line=2,col=20,endLine=2,endColumn=27,title=color-off-palette::color #ff0000 is not in the brand palette',
      '::warning file=emails/welcome.html,line=3,col=2,endLine=3,endColumn=22,title=img-alt-missing::image has no <alt> & "text"',
      '::error file=emails/welcome.html,line=4,endLine=5,title=campaign-offer-mismatch::offer 20%25 off, but the campaign offers 15%25: a, b',
      '::error file=bad.html,title=file/not-utf8::file is not valid UTF-8',
      '',
    ]);
  });

  it('escapes paths with commas and colons', () => {
    const odd = createResult({ file: 'a,b:c.html', absolutePath: '/p/a,b:c.html', channel: 'landing' }, [
      { ruleId: 'x', severity: 'warning', message: 'm', file: 'a,b:c.html', range: null },
    ]);
    expect(github([odd], context)).toBe('::warning file=a%2Cb%3Ac.html,title=x::m\n');
  });
});

describe('junit', () => {
  it.each([
    ['<a href="x">&</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 gone', 'bell gone'],
    ['two\nlines', 'two&#10;lines'],
  ])('escapes %j', (text, escaped) => expect(escapeXml(text)).toBe(escaped));

  it('has a suite per file and a failing test case per finding; clean files pass', () => {
    const xml = junit(results, context);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="brandlint" tests="5" failures="4" errors="0" time="0">')).toBe(true);
    expect(xml).toContain('<testsuite name="emails/welcome.html" tests="3" failures="3" errors="0" skipped="0" time="0">');
    expect(xml).toContain(
      '<testcase classname="emails/welcome.html" name="img-alt-missing" time="0">\n      <failure type="warning" message="image has no &lt;alt&gt; &amp; &quot;text&quot;">line 3, col 2, Warning - image has no &lt;alt&gt; &amp; &quot;text&quot; (img-alt-missing)</failure>',
    );
    expect(xml).toContain('<testsuite name="index.html" tests="1" failures="0" errors="0" skipped="0" time="0">\n    <testcase classname="index.html" name="brandlint" time="0"/>');
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('sarif', () => {
  const log = JSON.parse(sarif(results, context));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with the tool, its version and rule metadata', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver).toMatchObject({ name: 'brandlint', version: '1.2.3', informationUri: expect.stringMatching(/^https:/) });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['campaign-offer-mismatch', 'color-off-palette', 'file/not-utf8', 'img-alt-missing']);
    expect(run.tool.driver.rules[1]).toEqual({
      id: 'color-off-palette',
      shortDescription: { text: 'colors come from the palette' },
      helpUri: 'https://example.test/rules/color-off-palette/README.md',
      help: { text: 'See https://example.test/rules/color-off-palette/README.md' },
      properties: { fixable: true },
    });
  });

  it('gives each finding its rule index, level, message and 1-based region relative to %SRCROOT%', () => {
    expect(run.results).toHaveLength(4);
    const [color, image] = run.results;
    expect(color).toMatchObject({
      ruleId: 'color-off-palette',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'color #ff0000 is not in the brand palette' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'emails/welcome.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 20, endLine: 2, endColumn: 27 } } }],
      properties: { actual: '#ff0000', expected: ['#1f5135'] },
    });
    expect(image).toMatchObject({ ruleIndex: 3, level: 'warning' });
    expect(run.results[3].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'bad.html', uriBaseId: '%SRCROOT%' } } }]);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///p/');
  });

  it('carries fixes as artifact changes with replacements', () => {
    expect(run.results[0].fixes).toEqual([
      {
        description: { text: 'use color.brand.primary' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'emails/welcome.html', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 20, endLine: 2, endColumn: 27 }, insertedContent: { text: '#1f5135' } }],
          },
        ],
      },
    ]);
    expect(run.results[1].fixes).toBeUndefined();
  });

  it('carries related locations of consistency findings (URIs percent-encoded)', () => {
    expect(run.results[2].relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'landing/spring%20page.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 8 } },
        message: { text: 'the reference offer 15% off' },
      },
    ]);
  });

  it('reports the exit code and notices in the invocation', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        exitCode: 1,
        toolExecutionNotifications: [
          {
            level: 'note',
            message: { text: 'binary file; skipped' },
            descriptor: { id: 'brandlint/skipped' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'logo.png', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('fingerprints findings so that moving lines keeps them', () => {
    const moved = '\n\n' + source;
    const movedLines = new LineIndex(moved);
    const start = moved.indexOf('#ff0000');
    const again = createResult({ file: 'emails/welcome.html', absolutePath: '/p/emails/welcome.html', channel: 'email', source: moved }, [
      { ...diagnostics[0]!, range: movedLines.rangeAt(start, start + 7) },
    ]);
    const movedLog = JSON.parse(sarif([again], context));
    expect(movedLog.runs[0].results[0].partialFingerprints).toEqual(run.results[0].partialFingerprints);
    expect(movedLog.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(4);
  });
});
