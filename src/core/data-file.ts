/**
 * Positioned parsing of JSON and YAML data files (configuration, guideline files, rule packs),
 * and conversion of zod validation issues into positioned diagnostics.
 *
 * Nothing here throws on bad input: syntax errors and schema violations become diagnostics
 * that name the file, line and column.
 */
import { parse as parseJson, type ArrayNode, type ObjectNode, type ValueNode } from '@humanwhocodes/momoa';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type Node as YamlNode,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Severity } from './diagnostic.js';
import { editDistance } from './edit-distance.js';
import { LineIndex, type Range } from './position.js';

/** The data formats this module reads. `jsonc` is JSON with comments (files ending in `.jsonc`). */
export type DataFormat = 'json' | 'jsonc' | 'yaml';

/** A path into parsed data: object keys and array indexes, outermost first. */
export type DataPath = ReadonlyArray<string | number>;

export interface LocateOptions {
  /** Return the range of the object key instead of its value (array items have no key: their value range is returned). */
  key?: boolean;
}

/**
 * Finds the source range of the value (or key) at `path`. When the path does not exist, the range of the
 * nearest existing ancestor is returned; null only when the file could not be parsed at all
 * (or, for data that has no source, like a JavaScript config).
 */
export type Locate = (path: DataPath, options?: LocateOptions) => Range | null;

/** A parsed data file. `data` is `undefined` whenever `diagnostics` contains an error. */
export interface DataFile {
  format: DataFormat;
  data: unknown;
  locate: Locate;
  diagnostics: Diagnostic[];
}

export interface ParseDataFileOptions {
  /** Overrides the format the file extension implies. */
  format?: DataFormat;
  /** Rule id prefix of syntax diagnostics: `<prefix>/syntax`, `<prefix>/duplicate-key`. Default `config`. */
  ruleIdPrefix?: string;
}

/** The data format a file name implies (`.json`, `.jsonc`, `.yaml`, `.yml`), or null. */
export function dataFormatOf(file: string): DataFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.jsonc')) return 'jsonc';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** A locator for data without a source text: every lookup is null. */
export const noLocate: Locate = () => null;

/** A locator for the sub-tree at `prefix` (e.g. the `brandlint` key of package.json). */
export function locateWithin(locate: Locate, prefix: DataPath): Locate {
  return (path, options) => locate([...prefix, ...path], options);
}

/**
 * Parses a JSON or YAML text, chosen by the file extension (or `options.format`). Never throws.
 * Syntax errors are reported as `<prefix>/syntax` (duplicate keys as `<prefix>/duplicate-key`) with positions.
 */
export function parseDataFile(text: string, file: string, options: ParseDataFileOptions = {}): DataFile {
  const prefix = options.ruleIdPrefix ?? 'config';
  const format = options.format ?? dataFormatOf(file);
  // A byte-order mark is replaced (not removed) so that offsets still match the original text.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const lines = new LineIndex(source);
  if (format === null) {
    return {
      format: 'json',
      data: undefined,
      locate: noLocate,
      diagnostics: [
        {
          ruleId: `${prefix}/syntax`,
          severity: 'error',
          message: 'unsupported data file type; expected .json, .jsonc, .yaml or .yml',
          file,
          range: null,
        },
      ],
    };
  }
  const parsed = format === 'yaml' ? parseYamlText(source, file, lines, prefix) : parseJsonText(source, file, lines, prefix, format);
  return withoutPrototypeKeys(parsed, file, prefix);
}

/**
 * Drops every `__proto__` key, with a warning at it. The parsers keep such a key as data, but
 * validation (zod) and any object spread would turn it into the object's prototype or lose it
 * silently; a key nobody can use is said once, plainly, instead.
 */
function withoutPrototypeKeys(parsed: DataFile, file: string, prefix: string): DataFile {
  const seen = new Set<object>();
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (Object.hasOwn(value, '__proto__')) {
      delete (value as Record<string, unknown>)['__proto__'];
      parsed.diagnostics.push({
        ruleId: `${prefix}/ignored-key`,
        severity: 'warning',
        message: 'key "__proto__" is ignored: it names the prototype of every JavaScript object, so it cannot be read as data',
        file,
        range: parsed.locate([...path, '__proto__'], { key: true }),
      });
    }
    for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(parsed.data, []);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

const JSON_TOKEN_TEXT: Record<string, string> = {
  RBrace: '"}"',
  LBrace: '"{"',
  RBracket: '"]"',
  LBracket: '"["',
  Comma: '","',
  Colon: '":"',
  String: 'string',
  Number: 'number',
  Boolean: 'boolean',
  Null: 'null',
};

function parseJsonText(
  text: string,
  file: string,
  lines: LineIndex,
  prefix: string,
  format: 'json' | 'jsonc',
): DataFile {
  let body: ValueNode;
  try {
    body = parseJson(text, { mode: format }).body;
  } catch (error) {
    return {
      format,
      data: undefined,
      locate: () => lines.rangeAt(0, 0),
      diagnostics: [jsonSyntaxDiagnostic(error, text, file, lines, prefix)],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const data = jsonValue(body, text, file, lines, prefix, diagnostics);
  const rangeOf = (node: { loc: { start: { offset: number }; end: { offset: number } } }): Range =>
    lines.rangeAt(node.loc.start.offset, node.loc.end.offset);

  const locate: Locate = (path, options = {}) => {
    let node: ValueNode = body;
    let keyRange: Range | null = null;
    for (const segment of path) {
      let next: { value: ValueNode; key: Range | null } | undefined;
      if (node.type === 'Object') next = jsonMember(node, segment, rangeOf);
      else if (node.type === 'Array') next = jsonElement(node, segment);
      if (!next) break;
      node = next.value;
      keyRange = next.key;
    }
    return options.key && keyRange ? keyRange : rangeOf(node);
  };
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return { format, data: hasError ? undefined : data, locate, diagnostics };
}

function jsonMember(
  node: ObjectNode,
  segment: string | number,
  rangeOf: (node: ValueNode | ObjectNode['members'][number]['name']) => Range,
): { value: ValueNode; key: Range } | undefined {
  const name = String(segment);
  // The last duplicate wins, as in JSON.parse.
  for (let i = node.members.length - 1; i >= 0; i--) {
    const member = node.members[i];
    if (!member) continue;
    const key = member.name.type === 'String' ? member.name.value : member.name.name;
    if (key === name) return { value: member.value, key: rangeOf(member.name) };
  }
  return undefined;
}

function jsonElement(node: ArrayNode, segment: string | number): { value: ValueNode; key: null } | undefined {
  const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
  const element = node.elements[index];
  return element ? { value: element.value, key: null } : undefined;
}

function jsonValue(
  node: ValueNode,
  text: string,
  file: string,
  lines: LineIndex,
  prefix: string,
  diagnostics: Diagnostic[],
): unknown {
  switch (node.type) {
    case 'Object': {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        if (seen.has(key)) {
          diagnostics.push({
            ruleId: `${prefix}/duplicate-key`,
            severity: 'error',
            message: `duplicate key ${JSON.stringify(key)}`,
            file,
            range: lines.rangeAt(member.name.loc.start.offset, member.name.loc.end.offset),
          });
        }
        seen.add(key);
        // defineProperty keeps a literal "__proto__" key an own property, as JSON.parse does.
        Object.defineProperty(out, key, {
          value: jsonValue(member.value, text, file, lines, prefix, diagnostics),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'Array':
      return node.elements.map((element) => jsonValue(element.value, text, file, lines, prefix, diagnostics));
    case 'String':
    case 'Number':
    case 'Boolean':
      return node.value;
    case 'Null':
      return null;
    default:
      // NaN / Infinity exist only in JSON5, which is never requested.
      return undefined;
  }
}

function jsonSyntaxDiagnostic(error: unknown, text: string, file: string, lines: LineIndex, prefix: string): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const offset =
    typeof error === 'object' && error !== null && typeof (error as { offset?: unknown }).offset === 'number'
      ? (error as { offset: number }).offset
      : null;
  let message = raw.replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '');
  const token = /^Unexpected token (\w+) found$/.exec(message);
  if (/^Unexpected end of input/.test(message)) message = 'unexpected end of file';
  else if (token) {
    message = `unexpected ${JSON_TOKEN_TEXT[token[1] ?? ''] ?? token[1]}`;
    if (offset !== null && /[}\]]/.test(text.charAt(offset)) && /,\s*$/.test(text.slice(0, offset))) {
      message += ' (trailing commas are not allowed in JSON)';
    }
  } else {
    const char = /^Unexpected character '(.*)' found$/.exec(message);
    if (char) message = `unexpected character ${JSON.stringify(char[1])}`;
    else message = message.charAt(0).toLowerCase() + message.slice(1);
  }
  const start = offset ?? 0;
  return {
    ruleId: `${prefix}/syntax`,
    severity: 'error',
    message: `invalid JSON: ${message}`,
    file,
    range: lines.rangeAt(start, Math.min(start + 1, text.length)),
  };
}

// ---------------------------------------------------------------------------------------------
// YAML
// ---------------------------------------------------------------------------------------------

/**
 * How every YAML data file is composed: duplicate keys are errors, merge keys (`<<`) are read,
 * and the `yaml` package prints nothing itself (it would print its warnings, such as a collection
 * used as a key, on the process's stderr).
 */
export const YAML_DATA_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  merge: true,
  strict: true,
  logLevel: 'error',
};

function parseYamlText(text: string, file: string, lines: LineIndex, prefix: string): DataFile {
  const doc = parseDocument(text, YAML_DATA_OPTIONS);
  return yamlData(doc, doc.errors, text, file, lines, prefix);
}

/**
 * What {@link parseDataFile} gives for the YAML `text` (without a byte-order mark), from its
 * documents composed already with {@link YAML_DATA_OPTIONS}: an adapter that reads a file's nodes
 * and its data parses it once. `lines` indexes `text`.
 */
export function yamlDataFile(text: string, file: string, documents: readonly Document.Parsed[], lines: LineIndex, ruleIdPrefix = 'config'): DataFile {
  const doc = documents[0]!;
  const second = documents[1];
  // What parseDocument adds when a text holds more than one document.
  const errors = second
    ? [...doc.errors, new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()')]
    : doc.errors;
  return withoutPrototypeKeys(yamlData(doc, errors, text, file, lines, ruleIdPrefix), file, ruleIdPrefix);
}

function yamlData(doc: Document.Parsed, errors: readonly YAMLParseError[], text: string, file: string, lines: LineIndex, prefix: string): DataFile {
  const diagnostics: Diagnostic[] = [];
  for (const [severity, list] of [
    ['error', errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const problem of list) {
      const [start, end] = problem.pos;
      const key = problem.code === 'DUPLICATE_KEY' ? yamlKeyAt(text, start) : null;
      diagnostics.push({
        ruleId: `${prefix}/${key ? 'duplicate-key' : 'syntax'}`,
        severity: severity as Severity,
        message: key ? `duplicate key ${JSON.stringify(key.name)}` : `invalid YAML: ${lowerFirst(problem.message)}`,
        file,
        range: lines.rangeAt(start, key ? start + key.length : Math.max(start, end)),
      });
    }
  }
  let data: unknown;
  if (!diagnostics.some((d) => d.severity === 'error')) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      diagnostics.push({
        ruleId: `${prefix}/syntax`,
        severity: 'error',
        message: `invalid YAML: ${lowerFirst(error instanceof Error ? error.message : String(error))}`,
        file,
        range: lines.rangeAt(0, 0),
      });
    }
  }

  const rangeOfNode = (node: YamlNode): Range => {
    const [start, valueEnd] = node.range ?? [0, 0];
    return lines.rangeAt(start, valueEnd);
  };
  const locate: Locate = (path, options = {}) => {
    const root = doc.contents;
    if (!root) return lines.rangeAt(0, 0);
    let node: YamlNode = root;
    let keyNode: YamlNode | null = null;
    for (const segment of path) {
      const next = yamlChild(doc, resolveAlias(doc, node), segment);
      if (!next) break;
      // `key:` with no value: the key is the best place to point at (nothing can exist below it).
      const value = next.value;
      if (value === null || (isScalar(value) && value.range?.[0] === value.range?.[1])) {
        return rangeOfNode(next.key ?? value ?? node);
      }
      node = value;
      keyNode = next.key;
    }
    return options.key && keyNode ? rangeOfNode(keyNode) : rangeOfNode(node);
  };
  const hasError = diagnostics.some((d) => d.severity === 'error');
  return { format: 'yaml', data: hasError ? undefined : data, locate, diagnostics };
}

/** The plain or quoted mapping key that starts at `offset` (its name and source length), or null. */
function yamlKeyAt(text: string, offset: number): { name: string; length: number } | null {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s:#,[\]{}][^:#\n]*?))[ \t]*:(?=\s|$)/.exec(text.slice(offset));
  if (!match) return null;
  const raw = match[1] ?? match[2] ?? match[3] ?? '';
  const quoted = match[1] !== undefined || match[2] !== undefined;
  const name = match[2] !== undefined ? raw.replace(/''/g, "'") : raw;
  return { name, length: quoted ? raw.length + 2 : raw.length };
}

function resolveAlias(doc: Document, node: YamlNode): YamlNode {
  let current: unknown = node;
  for (let depth = 0; depth < 32 && isAlias(current); depth++) current = current.resolve(doc);
  return (current as YamlNode | undefined) ?? node;
}

function yamlChild(
  doc: Document,
  node: YamlNode,
  segment: string | number,
): { key: YamlNode | null; value: YamlNode | null } | undefined {
  if (isMap(node)) {
    const name = String(segment);
    const items = node.items as Array<Pair<unknown, unknown>>;
    for (let i = items.length - 1; i >= 0; i--) {
      const pair = items[i];
      if (!pair) continue;
      const key = pair.key;
      const keyName = isScalar(key) ? String(key.value) : String(key);
      if (keyName === name) {
        return { key: isNode(key) ? key : null, value: isNode(pair.value) ? pair.value : null };
      }
    }
    // Merge keys (`<<: *defaults`): look inside the merged maps.
    for (const pair of items) {
      if (isScalar(pair.key) && pair.key.source === '<<' && isNode(pair.value)) {
        const merged = resolveAlias(doc, pair.value);
        const sources = isSeq(merged) ? merged.items.filter(isNode).map((n) => resolveAlias(doc, n)) : [merged];
        for (const source of sources) {
          const found = yamlChild(doc, source, segment);
          if (found) return found;
        }
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    const item: unknown = node.items[index];
    if (index < 0 || index >= node.items.length) return undefined;
    return { key: null, value: isNode(item) ? item : null };
  }
  return undefined;
}

function isNode(value: unknown): value is YamlNode {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Paths, suggestions
// ---------------------------------------------------------------------------------------------

/** Renders a data path for messages: `build.platforms[2]`, `rules["brand/color"]`. Empty path: `""`. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export { editDistance } from './edit-distance.js';

/**
 * The candidate closest to `word`, if it is a plausible typo: a case-insensitive match, a prefix
 * ("warn" for "warning"), or at most one edit per three characters (minimum one). Null when nothing is close enough.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    // A word that extends or shortens a candidate ("warning" for "warn") counts as one edit.
    const affix = Math.min(lower.length, other.length) >= 3 && (lower.startsWith(other) || other.startsWith(lower));
    const distance = other === lower ? 0 : affix ? 1 : editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== null && bestDistance <= limit ? best : null;
}

// ---------------------------------------------------------------------------------------------
// zod issues -> diagnostics
// ---------------------------------------------------------------------------------------------

export interface ZodIssuesToDiagnosticsOptions {
  /** The schema that produced the issues: lets unknown-key messages list the expected keys. */
  schema?: z.ZodType;
  /** Severity of the diagnostics. Default `error`. */
  severity?: Severity;
}

/**
 * Turns zod v4 issues into positioned diagnostics. Parse with `{ reportInput: true }` so messages can
 * show the actual value (as {@link validateData} does). Rule ids: `<prefix>/unknown-key`,
 * `<prefix>/missing-key`, `<prefix>/invalid-type`, `<prefix>/invalid-value`, or
 * `<prefix>/<params.ruleId>` for custom issues that carry `params: { ruleId }`.
 * Diagnostics are sorted by position.
 */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  locate: Locate,
  file: string,
  ruleIdPrefix: string,
  options: ZodIssuesToDiagnosticsOptions = {},
): Diagnostic[] {
  const context: IssueContext = {
    locate,
    file,
    prefix: ruleIdPrefix,
    schema: options.schema,
    severity: options.severity ?? 'error',
  };
  const out: Diagnostic[] = [];
  for (const issue of issues) out.push(...convertIssue(issue, [], context));
  return out
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const ao = a.diagnostic.range?.start.offset ?? Infinity;
      const bo = b.diagnostic.range?.start.offset ?? Infinity;
      return ao === bo ? a.index - b.index : ao - bo;
    })
    .map(({ diagnostic }) => diagnostic);
}

/**
 * Validates `data` against `schema` and returns the parsed value (null when invalid) with
 * positioned diagnostics. The one-call form of `safeParse` + {@link zodIssuesToDiagnostics}.
 */
export function validateData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locate: Locate,
  file: string,
  ruleIdPrefix: string,
): { value: z.output<S> | null; diagnostics: Diagnostic[] } {
  // jitless: one parse per file read; zod's compiled fast path costs more to build than it saves.
  const result = schema.safeParse(data, { reportInput: true, jitless: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  return {
    value: null,
    diagnostics: zodIssuesToDiagnostics(result.error.issues, locate, file, ruleIdPrefix, { schema }),
  };
}

interface IssueContext {
  locate: Locate;
  file: string;
  prefix: string;
  schema: z.ZodType | undefined;
  severity: Severity;
}

type Issue = z.core.$ZodIssue;

function convertIssue(issue: Issue, base: DataPath, context: IssueContext): Diagnostic[] {
  const path: Array<string | number> = [
    ...base,
    ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
  ];
  const where = formatPath(path);
  const at = (message: string) => (where === '' ? message : `${where}: ${message}`);
  const input = 'input' in issue ? issue.input : undefined;
  const make = (
    rule: string,
    message: string,
    range: Range | null,
    extra: Pick<Diagnostic, 'actual' | 'expected'> = {},
  ): Diagnostic => ({
    ruleId: `${context.prefix}/${rule}`,
    severity: context.severity,
    message,
    file: context.file,
    range,
    ...extra,
  });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = context.schema ? knownKeysAt(context.schema, path) : [];
      const container = where === '' ? 'at the top level' : `in ${where}`;
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        let message = `unknown key ${JSON.stringify(key)} ${container}`;
        if (suggestion) message += ` (did you mean ${JSON.stringify(suggestion)}?)`;
        if (known.length > 0) message += `; expected one of: ${known.join(', ')}`;
        return make('unknown-key', message, context.locate([...path, key], { key: true }), {
          actual: key,
          ...(known.length > 0 ? { expected: suggestion ? [suggestion] : known } : {}),
        });
      });
    }
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      const last = path[path.length - 1];
      if (input === undefined && typeof last === 'string') {
        const parent = path.slice(0, -1);
        const container = parent.length === 0 ? 'at the top level' : `in ${formatPath(parent)}`;
        return [
          make(
            'missing-key',
            `missing required key ${JSON.stringify(last)} ${container} (expected ${expected})`,
            context.locate(parent, { key: true }),
            { expected: [expected] },
          ),
        ];
      }
      return [
        make('invalid-type', at(`expected ${expected}, got ${describe(input)}`), context.locate(path), {
          actual: describe(input),
          expected: [expected],
        }),
      ];
    }
    case 'invalid_value': {
      const values = issue.values.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)));
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      let message = `expected ${expected}, got ${describe(input)}`;
      if (typeof input === 'string') {
        const suggestion = didYouMean(
          input,
          issue.values.filter((v): v is string => typeof v === 'string'),
        );
        if (suggestion) message += ` (did you mean ${JSON.stringify(suggestion)}?)`;
      }
      return [make('invalid-value', at(message), context.locate(path), { actual: describe(input), expected: values })];
    }
    case 'too_small':
    case 'too_big': {
      const message = sizeMessage(issue, input);
      return [make('invalid-value', at(message), context.locate(path), { actual: describe(input) })];
    }
    case 'invalid_format': {
      const custom = !/^Invalid\b/.test(issue.message);
      let message: string;
      if (custom) message = issue.message;
      else if (issue.format === 'regex' && 'pattern' in issue) message = `must match ${String(issue.pattern)}`;
      else message = `expected a valid ${issue.format}`;
      if (input !== undefined) message += `, got ${describe(input)}`;
      return [make('invalid-value', at(message), context.locate(path), { actual: describe(input) })];
    }
    case 'not_multiple_of':
      return [
        make('invalid-value', at(`must be a multiple of ${String(issue.divisor)}, got ${describe(input)}`), context.locate(path)),
      ];
    case 'invalid_key': {
      const key = path[path.length - 1];
      const inner = issue.issues.map((nested) => lowerFirst(nested.message)).join('; ');
      const parent = formatPath(path.slice(0, -1));
      return [
        make(
          'invalid-value',
          `invalid key ${JSON.stringify(String(key))}${parent ? ` in ${parent}` : ''}: ${inner}`,
          context.locate(path, { key: true }),
        ),
      ];
    }
    case 'invalid_union':
      return convertUnion(issue, path, input, context, make, at);
    case 'custom': {
      const params = (issue.params ?? {}) as { ruleId?: unknown; expected?: unknown; actual?: unknown };
      const rule = typeof params.ruleId === 'string' ? params.ruleId : 'invalid-value';
      const extra: Pick<Diagnostic, 'actual' | 'expected'> = {};
      if (typeof params.actual === 'string') extra.actual = params.actual;
      if (Array.isArray(params.expected)) extra.expected = params.expected.map(String);
      return [make(rule, at(issue.message), context.locate(path), extra)];
    }
    default:
      return [make('invalid-value', at(lowerFirst(issue.message)), context.locate(path))];
  }
}

function convertUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: DataPath,
  input: unknown,
  context: IssueContext,
  make: (rule: string, message: string, range: Range | null, extra?: Pick<Diagnostic, 'actual' | 'expected'>) => Diagnostic,
  at: (message: string) => string,
): Diagnostic[] {
  const branches = issue.errors.filter((branch) => branch.length > 0);
  const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
  // A branch whose problems are deeper than the union itself matched the shape: explain that branch.
  let best: readonly Issue[] | null = null;
  for (const branch of branches) {
    if (depth(branch) === 0) continue;
    if (!best || depth(branch) > depth(best) || (depth(branch) === depth(best) && branch.length < best.length)) best = branch;
  }
  if (best) return best.flatMap((nested) => convertIssue(nested, path, context));
  if (issue.message !== 'Invalid input') {
    return [make('invalid-value', at(`${issue.message}, got ${describe(input)}`), context.locate(path), { actual: describe(input) })];
  }
  // Every alternative failed at the union itself: list what each alternative accepts.
  const expected: string[] = [];
  const literals: string[] = [];
  for (const branch of branches) {
    for (const nested of branch) {
      if (nested.code === 'invalid_type') expected.push(typeName(nested.expected));
      else if (nested.code === 'invalid_value') {
        literals.push(...nested.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))));
      } else if ((nested.code === 'too_small' || nested.code === 'too_big') && nested.origin === 'array') {
        expected.push(`array (${sizeMessage(nested, undefined).replace(/^must /, '')})`);
      } else expected.push(lowerFirst(nested.message));
    }
  }
  const all = [...new Set([...literals, ...expected])];
  let message = `expected ${all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : (all[0] ?? 'a different value')}, got ${describe(input)}`;
  if (typeof input === 'string') {
    const suggestion = didYouMean(
      input,
      literals.map((l) => l.replace(/^"|"$/g, '')),
    );
    if (suggestion) message += ` (did you mean ${JSON.stringify(suggestion)}?)`;
  }
  return [make(typeof input === 'object' || literals.length === 0 ? 'invalid-type' : 'invalid-value', at(message), context.locate(path), { actual: describe(input), expected: all })];
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, input: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  let message: string;
  switch (issue.origin) {
    case 'string':
      message =
        small && limit === 1
          ? 'must not be empty'
          : `must be ${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'} long`;
      if (typeof input === 'string' && !(small && limit === 1)) message += `, got ${input.length}`;
      return message;
    case 'array':
    case 'set':
      message =
        small && limit === 1
          ? 'must not be empty'
          : `must have ${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
      if (Array.isArray(input) && !(small && limit === 1)) message += `, got ${input.length}`;
      return message;
    default:
      message = small
        ? inclusive
          ? `must be at least ${limit}`
          : `must be greater than ${limit}`
        : inclusive
          ? `must be at most ${limit}`
          : `must be less than ${limit}`;
      if (input !== undefined) message += `, got ${describe(input)}`;
      return message;
  }
}

const TYPE_NAMES: Record<string, string> = {
  record: 'object',
  object: 'object',
  tuple: 'array',
  int: 'integer',
  nan: 'number',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A short description of a value for messages: `string "16px"`, `number 1.5`, `array`, `null`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
      return `string ${JSON.stringify(shown)}`;
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'function':
      return 'function';
    default:
      return 'object';
  }
}

// ---------------------------------------------------------------------------------------------
// Schema walking (for the expected keys of unknown-key messages)
// ---------------------------------------------------------------------------------------------

interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  valueType?: unknown;
  items?: unknown[];
  rest?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
}

function defOf(schema: unknown): SchemaDef | null {
  const def = (schema as { _zod?: { def?: SchemaDef } } | null)?._zod?.def;
  return def && typeof def.type === 'string' ? def : null;
}

/** Unwraps optional/default/pipe/... wrappers and expands unions, returning the concrete schemas. */
function concrete(schema: unknown, depth = 0): unknown[] {
  const def = defOf(schema);
  if (!def || depth > 32) return [];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'success':
      return concrete(def.innerType, depth + 1);
    case 'pipe':
      return concrete(def.in, depth + 1);
    case 'lazy':
      return def.getter ? concrete(def.getter(), depth + 1) : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => concrete(option, depth + 1));
    case 'intersection':
      return [...concrete(def.left, depth + 1), ...concrete(def.right, depth + 1)];
    default:
      return [schema];
  }
}

/** The keys the object schema(s) at `path` accept, in declaration order. */
function knownKeysAt(schema: z.ZodType, path: DataPath): string[] {
  let current: unknown[] = concrete(schema);
  for (const segment of path) {
    const next: unknown[] = [];
    for (const node of current) {
      const def = defOf(node);
      if (!def) continue;
      if (def.type === 'object' && typeof segment === 'string' && def.shape && segment in def.shape) {
        next.push(...concrete(def.shape[segment]));
      } else if (def.type === 'array' && typeof segment === 'number') next.push(...concrete(def.element));
      else if (def.type === 'record') next.push(...concrete(def.valueType));
      else if (def.type === 'tuple' && typeof segment === 'number') {
        next.push(...concrete(def.items?.[segment] ?? def.rest));
      }
    }
    current = next;
  }
  const keys = new Set<string>();
  for (const node of current) {
    const def = defOf(node);
    if (def?.type === 'object' && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}
