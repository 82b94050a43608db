/**
 * Vale styles as rule packs. `packs:` may name a Vale style folder (`styles/Google`: every rule,
 * everywhere, at its own level), a StylesPath (every style folder in it), or a `.vale.ini` (its
 * `StylesPath`, `BasedOnStyles`, `MinAlertLevel`, per-glob sections, `Vocab`, `WordTemplate`).
 * Each rule becomes a brandlint rule with Vale's name (`Google.WordList`): configuration,
 * directives and dashboards name it as Vale does, and `Google` names the whole style.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { RuleLevel } from '../../../src/core/rule.js';
import { readTextFile } from '../../../src/core/text-file.js';
import { compileValeRule, type ValeRuleSettings } from './compile.js';
import { listValue, parseIni, type IniEntry } from './ini.js';
import { readValeRule, VALE_LEVELS, type ValeDefinition, type ValeLevel } from './style.js';
import type { PackDocumentRule } from '../compile.js';

export interface ValeLoadResult {
  rules: PackDocumentRule[];
  diagnostics: Diagnostic[];
  /** Every file read (rule files, the ini, vocabularies, dictionaries' word lists): the cache key hashes them. */
  files: string[];
}

/** Ini keys brandlint reads; others are reported once as not honoured. */
const GLOBAL_KEYS = new Set(['StylesPath', 'MinAlertLevel', 'Vocab', 'WordTemplate', 'BasedOnStyles']);

interface Plan {
  stylesPath: string;
  /** Styles to load (null: every style folder found). */
  styles: Set<string> | null;
  settings: ValeRuleSettings;
  vocab: string[];
  wordTemplate?: string;
  base: string;
}

const LEVEL_TO_BRANDLINT: Record<ValeLevel, RuleLevel> = { suggestion: 'warn', warning: 'warn', error: 'error' };
const LEVEL_RANK: Record<ValeLevel, number> = { suggestion: 0, warning: 1, error: 2 };

export async function loadValeSource(entry: string): Promise<ValeLoadResult> {
  const result: ValeLoadResult = { rules: [], diagnostics: [], files: [] };
  const plan = await planOf(entry, result);
  if (!plan) return result;

  // Vocabularies: accept.txt and reject.txt (config/vocabularies/<name>/, or the older Vocab/<name>/).
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const name of plan.vocab) {
    const folder = [path.join(plan.stylesPath, 'config', 'vocabularies', name), path.join(plan.stylesPath, 'Vocab', name)].find((dir) => existsSync(dir));
    if (!folder) {
      result.diagnostics.push({ ruleId: 'vale/not-found', severity: 'error', message: `vocabulary "${name}" not found in ${path.join(plan.stylesPath, 'config', 'vocabularies')}`, file: entry, range: null });
      continue;
    }
    for (const [file, into] of [['accept.txt', accepted], ['reject.txt', rejected]] as const) {
      const full = path.join(folder, file);
      if (!existsSync(full)) continue;
      result.files.push(full);
      for (const line of (await readFile(full, 'utf8')).split(/\r?\n/)) {
        const term = line.trim();
        if (term !== '' && !term.startsWith('#')) into.push(term);
      }
    }
  }

  const definitions: ValeDefinition[] = [];
  const styleFolders = await styleFoldersOf(plan.stylesPath, plan.styles);
  for (const wanted of plan.styles ?? []) {
    if (wanted !== 'Vale' && !styleFolders.has(wanted)) {
      result.diagnostics.push({ ruleId: 'vale/not-found', severity: 'error', message: `style "${wanted}" does not exist in StylesPath ${plan.stylesPath}`, file: entry, range: null });
    }
  }
  for (const [style, folder] of styleFolders) {
    const files = (await readdir(folder)).filter((file) => file.endsWith('.yml') || file.endsWith('.yaml')).sort();
    for (const file of files) {
      const full = path.join(folder, file);
      result.files.push(full);
      const read = await readTextFile(full);
      if (!read.ok) {
        result.diagnostics.push(read.diagnostic);
        continue;
      }
      const parsed = readValeRule(read.text, full, style, file.replace(/\.ya?ml$/, ''));
      result.diagnostics.push(...parsed.diagnostics);
      if (parsed.definition) definitions.push(parsed.definition);
    }
  }
  if (plan.styles?.has('Vale')) definitions.push(...builtinRules(entry, accepted, rejected));

  const env = { accepted, ...(plan.wordTemplate ? { wordTemplate: plan.wordTemplate } : {}) };
  for (const definition of definitions) {
    const compiled = await compileValeRule(definition, env, plan.settings, plan.stylesPath);
    result.diagnostics.push(...compiled.diagnostics);
    if (compiled.rule) result.rules.push(compiled.rule);
  }
  return result;
}

/** Vale's built-in style: `Vale.Terms` and `Vale.Avoid` from the vocabulary, `Vale.Repetition`, `Vale.Spelling`. */
function builtinRules(file: string, accepted: readonly string[], rejected: readonly string[]): ValeDefinition[] {
  const make = (rule: string, extendsPoint: ValeDefinition['extends'], message: string, level: ValeLevel, options: Record<string, unknown>): ValeDefinition => ({
    name: `Vale.${rule}`,
    style: 'Vale',
    extends: extendsPoint,
    message,
    description: '',
    level,
    scope: ['text'],
    limit: 0,
    action: { name: extendsPoint === 'substitution' ? 'replace' : '', params: [] },
    options: Object.assign(Object.create(null) as Record<string, unknown>, options),
    file,
    locate: () => null,
  });
  const rules = [
    make('Repetition', 'repetition', "'%s' is repeated!", 'error', { alpha: true, tokens: ['[^\\s]+'] }),
    make('Spelling', 'spelling', "Did you really mean '%s'?", 'error', {}),
  ];
  const phrases = accepted.filter((term) => /^[\p{L}\p{N} -]+$/u.test(term));
  if (phrases.length > 0) {
    const swap = Object.create(null) as Record<string, string>;
    for (const term of phrases) swap[term.toLowerCase()] = term;
    rules.push(make('Terms', 'substitution', "Use '%s' instead of '%s'.", 'error', { swap, ignorecase: true, vocab: false }));
  }
  if (rejected.length > 0) rules.push(make('Avoid', 'existence', "Avoid using '%s'.", 'error', { tokens: [...rejected], ignorecase: false }));
  return rules;
}

async function styleFoldersOf(stylesPath: string, wanted: ReadonlySet<string> | null): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  const entries = await readdir(stylesPath, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name === 'config' || entry.name === 'Vocab' || entry.name.startsWith('.')) continue;
    if (wanted && !wanted.has(entry.name)) continue;
    const folder = path.join(stylesPath, entry.name);
    const files = await readdir(folder).catch(() => [] as string[]);
    if (files.some((file) => /\.ya?ml$/.test(file))) folders.set(entry.name, folder);
  }
  return folders;
}

async function planOf(entry: string, result: ValeLoadResult): Promise<Plan | null> {
  const everywhere: ValeRuleSettings = { levelFor: (_name, level) => () => LEVEL_TO_BRANDLINT[level], defaultLevel: (_name, level) => LEVEL_TO_BRANDLINT[level] };
  if (!/\.ini$/i.test(entry)) {
    const yml = (await readdir(entry).catch(() => [] as string[])).some((file) => /\.ya?ml$/.test(file));
    if (yml) {
      // One style folder: its rules everywhere, at their own levels.
      return { stylesPath: path.dirname(entry), styles: new Set([path.basename(entry)]), settings: everywhere, vocab: [], base: entry };
    }
    const ini = ['.vale.ini', '_vale.ini', 'vale.ini'].map((name) => path.join(entry, name)).find((file) => existsSync(file));
    if (!ini) return { stylesPath: entry, styles: null, settings: everywhere, vocab: [], base: entry };
    entry = ini;
  }
  const read = await readTextFile(entry);
  if (!read.ok) {
    result.diagnostics.push(read.diagnostic);
    return null;
  }
  result.files.push(entry);
  const ini = parseIni(read.text);
  const at = (line: number, column: number, length = 1) => ({ start: { line, column, offset: 0 }, end: { line, column: column + length, offset: 0 } });
  for (const problem of ini.problems) result.diagnostics.push({ ruleId: 'vale/ini-syntax', severity: 'error', message: problem.message, file: entry, range: at(problem.line, problem.column) });
  const base = path.dirname(entry);
  const global = ini.sections[0]!;
  const get = (key: string): IniEntry | undefined => global.entries.find((item) => item.key === key);
  const stylesPath = path.resolve(base, get('StylesPath')?.value ?? '.');
  const minEntry = get('MinAlertLevel');
  const minLevel = (minEntry?.value ?? 'suggestion') as ValeLevel;
  if (minEntry && !(VALE_LEVELS as readonly string[]).includes(minEntry.value)) {
    result.diagnostics.push({ ruleId: 'vale/invalid-value', severity: 'error', message: `MinAlertLevel must be one of ${VALE_LEVELS.join(', ')}`, file: entry, range: at(minEntry.line, minEntry.valueColumn, minEntry.value.length) });
  }
  const styles = new Set<string>();
  const vocab = new Set<string>();
  /** Per section: glob matcher, base styles, explicit settings (`Style.Rule` or `Style` -> YES/NO/level). */
  const sections = ini.sections.map((section) => {
    const explicit = new Map<string, string>();
    const based: string[] = [];
    for (const item of section.entries) {
      if (item.key === 'BasedOnStyles') based.push(...listValue(item.value));
      else if (item.key === 'Vocab') for (const name of listValue(item.value)) vocab.add(name);
      else if (/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?$/.test(item.key) && /^(?:YES|NO|suggestion|warning|error)$/i.test(item.value) && (item.key.includes('.') || !GLOBAL_KEYS.has(item.key))) {
        explicit.set(item.key, item.value);
        styles.add(item.key.split('.')[0]!);
      } else if (!(section.glob === null && GLOBAL_KEYS.has(item.key))) {
        result.diagnostics.push({
          ruleId: 'vale/unsupported',
          severity: 'warning',
          message: `"${item.key}" is not honoured by brandlint (it reads StylesPath, MinAlertLevel, Vocab, WordTemplate, BasedOnStyles and rule settings); ignored`,
          file: entry,
          range: at(item.line, item.keyColumn, item.key.length),
        });
      }
    }
    for (const style of based) styles.add(style);
    const glob = section.glob;
    const matches =
      glob === null || glob === '*'
        ? () => true
        : picomatch(glob, { dot: true, matchBase: !glob.includes('/') });
    return { matches, based, explicit };
  });
  const setting = (name: string, file: string): string | undefined => {
    const relative = path.relative(base, file).split(path.sep).join('/');
    let found: string | undefined;
    for (const section of sections) {
      if (!section.matches(relative)) continue;
      const style = name.split('.')[0]!;
      if (section.based.includes(style)) found = 'YES';
      found = section.explicit.get(style) ?? found;
      found = section.explicit.get(name) ?? found;
    }
    return found;
  };
  const toLevel = (value: string | undefined, own: ValeLevel): RuleLevel => {
    if (value === undefined || /^NO$/i.test(value)) return 'off';
    const level = (/^YES$/i.test(value) ? own : value.toLowerCase()) as ValeLevel;
    return LEVEL_RANK[level] < LEVEL_RANK[minLevel] ? 'off' : LEVEL_TO_BRANDLINT[level];
  };
  const settings: ValeRuleSettings = {
    levelFor: (name, own) => (file) => toLevel(setting(name, file), own),
    // Shown where no file is at hand; files get their own level through `levelFor`.
    defaultLevel: (name, own) => toLevel(sections.some((section) => section.based.includes(name.split('.')[0]!) || section.explicit.has(name)) ? 'YES' : undefined, own),
  };
  const wordTemplate = get('WordTemplate')?.value;
  return { stylesPath, styles, settings, vocab: [...vocab], ...(wordTemplate ? { wordTemplate } : {}), base };
}
