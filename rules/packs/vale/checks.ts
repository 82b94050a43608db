/**
 * Vale's extension points over brandlint's blocks, with Vale's matching semantics (read at the
 * source: `internal/check/*.go`): how a rule's tokens become one regular expression (`\b(?:...)\b`
 * unless `nonword`, `(?i)` with `ignorecase`, `raw` before or after), how exceptions and the
 * vocabulary's accepted terms excuse a match, which part of a match is reported, and what `%s`
 * in a message becomes. Each check only reports; `compile.ts` turns hits into diagnostics.
 */
import { allMatches } from '../../../src/core/all-matches.js';
import type { SourceCode } from '../../../src/core/source-code.js';
import type { ContentDocument } from '../../../src/core/document.js';
import type { Range } from '../../../src/core/position.js';
import { matchCase } from '../../../src/core/prose.js';
import { blockMatches, blockRange, blocksOf, parseScope, sentencesOfBlock, type ValeBlock } from './blocks.js';
import { checkSentenceCase, checkTitleCase, type CaseOptions } from './case.js';
import { compileValeRegex, translateValeRegex, uncaptured } from './regex.js';
import type { ValeDefinition } from './style.js';

/** A piece of text a rule reads: a block, a sentence, the whole document or its raw markup. */
export interface CheckPart {
  text: string;
  range(start: number, end: number): Range;
}

export interface ValeHit {
  range: Range;
  message: string;
  actual?: string;
  /** A replacement of `range` (substitution with one suggestion). */
  replacement?: string;
  expected?: string[];
}

export interface ValeRunContext {
  document: ContentDocument;
  source: SourceCode;
  report(hit: ValeHit): void;
}

export type ValeCheck = (context: ValeRunContext) => void;

/** What a check needs besides its definition: the vocabulary and the configuration's word template. */
export interface ValeEnv {
  /** Accepted terms of the vocabulary (regular expressions). */
  accepted: readonly string[];
  /** `WordTemplate` of `.vale.ini` (default `\b(?:%s)\b`). */
  wordTemplate?: string;
}

const WORD_TEMPLATE = '\\b(?:%s)\\b';
const NONWORD_TEMPLATE = '(?:%s)';

/** Vale's `%s` substitution: each `%s` takes the next value, `%%` is `%`, missing values leave `%s`. */
export function formatValeMessage(message: string, ...values: string[]): string {
  let next = 0;
  return message.replace(/%%|%s/g, (token) => (token === '%%' ? '%' : next < values.length ? values[next++]! : token));
}

/** Vale's `ToSentence`: `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`. */
function toSentence(words: readonly string[]): string {
  if (words.length === 1) return `'${words[0]}'`;
  if (words.length === 2) return `'${words[0]}' or '${words[1]}'`;
  return words.map((word, index) => (index === words.length - 1 ? `or '${word}'` : `'${word}'`)).join(', ');
}

/** Exceptions (and accepted vocabulary) as Vale tests them: a word-bounded, case-sensitive (unless `(?i)`) search in the match. */
export function exceptionTest(exceptions: readonly string[], accepted: readonly string[], vocab: boolean): (text: string) => boolean {
  const all = [...exceptions, ...(vocab ? accepted : [])].filter((entry) => entry.trim() !== '');
  const patterns = all.flatMap((entry) => {
    const insensitive = entry.startsWith('(?i)');
    try {
      const { source, flags } = translateValeRegex(`\\b(?:${insensitive ? entry.slice(4) : entry})\\b`, insensitive);
      return [new RegExp(source, flags)];
    } catch {
      return [];
    }
  });
  return (text) => patterns.some((pattern) => pattern.test(text));
}

/** The parts of a document a rule's scopes select. */
export function partsFor(source: SourceCode, scopes: readonly string[]): CheckPart[] {
  const { document } = source;
  if (scopes.some((scope) => scope === 'raw')) {
    return [{ text: document.text, range: (start, end) => document.lines.rangeAt(start, end) }];
  }
  const blocks = blocksOf(source);
  if (scopes.some((scope) => scope === 'summary')) return [summaryPart(document, blocks)];
  const parts: CheckPart[] = [];
  const selectors = scopes.map(parseScope);
  const sentenceScopes = selectors.filter((selector) => selector.parts.some((part) => !part.negated && part.names[0] === 'sentence'));
  const blockScopes = selectors.filter((selector) => !sentenceScopes.includes(selector));
  for (const block of blocks) {
    if (blockScopes.length > 0 && blockMatches(block, blockScopes)) parts.push(blockPart(document, block, 0, block.text));
    else if (sentenceScopes.length > 0 && block.kind !== 'alt' && block.kind !== 'heading') {
      for (const sentence of sentencesOfBlock(block)) parts.push(blockPart(document, block, sentence.offset, sentence.text));
    }
  }
  return parts;
}

function blockPart(document: ContentDocument, block: ValeBlock, offset: number, text: string): CheckPart {
  return { text, range: (start, end) => blockRange(document, block, offset + start, offset + end) };
}

/** The whole document's prose, blocks separated by blank lines. */
function summaryPart(document: ContentDocument, blocks: readonly ValeBlock[]): CheckPart {
  const starts: number[] = [];
  let text = '';
  for (const block of blocks) {
    if (block.kind === 'alt') continue;
    if (text !== '') text += '\n\n';
    starts.push(text.length);
    text += block.text;
  }
  const used = blocks.filter((block) => block.kind !== 'alt');
  return {
    text,
    range: (start, end) => {
      let index = 0;
      while (index + 1 < starts.length && starts[index + 1]! <= start) index++;
      const block = used[index];
      if (!block) return document.lines.rangeAt(0, 0);
      return blockRange(document, block, start - starts[index]!, Math.min(block.text.length, end - starts[index]!));
    },
  };
}

/** Matches of a global regex (empty matches skipped). */
function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    yield match;
  }
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);

function wordWrapped(template: string | undefined, nonword: boolean, body: string): string {
  return (nonword ? NONWORD_TEMPLATE : (template ?? WORD_TEMPLATE)).replace('%s', body);
}

// ---------------------------------------------------------------------------------------------

export function existenceCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const tokens = asStrings(options['tokens']).filter((token) => token.trim() !== '');
  const raw = asStrings(options['raw']).join('');
  const nonword = flag(options['nonword'], false) || tokens.length === 0;
  const core = wordWrapped(env.wordTemplate, nonword, tokens.join('|'));
  const source = `(?m)${flag(options['append'], false) ? core + raw : raw + core}`;
  const pattern = compileValeRegex(source, flag(options['ignorecase'], false));
  const excepted = exceptionTest(asStrings(options['exceptions']), env.accepted, flag(options['vocab'], true));
  return ({ document, source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      for (const match of matchesOf(pattern, part.text)) {
        if (excepted(match[0].trim())) continue;
        report({ range: part.range(match.index, match.index + match[0].length), message: formatValeMessage(definition.message, match[0]), actual: match[0] });
      }
    }
  };
}

/** Whether a suggestion equals what was found (Vale's `matchToken`: a phrase literally, else as a whole-string pattern). */
function sameAs(expected: string, observed: string): boolean {
  if (/^[\p{L}\p{N} -]*$/u.test(expected)) return expected === observed;
  try {
    const { source, flags } = translateValeRegex(`^(?:${expected})$`);
    return new RegExp(source, flags).test(observed);
  } catch {
    return expected === observed;
  }
}

export function substitutionCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const ignoreCase = flag(options['ignorecase'], false);
  const swap = options['swap'] as Record<string, unknown>;
  // Longest key first (Vale sorts by length; equal lengths keep the file's order here).
  const keys = Object.keys(swap).sort((a, b) => b.length - a.length);
  const replacements = keys.map((key) => String(swap[key] ?? ''));
  const body = keys.map((key) => `(${uncaptured(key)})`).join('|');
  const pattern = compileValeRegex(`(?m)${wordWrapped(env.wordTemplate, flag(options['nonword'], false), body)}`, ignoreCase);
  const keyPatterns = new Map<number, RegExp>();
  const excepted = exceptionTest(asStrings(options['exceptions']), env.accepted, flag(options['vocab'], true));
  const capitalize = flag(options['capitalize'], false);
  const replaceAction = definition.action.name === 'replace' && definition.action.params.length === 0;
  const message = replaceAction ? convertMessage(definition.message) : definition.message;
  return ({ document, source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      for (const match of matchesOf(pattern, part.text)) {
        const group = match.findIndex((value, index) => index > 0 && value !== undefined);
        if (group < 1) continue;
        const found = match[group]!;
        const start = match.index + match[0].indexOf(found);
        const observed = found.trim();
        let expected = replacements[group - 1]!;
        if (capitalize && observed === capFirst(observed)) expected = capFirst(expected);
        if (/\$\d/.test(expected)) {
          let keyPattern = keyPatterns.get(group);
          if (!keyPattern) keyPatterns.set(group, (keyPattern = compileValeRegex(keys[group - 1]!, ignoreCase)));
          expected = observed.replace(keyPattern, expected);
        }
        if (sameAs(expected, observed) || excepted(observed)) continue;
        const choices = expected.split('|');
        // At the start of a sentence the suggestion starts with a capital (`Are not` -> `Aren't`),
        // and a word in capitals gets one in capitals; elsewhere it is as the style writes it.
        const sentenceStart = /(?:^|[.!?:]\s+)$/.test(part.text.slice(0, start).trimEnd() === '' ? '' : part.text.slice(0, start));
        const cased = choices.map((choice) =>
          /^[\p{L}\p{N} '’-]*$/u.test(choice) && (sentenceStart || (observed.length > 1 && observed === observed.toUpperCase())) ? matchCase(observed, choice) : choice,
        );
        const shown = replaceAction ? toSentence(cased) : cased.join('|');
        const leading = found.length - found.trimStart().length;
        const range = part.range(start + leading, start + leading + observed.length);
        report({
          range,
          message: formatValeMessage(message, shown, observed),
          actual: observed,
          expected: cased,
          ...(cased.length === 1 ? { replacement: cased[0]! } : {}),
        });
      }
    }
  };
}

function capFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Vale does not quote a suggestion twice: with two `'%s'`, the first loses its quotes. */
function convertMessage(message: string): string {
  for (const spec of ["'%s'", '"%s"']) {
    if (message.split(spec).length - 1 === 2) return message.replace(spec, '%s');
  }
  return message;
}

export function occurrenceCheck(definition: ValeDefinition): ValeCheck {
  const { options } = definition;
  const pattern = compileValeRegex(`(?:${String(options['token'] ?? '')})`, flag(options['ignorecase'], false));
  const max = typeof options['max'] === 'number' ? options['max'] : 0;
  const min = typeof options['min'] === 'number' ? options['min'] : 0;
  return ({ document, source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      const found = [...matchesOf(pattern, part.text)];
      if (!((max > 0 && found.length > max) || (min > 0 && found.length < min))) continue;
      const message = formatValeMessage(definition.message, String(found.length));
      if (found.length === 0) {
        report({ range: part.range(0, 0), message });
        continue;
      }
      const first = found.find((match) => match[0].trim() !== '' && !/^[*@]+$/.test(match[0]));
      if (first) report({ range: part.range(first.index, first.index + first[0].length), message, actual: String(found.length) });
    }
  };
}

export function repetitionCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const ignoreCase = flag(options['ignorecase'], false);
  const pattern = compileValeRegex(`(${asStrings(options['tokens']).join('|')})`, ignoreCase);
  const max = typeof options['max'] === 'number' ? options['max'] : 0;
  const alpha = flag(options['alpha'], false);
  const excepted = exceptionTest(asStrings(options['exceptions']), env.accepted, flag(options['vocab'], true));
  return ({ document, source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      let previous = '';
      let previousStart = 0;
      let count = 0;
      for (const match of matchesOf(pattern, part.text)) {
        const current = match[0].trim();
        let hit = ignoreCase ? current.toLowerCase() === previous.toLowerCase() && current !== '' : current === previous && current !== '';
        hit &&= !alpha || /^\p{L}+$/u.test(current);
        if (hit) count++;
        if (hit && count > max) {
          const span = part.text.slice(previousStart, match.index + match[0].length);
          if (!span.includes('\n') && !excepted(span)) {
            report({ range: part.range(previousStart, match.index + match[0].length), message: formatValeMessage(definition.message, current), actual: span });
            count = 0;
          }
        }
        previousStart = match.index;
        previous = current;
      }
    }
  };
}

export function consistencyCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const either = options['either'] as Record<string, unknown>;
  const steps = Object.keys(either).map((first) => ({
    pattern: compileValeRegex(`(?m)${wordWrapped(env.wordTemplate, flag(options['nonword'], false), `(${first})|(${String(either[first])})`)}`, flag(options['ignorecase'], false)),
    first,
  }));
  return ({ document, source, report }) => {
    // Which spellings the file has used so far, in block order (Vale keeps this per file).
    const seen = new Set<string>();
    for (const part of partsFor(source, definition.scope)) {
      steps.forEach((step, index) => {
        let last: RegExpExecArray | null = null;
        for (const match of matchesOf(step.pattern, part.text)) {
          if (match[1] !== undefined) seen.add(`${index}:1`);
          if (match[2] !== undefined) seen.add(`${index}:2`);
          last = match;
        }
        if (last && seen.has(`${index}:1`) && seen.has(`${index}:2`)) {
          report({ range: part.range(last.index, last.index + last[0].length), message: formatValeMessage(definition.message, last[0]), actual: last[0] });
        }
      });
    }
  };
}

export function conditionalCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const first = compileValeRegex(String(options['first'] ?? ''));
  const second = compileValeRegex(String(options['second'] ?? ''));
  const excepted = exceptionTest(asStrings(options['exceptions']), env.accepted, flag(options['vocab'], true));
  return ({ document, source, report }) => {
    // Definitions met so far in the file (an acronym is defined before its later uses).
    const defined = new Set<string>();
    for (const part of partsFor(source, definition.scope)) {
      for (const match of matchesOf(second, part.text)) for (const group of match.slice(1)) if (group) defined.add(group);
      for (const match of matchesOf(first, part.text)) {
        if (defined.has(match[0]) || excepted(match[0])) continue;
        report({ range: part.range(match.index, match.index + match[0].length), message: formatValeMessage(definition.message, match[0]), actual: match[0] });
      }
    }
  };
}

export function capitalizationCheck(definition: ValeDefinition, env: ValeEnv): ValeCheck {
  const { options } = definition;
  const vocab = flag(options['vocab'], true);
  const exceptions = [...asStrings(options['exceptions']), ...(vocab ? env.accepted : [])];
  const caseOptions: CaseOptions = {
    exceptions,
    isException: exceptionTest(asStrings(options['exceptions']), env.accepted, vocab),
    indicators: asStrings(options['indicators']),
    threshold: typeof options['threshold'] === 'number' && options['threshold'] !== 0 ? options['threshold'] : 0.8,
    prefix: typeof options['prefix'] === 'string' ? options['prefix'] : '',
  };
  const match = String(options['match'] ?? '');
  let test: (text: string) => { expected: string; ok: boolean };
  if (match === '$sentence') test = (text) => checkSentenceCase(text, caseOptions);
  else if (match === '$title') test = (text) => checkTitleCase(text, caseOptions, options['style'] === 'Chicago' ? 'Chicago' : 'AP');
  else if (match === '$lower' || match === '$upper') {
    test = (text) => {
      const expected = match === '$lower' ? text.toLowerCase() : text.toUpperCase();
      return { expected, ok: text === expected || caseOptions.isException(text) };
    };
  } else {
    const pattern = compileValeRegex(match, false, '');
    test = (text) => ({ expected: match, ok: pattern.test(text) || caseOptions.isException(text) });
  }
  return ({ document, source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      const { expected, ok } = test(part.text);
      if (ok) continue;
      report({
        range: part.range(0, part.text.length),
        message: formatValeMessage(definition.message, part.text, expected),
        actual: part.text,
        expected: [expected],
        ...(definition.action.name === 'replace' && (match === '$sentence' || match === '$title') ? { replacement: expected } : {}),
      });
    }
  };
}

interface SequenceToken {
  pattern: RegExp | null;
  /** Part-of-speech tag pattern (Penn Treebank tags: `NN`, `VB[DN]`, `JJ.*`). */
  tag: RegExp | null;
  negate: boolean;
  skip: number;
}

/** Penn Treebank tags of a sentence's words (en-pos), for `sequence` tokens with a `tag`. */
export type Tagger = (words: readonly string[]) => string[];

/**
 * `sequence` rules: consecutive words of a sentence that match the tokens in order (a token's
 * `skip` lets up to that many other words come before it). A token's `pattern` is searched in
 * the word (unanchored, as in Vale), its `tag` in the word's part-of-speech tag; `negate` turns
 * both around. Tags need the tagger (loaded only for rules that use tags).
 */
export function sequenceCheck(definition: ValeDefinition, tagger: Tagger | null): ValeCheck {
  const ignoreCase = flag(definition.options['ignorecase'], false);
  const tokens: SequenceToken[] = (definition.options['tokens'] as Array<Record<string, unknown>>).map((token) => ({
    pattern: typeof token['pattern'] === 'string' && token['pattern'] !== '' ? compileValeRegex(`(?m)(?:${token['pattern']})`, ignoreCase, '') : null,
    tag: typeof token['tag'] === 'string' && token['tag'] !== '' ? compileValeRegex(String(token['tag']), false, '') : null,
    negate: token['negate'] === true,
    skip: typeof token['skip'] === 'number' ? token['skip'] : 0,
  }));
  const usesTags = tokens.some((token) => token.tag !== null);
  return ({ document, source, report }) => {
    for (const part of partsFor(source, ['sentence'])) {
      const words = allMatches(part.text, /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
      const tags = usesTags && tagger ? tagger(words.map((word) => word[0])) : [];
      const fits = (token: SequenceToken, index: number): boolean => {
        const word = words[index]![0];
        const patternOk = token.pattern === null || token.pattern.test(word) !== token.negate;
        const tagOk = token.tag === null || token.tag.test(tags[index] ?? '') !== token.negate;
        return patternOk && tagOk;
      };
      // Token k may follow up to `skip` other words after token k-1.
      const from = (k: number, at: number): number | null => {
        if (k === tokens.length) return at;
        const token = tokens[k]!;
        for (let gap = 0; gap <= token.skip && at + gap < words.length; gap++) {
          if (!fits(token, at + gap)) continue;
          const end = from(k + 1, at + gap + 1);
          if (end !== null) return end;
        }
        return null;
      };
      for (let start = 0; start < words.length; start++) {
        if (!fits(tokens[0]!, start)) continue;
        const end = from(1, start + 1);
        if (end === null) continue;
        const last = words[end - 1]!;
        const text = part.text.slice(words[start]!.index, last.index + last[0].length);
        report({ range: part.range(words[start]!.index, last.index + last[0].length), message: formatValeMessage(definition.message, text), actual: text });
        start = end - 1;
      }
    }
  };
}
