import type { PhraseMatch } from './phrase-list.js';

/**
 * write-good's `so` and `thereIs` checks with the same results, in linear time. write-good finds
 * clauses with `/([^\n.;!?]+)([.;!?]+)/gi` and tests how each starts; on a long stretch without
 * `.;!?` that expression is retried from every character (80,000 characters took 15 s). A
 * match is always a whole stretch of characters other than `\n.;!?` that a `.;!?` follows, so
 * the stretches are found in one pass and tested the same way.
 */
const STARTS: Readonly<Record<'so' | 'thereIs', RegExp>> = {
  so: /^(\s)*so\b[\s\S]/i,
  thereIs: /^(\s)*there\b\s(is|are)\b/i,
};

export type ClauseStartCheck = keyof typeof STARTS;

export function clauseStartMatches(text: string, check: ClauseStartCheck): PhraseMatch[] {
  const starts = STARTS[check];
  const matches: PhraseMatch[] = [];
  let at = 0;
  while (at < text.length) {
    if (isClauseEnd(text.charCodeAt(at)) || text.charCodeAt(at) === 10) {
      at++;
      continue;
    }
    const start = at;
    while (at < text.length && !isClauseEnd(text.charCodeAt(at)) && text.charCodeAt(at) !== 10) at++;
    // A clause counts only when `.;!?` ends it (not a line break or the end of the text).
    if (at >= text.length || !isClauseEnd(text.charCodeAt(at))) continue;
    const clause = text.slice(start, at);
    const inner = starts.exec(clause);
    if (inner) {
      const lead = (inner[1] ?? '').length;
      matches.push(check === 'so' ? { index: start + lead, offset: 2 } : { index: start + lead, offset: inner[0].length - lead });
    }
    while (at < text.length && isClauseEnd(text.charCodeAt(at))) at++;
  }
  return matches;
}

/** `.`, `;`, `!` or `?`. */
function isClauseEnd(code: number): boolean {
  return code === 46 || code === 59 || code === 33 || code === 63;
}
