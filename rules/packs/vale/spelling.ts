/**
 * Vale's `spelling` extension point with Hunspell dictionaries through nspell: the rule's own
 * `aff`/`dic` files, or `dictionaries` named in `dicpath` (`<dicpath>/<name>.aff` and `.dic`),
 * else the packaged English dictionary (dictionary-en, en-US). Words are skipped by Vale's default
 * filters (camelCase, all capitals, anything but letters, `_` and `'`) unless `custom: true`, by
 * the rule's `filters`, by the `ignore` word lists and by the vocabulary's accepted terms.
 * A dictionary that cannot be found is a positioned notice and the rule does not run.
 */
import { allMatches } from '../../../src/core/all-matches.js';
import { importModule } from '../../../src/core/dynamic-import.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { formatValeMessage, partsFor, type ValeCheck } from './checks.js';
import { compileValeRegex } from './regex.js';
import { unsupported, type ValeDefinition } from './style.js';

interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
  add(word: string): unknown;
}

const DEFAULT_FILTERS = [/[A-Z]{1}[a-z]+[A-Z]+\w+/u, /[A-Z]+$/u, /[^a-zA-Z_']/u];

async function packagedEnglish(): Promise<{ aff: Uint8Array; dic: Uint8Array }> {
  return (await importModule<typeof import('dictionary-en')>('dictionary-en')).default;
}

/** The spelling check of a definition, or null and a notice when its dictionary is missing. */
export async function spellingCheck(definition: ValeDefinition, stylesPath: string, accepted: readonly string[]): Promise<{ check: ValeCheck | null; diagnostics: Diagnostic[] }> {
  const { options } = definition;
  const candidates = (name: string): string[] => [path.resolve(path.dirname(definition.file), name), path.resolve(stylesPath, name), path.resolve(stylesPath, 'config', 'dictionaries', name)];
  const find = (name: string): string | undefined => candidates(name).find((file) => existsSync(file));
  const pairs: Array<{ aff: string; dic: string }> = [];
  const missing: string[] = [];
  if (typeof options['aff'] === 'string' && typeof options['dic'] === 'string') {
    const aff = find(options['aff']);
    const dic = find(options['dic']);
    if (aff && dic) pairs.push({ aff, dic });
    else missing.push(`${options['dic']} / ${options['aff']}`);
  } else {
    const names = typeof options['dictionaries'] === 'string' ? [options['dictionaries']] : ((options['dictionaries'] as string[] | undefined) ?? []);
    const folder = typeof options['dicpath'] === 'string' ? options['dicpath'] : path.join('config', 'dictionaries');
    for (const name of names) {
      const aff = find(path.join(folder, `${name}.aff`));
      const dic = find(path.join(folder, `${name}.dic`));
      if (aff && dic) pairs.push({ aff, dic });
      else missing.push(name);
    }
  }
  if (missing.length > 0) {
    const key = options['aff'] !== undefined ? 'aff' : 'dictionaries';
    return {
      check: null,
      diagnostics: [unsupported(definition, `Hunspell dictionary ${missing.map((m) => `"${m}"`).join(', ')} not found (looked beside the rule and in StylesPath/config/dictionaries); the rule does not run`, [key])],
    };
  }
  const { default: nspell } = await import('nspell');
  const dictionaries = pairs.length > 0 ? await Promise.all(pairs.map(async (pair) => ({ aff: await readFile(pair.aff), dic: await readFile(pair.dic) }))) : [await packagedEnglish()];
  const [first, ...rest] = dictionaries;
  const speller = nspell(Buffer.from(first!.aff), Buffer.from(first!.dic)) as unknown as Speller & { dictionary(dic: Buffer): unknown };
  for (const extra of rest) speller.dictionary(Buffer.from(extra.dic));
  const ignoreFiles = typeof options['ignore'] === 'string' ? [options['ignore']] : ((options['ignore'] as string[] | undefined) ?? []);
  for (const name of ignoreFiles) {
    const file = find(name) ?? find(path.join('config', 'ignore', name));
    if (!file) continue;
    for (const word of (await readFile(file, 'utf8')).split(/\r?\n/)) if (word.trim() !== '' && !word.startsWith('#')) speller.add(word.trim());
  }
  const filters = [...((options['filters'] as string[] | undefined) ?? []).map((filter) => compileValeRegex(filter, false, '')), ...(options['custom'] === true ? [] : DEFAULT_FILTERS)];
  const exceptions = [...((options['exceptions'] as string[] | undefined) ?? []), ...accepted];
  const excepted = exceptions.length > 0 ? compileValeRegex(exceptions.join('|'), true, '') : null;
  const check: ValeCheck = ({ source, report }) => {
    for (const part of partsFor(source, definition.scope)) {
      for (const match of allMatches(part.text, /[\p{L}\p{N}_][\p{L}\p{N}_'’-]*/gu)) {
        const word = match[0].replace(/['’-]+$/u, '');
        if (filters.some((filter) => filter.test(word))) continue;
        if (speller.correct(word) || excepted?.test(word)) continue;
        report({ range: part.range(match.index, match.index + word.length), message: formatValeMessage(definition.message, word), actual: word });
      }
    }
  };
  return { check, diagnostics: [] };
}
