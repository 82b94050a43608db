/**
 * Vale's `metric` and `readability` extension points: numbers about the whole document (its
 * `summary` scope) and a formula over them. Metric formulas are Tengo expressions in Vale; the
 * arithmetic subset they use is evaluated here by a small parser (numbers, Vale's variables,
 * `+ - * / %`, parentheses, comparisons, `math.sqrt`/`pow`/`abs`/`min`/`max`/`log`/`floor`/
 * `ceil`/`round`), never by `eval`. Variables: `words`, `sentences`, `characters`, `syllables`,
 * `complex_words`, `long_words`, `polysyllabic_words`, `paragraphs`, `heading_h1`...`heading_h6`,
 * `list`, `blockquote`, `pre`.
 */
import type { SourceCode } from '../../../src/core/source-code.js';
import { syllable } from 'syllable';
import type { ContentDocument } from '../../../src/core/document.js';
import { segmenterFor } from '../../../src/core/prose.js';
import { blocksOf } from './blocks.js';
import { formatValeMessage, type ValeCheck } from './checks.js';
import type { ValeDefinition } from './style.js';

export class FormulaError extends Error {
  override name = 'FormulaError';
}

const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt,
  pow: Math.pow,
  abs: Math.abs,
  min: Math.min,
  max: Math.max,
  log: Math.log,
  log10: Math.log10,
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
  exp: Math.exp,
};

type Value = number | boolean;

/** Parses a formula once; the result evaluates it with variables (unknown names are errors). */
export function parseFormula(source: string): (variables: ReadonlyMap<string, number>) => Value {
  const tokens = source.match(/\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[A-Za-z_][A-Za-z0-9_.]*|==|!=|<=|>=|&&|\|\||[-+*/%()<>,!]|\S/g) ?? [];
  let at = 0;
  type Node = (variables: ReadonlyMap<string, number>) => Value;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new FormulaError(`expected ${expected ?? 'a value'}${token ? `, found "${token}"` : ' at the end'}`);
    at++;
    return token;
  };
  const num = (value: Value): number => (typeof value === 'boolean' ? Number(value) : value);
  const binary = (next: () => Node, operators: readonly string[], apply: (op: string, a: Value, b: Value) => Value): (() => Node) => () => {
    let left = next();
    while (operators.includes(peek() ?? '')) {
      const op = take();
      const right = next();
      const l = left;
      left = (v) => apply(op, l(v), right(v));
    }
    return left;
  };
  const primary = (): Node => {
    const token = take();
    if (token === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    if (token === '-' || token === '+' || token === '!') {
      const operand = primary();
      return token === '!' ? (v) => !operand(v) : token === '-' ? (v) => -num(operand(v)) : operand;
    }
    if (/^\d/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    if (/^[A-Za-z_]/.test(token)) {
      if (token.startsWith('math.')) {
        const fn = FUNCTIONS[token.slice(5)];
        if (!fn) throw new FormulaError(`unknown function ${token}`);
        take('(');
        const args: Node[] = [];
        if (peek() !== ')') {
          args.push(or());
          while (peek() === ',') {
            take(',');
            args.push(or());
          }
        }
        take(')');
        return (v) => fn(...args.map((arg) => num(arg(v))));
      }
      return (v) => {
        const value = v.get(token);
        if (value === undefined) throw new FormulaError(`unknown variable "${token}"`);
        return value;
      };
    }
    throw new FormulaError(`unexpected "${token}"`);
  };
  const product = binary(primary, ['*', '/', '%'], (op, a, b) => (op === '*' ? num(a) * num(b) : op === '/' ? num(a) / num(b) : num(a) % num(b)));
  const sum = binary(product, ['+', '-'], (op, a, b) => (op === '+' ? num(a) + num(b) : num(a) - num(b)));
  const compare = binary(sum, ['<', '>', '<=', '>=', '==', '!='], (op, a, b) => {
    const [x, y] = [num(a), num(b)];
    return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : op === '>=' ? x >= y : op === '==' ? x === y : x !== y;
  });
  const and = binary(compare, ['&&'], (_op, a, b) => Boolean(a) && Boolean(b));
  const or = binary(and, ['||'], (_op, a, b) => Boolean(a) || Boolean(b));
  const tree = or();
  if (at < tokens.length) throw new FormulaError(`unexpected "${tokens[at]}"`);
  return tree;
}

export interface DocumentStats {
  words: number;
  sentences: number;
  characters: number;
  syllables: number;
  complexWords: number;
  longWords: number;
  polysyllabicWords: number;
  paragraphs: number;
  letters: number;
}

/** Counts over the document's prose (alt text left out), as Vale's summary does. */
export function documentStats(source: SourceCode): { stats: DocumentStats; variables: Map<string, number> } {
  const stats: DocumentStats = { words: 0, sentences: 0, characters: 0, syllables: 0, complexWords: 0, longWords: 0, polysyllabicWords: 0, paragraphs: 0, letters: 0 };
  const variables = new Map<string, number>([['pre', 0], ['list', 0], ['blockquote', 0], ...[1, 2, 3, 4, 5, 6].map((n): [string, number] => [`heading_h${n}`, 0])]);
  for (const block of blocksOf(source)) {
    if (block.kind === 'alt') continue;
    if (block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'table') stats.paragraphs++;
    if (block.kind === 'list') variables.set('list', variables.get('list')! + 1);
    if (block.kind === 'heading' && block.level) variables.set(`heading_${block.level}`, (variables.get(`heading_${block.level}`) ?? 0) + 1);
    for (const sentence of segmenterFor(block.locale, 'sentence').segment(block.text)) if (/[\p{L}\p{N}]/u.test(sentence.segment)) stats.sentences++;
    for (const word of block.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      const count = Math.max(1, syllable(word));
      stats.words++;
      stats.characters += word.length;
      stats.letters += (word.match(/\p{L}/gu) ?? []).length;
      stats.syllables += count;
      if (count >= 3) stats.polysyllabicWords++;
      if (count >= 3 && !word.includes('-') && !/^\p{Lu}/u.test(word)) stats.complexWords++;
      if (word.length > 6) stats.longWords++;
    }
  }
  for (const [name, value] of Object.entries({
    words: stats.words,
    sentences: stats.sentences,
    characters: stats.characters,
    syllables: stats.syllables,
    complex_words: stats.complexWords,
    long_words: stats.longWords,
    polysyllabic_words: stats.polysyllabicWords,
    paragraphs: stats.paragraphs,
  })) {
    variables.set(name, value);
  }
  return { stats, variables };
}

export function metricCheck(definition: ValeDefinition): ValeCheck {
  // Vale's `heading.h1` in a formula is the variable `heading_h1`.
  const formula = parseFormula(String(definition.options['formula'] ?? '').replace(/heading\.(h[1-6])/g, 'heading_$1'));
  const condition = String(definition.options['condition'] ?? '').trim();
  return ({ document, source, report }) => {
    const { stats, variables } = documentStats(source);
    if (stats.words === 0) return;
    const value = Number(formula(variables));
    const passes = parseFormula(`${value} ${condition}`)(variables);
    if (passes !== true) return;
    report({ range: document.lines.rangeAt(0, 0), message: formatValeMessage(definition.message, value.toFixed(2)), actual: value.toFixed(2) });
  };
}

/** Vale's readability metrics (twine's summarize formulas). */
export const READABILITY_METRICS: Record<string, (s: DocumentStats) => number> = {
  'Flesch-Kincaid': (s) => 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59,
  'Gunning Fog': (s) => 0.4 * (s.words / s.sentences + 100 * (s.complexWords / s.words)),
  'Coleman-Liau': (s) => 0.0588 * ((s.letters / s.words) * 100) - 0.296 * ((s.sentences / s.words) * 100) - 15.8,
  SMOG: (s) => 1.043 * Math.sqrt((s.polysyllabicWords * 30) / s.sentences) + 3.1291,
  'Automated Readability': (s) => 4.71 * (s.characters / s.words) + 0.5 * (s.words / s.sentences) - 21.43,
};

export function readabilityCheck(definition: ValeDefinition): ValeCheck {
  const metrics = (definition.options['metrics'] as string[] | undefined) ?? [];
  const grade = typeof definition.options['grade'] === 'number' ? definition.options['grade'] : 0;
  return ({ document, source, report }) => {
    const { stats } = documentStats(source);
    if (stats.words === 0 || stats.sentences === 0 || metrics.length === 0) return;
    const score = metrics.reduce((sum, name) => sum + (READABILITY_METRICS[name]?.(stats) ?? 0), 0) / metrics.length;
    if (score <= grade) return;
    report({ range: document.lines.rangeAt(0, 0), message: formatValeMessage(definition.message, score.toFixed(2)), actual: score.toFixed(2), expected: [`at most ${grade}`] });
  };
}
