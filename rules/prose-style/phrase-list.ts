import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

/** A suggestion as write-good's word-list checks return it. */
export interface PhraseMatch {
  index: number;
  offset: number;
}

export type PhraseMatcher = (text: string) => PhraseMatch[];

/**
 * The same matches as a write-good word-list package (`no-cliches`, `too-wordy`), found faster.
 *
 * Those packages build one regular expression, `\b(phrase|phrase|...)\b` (flags `gi`), of several
 * hundred phrases, and V8 tries every phrase at every position of the text: most of the
 * prose-style rule's time. Here the package's own expression is split by the first two letters
 * of its phrases, and each group (a sticky expression, in the package's order) is tried only
 * where a word starts with them; a phrase whose second character is not a letter (`a clean
 * slate`, where the space may be absent) is in every group of its first letter. Without the `u`
 * flag, `i` folds ASCII letters only, so those letters decide which phrases can match, and the
 * leftmost match, its phrase and its length are the package's. Small groups, compiled when first
 * needed, also keep the cost of compiling them low for a run over one file. An expression of
 * another shape is used as the package builds it.
 */
export function phraseListMatcher(packageName: string): PhraseMatcher {
  const pattern = packagePattern(packageName);
  const shape = /^\\b((?:\(\?<!-\))?)\((.*)\)\\b$/s.exec(pattern.source);
  const phrases = shape?.[2]!.split('|') ?? [];
  if (!shape || pattern.flags !== 'gi' || phrases.some((phrase) => !/^[a-z](?![?*+{])/i.test(phrase) || /[()]/.test(phrase))) {
    return (text) => {
      const matches: PhraseMatch[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) matches.push({ index: match.index, offset: match[0].length });
      return matches;
    };
  }
  const lookbehind = shape[1]!;
  /** Group by first letter and second letter (`*`: not a letter), compiled on first use; null when no phrase fits. */
  const groups = new Map<string, PhraseGroup | null>();
  const groupFor = (first: number, second: number): PhraseGroup | null => {
    const key = String.fromCharCode(first | 0x20, isAsciiLetter(second) ? second | 0x20 : 42);
    let group = groups.get(key);
    if (group === undefined) {
      const members = phrases.filter((phrase) => {
        if ((phrase.charCodeAt(0) | 0x20) !== key.charCodeAt(0)) return false;
        const next = phrase.charCodeAt(1);
        // A second letter made optional (`ab?c`) does not have to be there.
        return !isAsciiLetter(next) || /^[?*+{]/.test(phrase.slice(2)) || (next | 0x20) === key.charCodeAt(1);
      });
      group = members.length === 0 ? null : { pattern: new RegExp(`${lookbehind}(?:${members.join('|')})\\b`, 'iy'), firstWords: firstWordsOf(members) };
      groups.set(key, group);
    }
    return group;
  };
  return (text) => {
    const matches: PhraseMatch[] = [];
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      // Only where `\b` holds before an ASCII letter: the previous character is not [A-Za-z0-9_].
      if (!isAsciiLetter(code) || (at > 0 && isAsciiWordCharacter(text.charCodeAt(at - 1)))) continue;
      const group = groupFor(code, text.charCodeAt(at + 1));
      if (!group) continue;
      if (group.firstWords) {
        let end = at + 1;
        while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
        if (!group.firstWords.has(text.slice(at, end).toLowerCase())) {
          at = end - 1;
          continue;
        }
      }
      const { pattern: groupPattern } = group;
      groupPattern.lastIndex = at;
      const match = groupPattern.exec(text);
      if (!match) continue;
      matches.push({ index: at, offset: match[0].length });
      at += match[0].length - 1;
    }
    return matches;
  };
}

/** A group's expression, and the first words of its phrases when every phrase starts with a plain one. */
interface PhraseGroup {
  pattern: RegExp;
  firstWords: ReadonlySet<string> | null;
}

/**
 * The first words of phrases (lower case), when each phrase starts with ASCII letters followed by
 * its end or a literal space, apostrophe, comma or hyphen: then a phrase matches only where the
 * text's run of letters is that word (any case: `i` without `u` folds ASCII letters only). Null
 * when a phrase starts otherwise (`colou?r`): its group is tried at every word.
 */
function firstWordsOf(phrases: readonly string[]): ReadonlySet<string> | null {
  const words = new Set<string>();
  for (const phrase of phrases) {
    const plain = /^([a-z]+)(?:$|[ ',-])/i.exec(phrase);
    if (!plain) return null;
    words.add(plain[1]!.toLowerCase());
  }
  return words;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiWordCharacter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * The expressions of the word-list packages, found when the CLI bundle was built
 * (scripts/build.mjs defines it there, from the same packages the bundle holds); not defined elsewhere.
 */
declare const __BRANDLINT_PHRASE_PATTERNS__: Readonly<Record<string, { source: string; flags: string }>> | undefined;

/**
 * The expression a word-list package hands to its `./matcher` module. The packages export only a
 * function, so the module is run with a `require` that captures the expression instead (once, when
 * the CLI bundle is built: reading and compiling the package cost every run ~10 ms).
 */
export function packagePattern(packageName: string): RegExp {
  const built = typeof __BRANDLINT_PHRASE_PATTERNS__ === 'object' ? __BRANDLINT_PHRASE_PATTERNS__[packageName] : undefined;
  if (built) return new RegExp(built.source, built.flags);
  const file = createRequire(import.meta.url).resolve(packageName);
  const run = vm.runInThisContext(`(function (require, module, exports) {\n${readFileSync(file, 'utf8')}\n})`, { filename: file }) as (
    require: (id: string) => unknown,
    module: { exports: unknown },
    exports: unknown,
  ) => void;
  let pattern: RegExp | undefined;
  const module = { exports: {} as unknown };
  run(
    (id) => {
      if (id !== './matcher') throw new Error(`${packageName}: unexpected require("${id}")`);
      return (regex: RegExp) => {
        pattern = regex;
        return [];
      };
    },
    module,
    module.exports,
  );
  if (typeof module.exports === 'function') (module.exports as (text: string) => unknown)('');
  if (!(pattern instanceof RegExp)) throw new Error(`${packageName}: no phrase list found`);
  return pattern;
}
