/**
 * The properties every channel adapter and the fixer must hold for any input (issue 11):
 * - the adapter never throws (nor hides a throw as a `parse/internal` problem);
 * - every range it produces lies inside the file, start before end, with line and column
 *   matching the offset, and never between the two halves of a surrogate pair;
 * - with every rule and the example brand, fixing never throws, every finding's range and every
 *   fix edit obeys the same, and fixing the fixed text changes nothing (`--fix` twice == once).
 * `npm test` runs a modest number of inputs; `npm run fuzz` (scripts/fuzz.mjs) runs 100,000 per
 * adapter through the same code, with FUZZ_RUNS.
 */
import fc from 'fast-check';
import { parseContent } from '../../../src/channels/index.js';
import type { Channel } from '../../../src/core/channels.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { ContentDocument } from '../../../src/core/document.js';
import { LineIndex } from '../../../src/core/position.js';
import { lintText } from '../../../src/engine/lint-text.js';
import { contentFromBytes } from '../../../src/engine/read.js';
import type { RuleCatalogue } from '../../../src/engine/rules.js';
import type { BrandModel } from '../../../src/tokens/brand-model.js';
import { RULE_LOADERS } from '../../../rules/index.js';
import { loadRulePacks } from '../../../rules/packs/load.js';
import { loadExampleBrand } from '../../rule-tester.js';
import * as arb from './arbitraries.js';

export interface AdapterCase {
  /** `channel/format`, as the fuzz summary prints it. */
  name: string;
  channel: Channel;
  /** The file name: its extension picks the format. */
  file: string;
  grammar: fc.Arbitrary<string>;
}

export const ADAPTERS: readonly AdapterCase[] = [
  { name: 'email/html', channel: 'email', file: 'emails/news.html', grammar: arb.htmlDocument },
  { name: 'email/mjml', channel: 'email', file: 'emails/news.mjml', grammar: arb.mjml },
  { name: 'email/eml', channel: 'email', file: 'emails/news.eml', grammar: arb.eml },
  { name: 'landing/html', channel: 'landing', file: 'site/index.html', grammar: arb.htmlDocument },
  { name: 'landing/css', channel: 'landing', file: 'site/site.css', grammar: arb.stylesheet() },
  { name: 'landing/scss', channel: 'landing', file: 'site/site.scss', grammar: arb.stylesheet(true) },
  { name: 'chatbot/rasa', channel: 'chatbot', file: 'bot/domain.yml', grammar: arb.rasa },
  { name: 'chatbot/bot-script-yaml', channel: 'chatbot', file: 'bot/faq.bot.yml', grammar: arb.botScript('yaml') },
  { name: 'chatbot/bot-script-json', channel: 'chatbot', file: 'bot/faq.bot.json', grammar: arb.botScript('json') },
  { name: 'chatbot/lg', channel: 'chatbot', file: 'bot/help.lg', grammar: arb.lg },
  { name: 'social/markdown', channel: 'social', file: 'posts/spring.md', grammar: arb.markdown },
  { name: 'social/csv', channel: 'social', file: 'posts/schedule.csv', grammar: arb.csv },
];

/** Inputs of an adapter: mostly its grammar (mutated now and then), some random bytes read as a file is, some raw UTF-16. */
export function inputsOf(adapter: AdapterCase): fc.Arbitrary<string> {
  const fromBytes = arb.bytes.map((bytes) => {
    const read = contentFromBytes(bytes, adapter.file);
    return read.kind === 'text' ? read.text : '';
  });
  return fc.oneof({ weight: 8, arbitrary: arb.mutated(adapter.grammar) }, { weight: 1, arbitrary: fromBytes }, { weight: 1, arbitrary: fc.array(arb.noise).map((parts) => parts.join('')) });
}

/** No stylesheet is read from disk: linked local files are "not found". */
const readNothing = async (): Promise<null> => null;

export async function parse(adapter: AdapterCase, text: string): Promise<ContentDocument> {
  return parseContent({ file: adapter.file, absolutePath: `/fuzz/${adapter.file}`, text, channel: adapter.channel, readFile: readNothing });
}

/** A violated property, with what and where. */
export class PropertyViolation extends Error {
  override name = 'PropertyViolation';
}

/** Holds the adapter properties for one input; throws a PropertyViolation saying which one broke. */
export async function checkAdapter(adapter: AdapterCase, text: string): Promise<void> {
  const document = await parse(adapter, text);
  const internal = document.parseProblems.find((problem) => problem.ruleId === 'parse/internal');
  if (internal) throw new PropertyViolation(`the adapter threw: ${internal.message}`);
  if (document.text !== text) throw new PropertyViolation('the document text is not the file text');
  checkRanges(text, rangesIn(document), 'document');
  for (const [index, declaration] of document.styles.entries()) {
    const { start, end } = declaration.valueRange;
    if (declaration.valueStart !== start.offset || declaration.valueEnd !== end.offset) {
      throw new PropertyViolation(`styles[${index}]: valueStart/valueEnd ${declaration.valueStart}-${declaration.valueEnd} are not its valueRange's offsets ${start.offset}-${end.offset}`);
    }
  }
}

type Place = { line: number; column: number; offset: number };
type Span = { start: Place; end: Place };

function isPlace(value: unknown): value is Place {
  return typeof value === 'object' && value !== null && typeof (value as Place).offset === 'number' && typeof (value as Place).line === 'number';
}

/** Every range anywhere in a value (documents hold them in many shapes), with its path for messages. */
export function rangesIn(root: unknown): Array<{ path: string; range: Span }> {
  const found: Array<{ path: string; range: Span }> = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null || seen.has(value) || value instanceof LineIndex) return;
    seen.add(value);
    const candidate = value as Partial<Span>;
    if (isPlace(candidate.start) && isPlace(candidate.end)) found.push({ path, range: candidate as Span });
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else for (const [key, item] of Object.entries(value)) if (key !== 'text' && key !== 'lines') visit(item, `${path}.${key}`);
    // Ranges computed when read (a StyleDeclaration's) are no own properties.
    for (const key of ['valueRange', 'range']) if (!Object.hasOwn(value, key) && key in value) visit((value as Record<string, unknown>)[key], `${path}.${key}`);
  };
  visit(root, '');
  return found;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Inside the text, start before end, line/column from the offset, not inside a surrogate pair. */
export function checkRanges(text: string, ranges: ReadonlyArray<{ path: string; range: Span }>, what: string): void {
  const lines = new LineIndex(text);
  for (const { path, range } of ranges) {
    const where = `${what}${path} ${JSON.stringify(range)}`;
    for (const place of [range.start, range.end]) {
      if (!Number.isInteger(place.offset) || place.offset < 0 || place.offset > text.length) throw new PropertyViolation(`${where}: offset ${place.offset} outside the text (length ${text.length})`);
      const expected = lines.positionAt(place.offset);
      if (place.line !== expected.line || place.column !== expected.column) {
        throw new PropertyViolation(`${where}: ${place.line}:${place.column} is not where offset ${place.offset} is (${expected.line}:${expected.column})`);
      }
      if (place.offset > 0 && place.offset < text.length && isHigh(text.charCodeAt(place.offset - 1)) && isLow(text.charCodeAt(place.offset))) {
        throw new PropertyViolation(`${where}: offset ${place.offset} splits a surrogate pair`);
      }
    }
    if (range.start.offset > range.end.offset) throw new PropertyViolation(`${where}: starts after it ends`);
  }
}

let everything: Promise<{ rules: RuleCatalogue; brand: BrandModel }> | undefined;

/** Every rule (the catalogue and the shipped packs) and the example brand. */
export function allRulesAndBrand(): Promise<{ rules: RuleCatalogue; brand: BrandModel }> {
  everything ??= (async () => {
    const packs = await loadRulePacks();
    return { rules: { ...RULE_LOADERS, ...packs.catalogue } as RuleCatalogue, brand: await loadExampleBrand() };
  })();
  return everything;
}

/** The fixer's properties for one input: never throws, findings and edits in range, fixing twice == once. */
export async function checkFixer(adapter: AdapterCase, text: string): Promise<void> {
  const { rules, brand } = await allRulesAndBrand();
  const lint = (input: string) => lintText({ text: input, file: adapter.file, channel: adapter.channel, rules, brand, fix: true, parse: (input) => parse(adapter, input.text) });
  const once = await lint(text);
  checkDiagnostics(once.output, once.diagnostics);
  const twice = await lint(once.output);
  if (twice.output !== once.output) {
    throw new PropertyViolation(`fixing twice differs from fixing once: ${JSON.stringify(once.output.slice(0, 200))} became ${JSON.stringify(twice.output.slice(0, 200))}`);
  }
}

function checkDiagnostics(text: string, diagnostics: readonly Diagnostic[]): void {
  const ranges = diagnostics.flatMap((diagnostic, index) => [
    ...(diagnostic.range ? [{ path: `[${index}] ${diagnostic.ruleId}`, range: diagnostic.range }] : []),
    ...(diagnostic.fix?.edits ?? []).map((edit, at) => ({ path: `[${index}] ${diagnostic.ruleId} fix edit ${at}`, range: edit.range })),
  ]);
  checkRanges(text, ranges, 'finding');
  const internal = diagnostics.find((diagnostic) => diagnostic.ruleId.startsWith('internal/'));
  if (internal) throw new PropertyViolation(`${internal.ruleId}: ${internal.message}`);
}

/** How many inputs: FUZZ_RUNS (npm run fuzz) or the modest default of `npm test`. */
export function runsOf(kind: 'adapter' | 'fixer'): number {
  const fuzz = Number(process.env[kind === 'adapter' ? 'FUZZ_RUNS' : 'FUZZ_FIX_RUNS']);
  if (Number.isInteger(fuzz) && fuzz > 0) return fuzz;
  return kind === 'adapter' ? 150 : 30;
}
