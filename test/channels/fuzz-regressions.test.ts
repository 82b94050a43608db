import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint-text.js';
import { ADAPTERS, allRulesAndBrand, checkAdapter, checkFixer, parse } from './properties/properties.js';

/** Inputs `npm run fuzz` found, each fixed in the adapter or engine (issue 11). */
const adapter = (name: string) => ADAPTERS.find((candidate) => candidate.name === name)!;

describe('found by the fuzzer', () => {
  it('CSS: a syntax error postcss reports without a place (NaN) is positioned at the start, not at NaN', async () => {
    const css = '@media screen { p { color: red } }\na:hover { border: \u0000; font-family: < }\n\u{10000}\n/* unterminated\n@media screen { .x { { border: <; font-size: <; font-size: ;: ;; background-color: \u0000\u0000 } }\n';
    const document = await parse(adapter('landing/css'), css);
    for (const problem of document.parseProblems) expect(Number.isInteger(problem.range?.start.offset)).toBe(true);
    await checkAdapter(adapter('landing/css'), css);
  });

  it('.eml: a fix in a base64 body never lands in the file (decoded offsets are not file offsets)', async () => {
    // postal-mime reads the text of the broken second part into the first: the decoded text is longer than its part.
    const body = ['dmVyeSB2ZXJ5IGxvbmcgc2VudGVuY2UgdGhhdCBnb2VzIG9uIGFuZCBvbiB3aXRoIG1hbnkgd29y', 'ZHMgc28gdGhhdCB0aGUgcmVhZGluZyBncmFkZSByaXNlcyBhbmQgcmlzZXMgd2l0aG91dCBhIHN0', 'b3AgTm9ydGh3aW5kIA7wkICA8JCAgOCggA=='].join('\n');
    const html = ['JiN4RDgwMDvwkICA8JCAgPCQgIAAwoDgoIDgoIDgoIAgPCU9IG5hbWUgJT4gTm9ydGh3aW5kIE5v', 'cnRod2luZCB7eyNpZiB2aXB9fSBlLW1haWwgQnV5IG5vdyEhISAjTm9ydGh3aW5kPCEtLSBicmFu', 'ZGxpbnQtZGlzYWJsZS1uZXh0LWxpbmUgLS0+Y2FsbCArMSA1NTUgMDEwMCBnYW1lLWNoYW5nZXIg', 'JDQ5Ljk5IE5vcnRod2luZCB7eyNpZiB2aXB9fSBOb3J0aHdpbmQgW1tzaG9ydGNvZGVdXQ=='].join('\n');
    const text = ['Subject: boots', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body, '--b1', '\u0000Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', html, '--b1--', ''].join('\n');
    const { rules, brand } = await allRulesAndBrand();
    const eml = adapter('email/eml');
    const result = await lintText({ text, file: eml.file, channel: 'email', rules, brand, fix: true, parse: (input) => parse(eml, input.text) });
    expect(result.output).toBe(text);
    const document = await parse(eml, text);
    const bodyStart = text.indexOf(body);
    // Every position in the decoded body points at the start of the part.
    for (const run of document.textRuns.filter((candidate) => candidate.scope === 'body')) expect([run.range.start.offset, run.range.end.offset]).toEqual([bodyStart, bodyStart]);
  });

  it.each([
    ['email/html', 'a stray "<" before the doctype', '<<!doctype html>\n<html lang="en">\n<head><title></title></head>\n<body>Northwind Northwind Northwind North Wind</body>\n</html>'],
    ['landing/html', 'text before the doctype', 'x<!doctype html><body>North Wind is here</body>'],
    [
      'email/mjml',
      'a table opened inside mj-text',
      '<mjml>\n<mj-head><mj-title></mj-title><mj-preview></mj-preview><mj-attributes><mj-all font-family="Arial" /></mj-attributes></mj-head>\n<mj-body><mj-section><mj-column>\n<mj-text>Northwind<table href="#ff0000">Northwind Northwind \u0001 leverage Northwind</mj-text>\n</mj-column></mj-section></mj-body>\n</mjml>',
    ],
  ])('%s, %s: text the HTML parser joined across ignored markup is never fixed in the wrong place', async (name, _what, text) => {
    const { rules, brand } = await allRulesAndBrand();
    const html = adapter(name);
    const result = await lintText({ text, file: html.file, channel: html.channel, rules, brand, fix: true, parse: (input) => parse(html, input.text) });
    // The markup survives whole, and no word is cut into another (`NorthwinNorthwindnd` before).
    const tags = (html: string) => html.match(/<\/?[\w:!-]+/g);
    expect(tags(result.output)).toEqual(tags(text));
    expect(result.output).not.toMatch(/[a-z]Northwind|Northwind[a-z]/);
    await checkFixer(html, text);
  });
});

