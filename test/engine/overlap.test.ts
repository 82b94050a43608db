import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { LineIndex } from '../../src/core/position.js';
import { lintText } from '../../src/engine/lint-text.js';
import { dropOverlappingVoiceFindings } from '../../src/engine/overlap.js';
import { shippedRule } from '../packs/helpers.js';
import { loadExampleBrand } from '../rule-tester.js';
import proseStyle from '../../rules/prose-style/index.js';

const text = 'Hey you guys, our world-class team will utilize it.';
const lines = new LineIndex(text);
const at = (ruleId: string, start: number, end: number): Diagnostic => ({ ruleId, severity: 'warning', message: ruleId, file: 'a.html', range: lines.rangeAt(start, end), actual: text.slice(start, end) });
const ids = (findings: Diagnostic[]) => findings.map((finding) => finding.ruleId);

describe('dropOverlappingVoiceFindings', () => {
  const cases: Array<{ name: string; findings: Diagnostic[]; kept: string[] }> = [
    { name: 'brand pack before another pack', findings: [at('inclusive-language/gendered-words', 8, 12), at('brand/banned', 8, 12)], kept: ['brand/banned'] },
    { name: 'brand pack before prose-style', findings: [at('prose-style', 18, 29), at('brand/banned', 18, 29)], kept: ['brand/banned'] },
    { name: 'a pack before prose-style', findings: [at('prose-style', 40, 47), at('plain-language/utilize', 40, 47)], kept: ['plain-language/utilize'] },
    { name: 'a phrase that holds the same word', findings: [at('inclusive-language/gendered-words', 4, 12), at('brand/banned', 8, 12)], kept: ['brand/banned'] },
    { name: 'the narrower rule keeps its phrase whichever is longer', findings: [at('prose-style', 4, 12), at('inclusive-language/gendered-words', 8, 12)], kept: ['inclusive-language/gendered-words'] },
    { name: 'neighbouring spans are both kept', findings: [at('prose-style', 4, 7), at('brand/banned', 8, 12)], kept: ['prose-style', 'brand/banned'] },
    { name: 'a span whose text differs (a grade, a count) is kept', findings: [{ ...at('plain-language/sentence-length', 0, 51), actual: '10 words' }, at('prose-style', 40, 47)], kept: ['plain-language/sentence-length', 'prose-style'] },
    { name: 'form rules are never merged', findings: [at('brand/shouting', 18, 29), at('brand/reading-grade', 0, 51), at('prose-style', 18, 29)], kept: ['brand/shouting', 'brand/reading-grade', 'prose-style'] },
    { name: 'same tier: both kept', findings: [at('marketing-cliches/cliches', 18, 29), at('plain-language/wordy', 18, 29)], kept: ['marketing-cliches/cliches', 'plain-language/wordy'] },
    { name: 'non-voice rules are never merged', findings: [at('color-off-palette', 18, 29), at('campaign-offer-mismatch', 18, 29), at('brand/banned', 18, 29)], kept: ['color-off-palette', 'campaign-offer-mismatch', 'brand/banned'] },
    { name: 'findings without a range are kept', findings: [{ ...at('prose-style', 0, 1), range: null }, at('brand/banned', 0, 1)], kept: ['prose-style', 'brand/banned'] },
  ];
  for (const { name, findings, kept } of cases) {
    it(name, () => expect(ids(dropOverlappingVoiceFindings(findings))).toEqual(kept));
  }
});

describe('dropOverlappingVoiceFindings on many findings of one line', () => {
  /** The definition: a finding goes when a finding of a lower tier is about the same phrase (every pair compared). */
  function byDefinition(findings: Diagnostic[]): string[] {
    const tier = (id: string) => (id === 'prose-style' ? 2 : id.startsWith('brand/') ? 0 : 1);
    const same = (a: Diagnostic, b: Diagnostic) => {
      const [x, y] = [a.range!, b.range!];
      const aInB = y.start.offset <= x.start.offset && x.end.offset <= y.end.offset;
      const bInA = x.start.offset <= y.start.offset && y.end.offset <= x.end.offset;
      const [outer, inner] = bInA ? [a, b] : aInB ? [b, a] : [null, null];
      return outer !== null && inner!.actual!.length > 0 && outer.actual!.toLowerCase().includes(inner!.actual!.toLowerCase());
    };
    return findings.filter((f) => !findings.some((o) => tier(o.ruleId) < tier(f.ruleId) && same(f, o))).map((f) => `${f.ruleId}@${f.range!.start.offset}-${f.range!.end.offset}`);
  }

  it('drops exactly what comparing every pair drops', () => {
    const rules = ['brand/banned', 'plain-language/utilize', 'inclusive-language/ableist', 'prose-style'];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      const findings = Array.from({ length: 60 }, () => {
        const start = Math.floor(next() * 45);
        return at(rules[Math.floor(next() * rules.length)]!, start, Math.min(text.length, start + 1 + Math.floor(next() * 8)));
      });
      expect(dropOverlappingVoiceFindings(findings).map((f) => `${f.ruleId}@${f.range!.start.offset}-${f.range!.end.offset}`)).toEqual(byDefinition(findings));
    }
  });
});

describe('one finding per phrase in a real lint', () => {
  it('"you guys", "world-class" and "utilize" are each reported once, by the most specific rule', async () => {
    const rules = await Promise.all(['brand/banned', 'inclusive-language/gendered-words', 'marketing-cliches/cliches', 'plain-language/utilize'].map(shippedRule));
    const result = await lintText({ text: `<p>${text}</p>`, channel: 'email', brand: await loadExampleBrand(), rules: [...rules, proseStyle] });
    expect(result.diagnostics.map((d) => [d.ruleId, d.range?.start.column, d.range?.end.column])).toEqual([
      ['brand/banned', 12, 16],
      ['brand/banned', 22, 33],
      ['plain-language/utilize', 44, 51],
    ]);
  });
});
