/**
 * Reads one Vale rule file (`Style/Rule.yml`) into a definition, validated the way Vale does it
 * (`internal/check/definition.go`: unknown keys are errors) with positions in the rule file.
 * What brandlint cannot run (`script`, a missing dictionary) is a warning positioned at the key,
 * naming the rule: never a silent skip.
 */
import { parseDataFile, type Locate } from '../../../src/core/data-file.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { translateValeRegex, ValeRegexError } from './regex.js';

export const EXTENSION_POINTS = [
  'existence',
  'substitution',
  'occurrence',
  'repetition',
  'consistency',
  'conditional',
  'capitalization',
  'metric',
  'readability',
  'spelling',
  'sequence',
  'script',
] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];

export const VALE_LEVELS = ['suggestion', 'warning', 'error'] as const;
export type ValeLevel = (typeof VALE_LEVELS)[number];

const COMMON = ['extends', 'message', 'description', 'level', 'link', 'scope', 'limit', 'action', 'name', 'selector'];
const KEYS: Record<ExtensionPoint, readonly string[]> = {
  existence: ['raw', 'tokens', 'exceptions', 'append', 'ignorecase', 'nonword', 'vocab', 'pos'],
  substitution: ['swap', 'exceptions', 'ignorecase', 'nonword', 'vocab', 'capitalize', 'pos'],
  occurrence: ['token', 'max', 'min', 'ignorecase'],
  repetition: ['tokens', 'max', 'ignorecase', 'alpha', 'vocab', 'exceptions'],
  consistency: ['either', 'nonword', 'ignorecase'],
  conditional: ['first', 'second', 'exceptions', 'ignorecase', 'vocab'],
  capitalization: ['match', 'style', 'exceptions', 'indicators', 'threshold', 'vocab', 'prefix'],
  metric: ['formula', 'condition'],
  readability: ['metrics', 'grade'],
  spelling: ['filters', 'ignore', 'exceptions', 'dictionaries', 'aff', 'dic', 'dicpath', 'threshold', 'custom', 'append'],
  sequence: ['tokens', 'ignorecase'],
  script: ['script'],
};

export interface ValeAction {
  name: string;
  params: string[];
}

/** A Vale rule as written, with its file and a locator into it. */
export interface ValeDefinition {
  /** `Style.Rule`. */
  name: string;
  style: string;
  extends: ExtensionPoint;
  message: string;
  description: string;
  level: ValeLevel;
  link?: string;
  scope: string[];
  limit: number;
  action: ValeAction;
  /** The other keys, as written (read by the extension point). */
  options: Record<string, unknown>;
  file: string;
  locate: Locate;
}

export interface ReadRuleResult {
  definition: ValeDefinition | null;
  diagnostics: Diagnostic[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads and validates one rule file. */
export function readValeRule(text: string, file: string, style: string, ruleName: string): ReadRuleResult {
  const name = `${style}.${ruleName}`;
  const parsed = parseDataFile(text, file, { format: 'yaml', ruleIdPrefix: 'vale' });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { definition: null, diagnostics };
  const { data, locate } = parsed;
  const error = (message: string, path: Array<string | number>, ruleId = 'vale/invalid-value'): ReadRuleResult => ({
    definition: null,
    diagnostics: [...diagnostics, { ruleId, severity: 'error', message: `${name}: ${message}`, file, range: locate(path) }],
  });
  if (!isRecord(data)) return error('a Vale rule is a YAML mapping', []);
  const point = data['extends'];
  if (point === undefined) return error("missing the required 'extends' key", [], 'vale/missing-key');
  if (typeof point !== 'string' || !(EXTENSION_POINTS as readonly string[]).includes(point)) {
    return error(`'extends' must be one of ${EXTENSION_POINTS.join(', ')}`, ['extends']);
  }
  const extensionPoint = point as ExtensionPoint;
  if (typeof data['message'] !== 'string') return error("missing the required 'message' key", [], 'vale/missing-key');
  const allowed = new Set([...COMMON, ...KEYS[extensionPoint]]);
  for (const key of Object.keys(data)) {
    if (key === 'code') return error('`code` is deprecated; use `scope: raw` instead', [key]);
    if (!allowed.has(key)) {
      return error(`unknown key "${key}" for a ${extensionPoint} rule; expected one of ${[...allowed].join(', ')}`, [key], 'vale/unknown-key');
    }
  }
  const level = data['level'] ?? 'warning';
  if (typeof level !== 'string' || !(VALE_LEVELS as readonly string[]).includes(level)) return error(`'level' must be one of ${VALE_LEVELS.join(', ')}`, ['level']);
  const scopeValue = data['scope'] ?? ['text'];
  const scope = typeof scopeValue === 'string' ? [scopeValue] : Array.isArray(scopeValue) ? scopeValue.map(String) : null;
  if (!scope) return error("'scope' must be a scope or a list of scopes", ['scope']);
  for (const [index, value] of scope.entries()) {
    for (const part of value.split('&')) {
      const base = part.trim().replace(/^~/, '').split('.')[0]!;
      if (['code', 'link', 'strong', 'emphasis'].includes(base)) return error(`scope '${base}' is no longer supported; use 'raw' instead`, typeof scopeValue === 'string' ? ['scope'] : ['scope', index]);
      if (!SCOPES.has(base)) return error(`'${base}' is not a valid scope; must be one of ${[...SCOPES].join(', ')}`, typeof scopeValue === 'string' ? ['scope'] : ['scope', index]);
    }
  }
  const actionValue = data['action'];
  const action: ValeAction = { name: '', params: [] };
  if (isRecord(actionValue)) {
    if (typeof actionValue['name'] === 'string') action.name = actionValue['name'];
    if (Array.isArray(actionValue['params'])) action.params = actionValue['params'].map(String);
  }
  const options: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of KEYS[extensionPoint]) if (key in data) options[key] = data[key];
  const definition: ValeDefinition = {
    name,
    style,
    extends: extensionPoint,
    message: data['message'],
    description: typeof data['description'] === 'string' ? data['description'] : '',
    level: level as ValeLevel,
    ...(typeof data['link'] === 'string' ? { link: data['link'] } : {}),
    scope,
    limit: typeof data['limit'] === 'number' ? data['limit'] : 0,
    action,
    options,
    file,
    locate,
  };
  const typeProblem = checkTypes(definition);
  if (typeProblem) return error(typeProblem.message, typeProblem.path);
  return { definition, diagnostics };
}

const SCOPES = new Set(['text', 'heading', 'table', 'figure', 'list', 'paragraph', 'sentence', 'alt', 'title', 'blockquote', 'summary', 'raw']);

const STRING_LISTS = ['tokens', 'raw', 'exceptions', 'indicators', 'metrics', 'filters', 'dictionaries'];
const BOOLEANS = ['append', 'ignorecase', 'nonword', 'vocab', 'capitalize', 'alpha', 'custom'];
const NUMBERS = ['max', 'min', 'threshold', 'grade'];
const REGEX_LISTS = ['raw', 'exceptions', 'filters'];

/** Types of the extension point's keys, and the regular expressions they hold. */
function checkTypes(definition: ValeDefinition): { message: string; path: Array<string | number> } | null {
  const { options } = definition;
  const ignoreCase = options['ignorecase'] === true;
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (key === 'tokens' && definition.extends === 'sequence') {
      if (!Array.isArray(value) || !value.every(isRecord)) return { message: "'tokens' of a sequence is a list of mappings (pattern, tag, skip, negate)", path: [key] };
      continue;
    }
    if (STRING_LISTS.includes(key)) {
      if (typeof value === 'string' && (key === 'ignore' || key === 'dictionaries')) continue;
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')) {
        return { message: `'${key}' must be a list of strings`, path: [key] };
      }
      options[key] = value.map(String);
    } else if (BOOLEANS.includes(key) && typeof value !== 'boolean') return { message: `'${key}' must be true or false`, path: [key] };
    else if (NUMBERS.includes(key) && typeof value !== 'number') return { message: `'${key}' must be a number`, path: [key] };
    else if ((key === 'swap' || key === 'either') && !isRecord(value)) return { message: `'${key}' must be a mapping`, path: [key] };
  }
  const patterns: Array<[string, Array<string | number>]> = [];
  for (const key of ['tokens', ...REGEX_LISTS]) {
    if (definition.extends === 'sequence' || definition.extends === 'capitalization') continue;
    const list = options[key];
    if (Array.isArray(list)) list.forEach((item, index) => patterns.push([String(item), [key, index]]));
  }
  for (const key of ['token', 'first', 'second']) if (typeof options[key] === 'string') patterns.push([options[key], [key]]);
  for (const key of ['swap', 'either']) {
    const map = options[key];
    if (isRecord(map)) for (const from of Object.keys(map)) patterns.push([from, [key, from]]);
  }
  for (const [pattern, path] of patterns) {
    try {
      translateValeRegex(pattern, ignoreCase);
    } catch (error) {
      if (error instanceof ValeRegexError) return { message: `invalid regular expression ${JSON.stringify(pattern)}: ${error.message}`, path };
      throw error;
    }
  }
  return null;
}

/** A warning about a rule or a key brandlint cannot honour. */
export function unsupported(definition: ValeDefinition, message: string, path: Array<string | number> = ['extends']): Diagnostic {
  return {
    ruleId: 'vale/unsupported',
    severity: 'warning',
    message: `${definition.name}: ${message}`,
    file: definition.file,
    range: definition.locate(path),
  };
}
