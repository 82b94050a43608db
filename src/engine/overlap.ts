/**
 * One finding per phrase among the word-choice rules. The brand pack, the other rule packs and
 * prose-style read the same words, so "guys", "world-class" or "utilize" can be reported by two
 * of them. The most specific rule keeps the phrase: the brand pack (`brand/*`, written for this
 * brand) before every other pack (`inclusive-language/*`, `plain-language/*`, a project's own)
 * before `prose-style` (generic write-good checks).
 *
 * Two findings are about the same phrase when one range contains the other and the shorter one's
 * text is part of the longer one's (`guys` in `you guys`). Findings that measure form rather than
 * word choice (capitals, exclamation marks, emoji, reading grade) are never merged, and rules of
 * the same tier never hide each other.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Range } from '../core/position.js';
import { groupOf } from './rules.js';

/** Brand-pack rules about form, not words: they flag other things than the word rules do. */
const FORM_RULES: ReadonlySet<string> = new Set(['brand/shouting', 'brand/exclamation', 'brand/emoji', 'brand/reading-grade']);

/** 0 = most specific. Undefined: not a word-choice rule (never merged). */
function voiceTier(ruleId: string): number | undefined {
  if (ruleId === 'prose-style') return 2;
  const pack = groupOf(ruleId);
  if (pack === null || FORM_RULES.has(ruleId)) return undefined;
  return pack === 'brand' ? 0 : 1;
}

const contains = (outer: Range, inner: Range): boolean => outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;

interface Candidate {
  finding: Diagnostic;
  tier: number;
  range: Range;
  text: string;
}

function samePhrase(a: Candidate, b: Candidate): boolean {
  const [outer, inner] = contains(a.range, b.range) ? [a, b] : contains(b.range, a.range) ? [b, a] : [null, null];
  return outer !== null && inner !== null && inner.text.length > 0 && outer.text.includes(inner.text);
}

/**
 * Drops a word-choice finding about the same phrase as a finding of a more specific rule. Run
 * after directives, so a finding disabled by a directive does not hide another rule's.
 */
export function dropOverlappingVoiceFindings(findings: readonly Diagnostic[]): Diagnostic[] {
  const byLine = new Map<number, Candidate[]>();
  for (const finding of findings) {
    const tier = voiceTier(finding.ruleId);
    if (tier === undefined || !finding.range || finding.actual === undefined) continue;
    const candidate = { finding, tier, range: finding.range, text: finding.actual.toLowerCase() };
    const line = finding.range.start.line;
    const onLine = byLine.get(line);
    if (onLine) onLine.push(candidate);
    else byLine.set(line, [candidate]);
  }
  const dropped = new Set<Diagnostic>();
  for (const candidates of byLine.values()) {
    if (candidates.length < 2) continue;
    // A phrase lies within the other's range: sorted by start (the longer first), each candidate
    // meets only the ones starting inside it, not every finding of the line (a minified page is one line).
    candidates.sort((a, b) => a.range.start.offset - b.range.start.offset || b.range.end.offset - a.range.end.offset);
    for (let i = 0; i < candidates.length; i++) {
      const outer = candidates[i]!;
      for (let j = i + 1; j < candidates.length && candidates[j]!.range.start.offset < outer.range.end.offset; j++) {
        const other = candidates[j]!;
        if (other.tier === outer.tier || !samePhrase(outer, other)) continue;
        dropped.add(other.tier > outer.tier ? other.finding : outer.finding);
      }
    }
  }
  return dropped.size === 0 ? [...findings] : findings.filter((finding) => !dropped.has(finding));
}
