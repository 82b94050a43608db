/**
 * Vale's `capitalization` checks (`internal/check/variables.go` over jdkato/twine's strcase):
 * `$title` (AP or Chicago style), `$sentence`, `$lower`, `$upper`, or a pattern. A block passes
 * when at least `threshold` (default 0.8) of its words are as the style writes them, are
 * exceptions, or (title case) are in capitals.
 */

/** Words AP style writes in lower case inside a title: articles, coordinating conjunctions, prepositions of up to three letters. */
const AP_SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'if', 'in', 'nor', 'of', 'off', 'on', 'or', 'per', 'so', 'the', 'to', 'up', 'via', 'vs', 'vs.', 'yet']);
/** Chicago lower-cases every preposition, whatever its length. */
const CHICAGO_SMALL = new Set([
  ...AP_SMALL,
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'before', 'behind', 'below', 'beneath', 'beside',
  'between', 'beyond', 'down', 'during', 'except', 'from', 'inside', 'into', 'like', 'near', 'onto', 'out', 'outside', 'over',
  'past', 'since', 'through', 'throughout', 'toward', 'under', 'underneath', 'until', 'upon', 'with', 'within', 'without',
]);

/** Vale's word pattern for comparing a text with its converted form. */
const WORD = /[\p{N}\p{L}*]+[^\s]*/gu;

export interface CaseOptions {
  exceptions: readonly string[];
  /** Exceptions as one matcher (Vale's `exceptRe`), tested against a word. */
  isException: (word: string) => boolean;
  indicators: readonly string[];
  threshold: number;
  prefix: string;
}

function capitalize(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return first.toUpperCase() + word.slice(first.length);
}

/** The exception spelled as the vocabulary writes it, when a word is one (case-insensitively). */
function vocabSpelling(word: string, exceptions: readonly string[]): string | undefined {
  const bare = word.replace(/[^\p{L}\p{N}'’-]+$/u, '');
  const found = exceptions.find((exception) => exception.toLowerCase() === bare.toLowerCase());
  return found === undefined ? undefined : found + word.slice(bare.length);
}

/** A text in sentence case: first word (and the word after an indicator) capitalised, the rest lower case unless vocabulary. */
export function toSentenceCase(text: string, options: Pick<CaseOptions, 'exceptions' | 'indicators' | 'prefix'>): string {
  let capNext = true;
  let index = 0;
  const body = options.prefix && text.startsWith(options.prefix) ? text.slice(options.prefix.length) : text;
  const converted = body.replace(/\S+/g, (word) => {
    const vocab = vocabSpelling(word, options.exceptions);
    let out: string;
    if (vocab !== undefined) out = vocab;
    else out = capNext ? capitalize(word.toLowerCase()) : word.toLowerCase();
    capNext = options.indicators.some((indicator) => word.endsWith(indicator)) || (index === 0 && /^\d+\.$/.test(word));
    index++;
    return out;
  });
  return (options.prefix && text.startsWith(options.prefix) ? options.prefix : '') + converted;
}

/** A text in title case (AP or Chicago): every word capitalised but small words inside the title. */
export function toTitleCase(text: string, options: Pick<CaseOptions, 'exceptions' | 'prefix'>, style: 'AP' | 'Chicago'): string {
  const small = style === 'Chicago' ? CHICAGO_SMALL : AP_SMALL;
  const words = [...text.matchAll(/\S+/g)];
  let out = '';
  let at = 0;
  words.forEach((match, index) => {
    const word = match[0];
    out += text.slice(at, match.index);
    at = match.index + word.length;
    const vocab = vocabSpelling(word, options.exceptions);
    const previous = index > 0 ? words[index - 1]![0] : '';
    const edge = index === 0 || index === words.length - 1 || /[:.!?]$/.test(previous);
    if (vocab !== undefined) out += vocab;
    else if (!edge && small.has(word.toLowerCase())) out += word.toLowerCase();
    else out += word.split('-').map((part) => (part === '' ? part : capitalize(part))).join('-');
  });
  return out + text.slice(at);
}

function ratio(text: string, expected: string, options: CaseOptions, firstWordRule: boolean, capsPass: boolean): boolean {
  const expectedWords = expected.match(WORD) ?? [];
  let count = 0;
  let words = 0;
  const found = text.match(WORD) ?? [];
  for (const [index, word] of found.entries()) {
    if (index >= expectedWords.length || word === expectedWords[index] || options.isException(word)) count++;
    else if (capsPass && word === word.toUpperCase()) count++;
    else if (firstWordRule && index === 0 && word !== capitalize(word.toLowerCase())) return false;
    words++;
  }
  return words === 0 || count / words >= options.threshold;
}

/** Whether a heading (or any block) passes `$sentence`; also the expected form. */
export function checkSentenceCase(text: string, options: CaseOptions): { expected: string; ok: boolean } {
  const expected = toSentenceCase(text, options);
  return { expected, ok: ratio(text, expected, options, true, false) };
}

export function checkTitleCase(text: string, options: CaseOptions, style: 'AP' | 'Chicago'): { expected: string; ok: boolean } {
  const expected = toTitleCase(text, options, style);
  return { expected, ok: ratio(text, expected, options, false, true) };
}
