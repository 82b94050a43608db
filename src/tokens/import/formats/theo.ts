/**
 * Theo, the format of Salesforce's design tokens (SLDS) and of Shopify Polaris' older tokens:
 * YAML or JSON with `props` (a map or a list of `{name, value}`), `aliases` (named values that
 * props use as `{!NAME}`), `global` (a `type` and `category` for every prop) and `imports`
 * (other files whose aliases are in scope). Theo's raw JSON output (`aliases` plus resolved
 * `props` with `originalValue`) reads the same way.
 *
 * Aliases become tokens under `aliases` (typed by their value, else by the props that use them);
 * props keep their names. Theo's own fields (`category`, `release`, `access`, `cssProperties`,
 * ...) are kept in `$extensions["org.brandlint.import.theo"]`.
 */
import type { JsonNode, JsonObject } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { FormatReading, ImportFile, RawToken } from '../model.js';
import { keptProperties, memberNode, stringOf } from './tree.js';

const READ = new Set(['value', 'originalValue', 'type', 'comment', 'description', 'name', 'deprecated']);

/** The relative paths a Theo file imports. */
export function theoImports(root: JsonNode): Array<{ path: string; node: JsonNode }> {
  if (root.kind !== 'object') return [];
  const imports = memberNode(root, 'imports');
  if (imports?.kind !== 'array') return [];
  return imports.items.flatMap((item) => (item.kind === 'string' ? [{ path: item.value, node: item }] : []));
}

export function readTheo(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const tokens: RawToken[] = [];
  for (const file of files) {
    const root = file.root;
    if (root.kind !== 'object') continue;
    const global = memberNode(root, 'global');
    const globalValues = global?.kind === 'object' ? (toPlain(global) as Record<string, unknown>) : {};
    const aliases = memberNode(root, 'aliases');
    if (aliases?.kind === 'object') {
      for (const member of aliases.members) {
        const value = member.value.kind === 'object' ? memberNode(member.value, 'value') : member.value;
        if (!value) {
          log.warn(file.source, member.keySpan, IMPORT_CODES.unmapped, `alias ${member.key} has no value; not imported`);
          continue;
        }
        tokens.push({ path: ['aliases', member.key], stem: file.stem, file, keySpan: member.keySpan, value, nameHints: true });
      }
    }
    const props = memberNode(root, 'props');
    const entries: Array<{ name: string; keySpan: { start: number; end: number }; object: JsonObject }> = [];
    if (props?.kind === 'object') {
      for (const member of props.members) if (member.value.kind === 'object') entries.push({ name: member.key, keySpan: member.keySpan, object: member.value });
    } else if (props?.kind === 'array') {
      for (const item of props.items) {
        const name = item.kind === 'object' ? stringOf(memberNode(item, 'name')) : undefined;
        if (item.kind === 'object' && name) entries.push({ name, keySpan: memberNode(item, 'name') ?? item, object: item });
        else log.warn(file.source, item, IMPORT_CODES.unmapped, 'a prop without a "name" is not imported');
      }
    }
    for (const { name, keySpan, object } of entries) {
      const original = memberNode(object, 'originalValue');
      // Theo's raw output keeps the alias a prop was written with in `originalValue`.
      const value = original?.kind === 'string' && /\{!/.test(original.value) ? original : memberNode(object, 'value');
      const raw: RawToken = { path: [name], stem: file.stem, file, keySpan, nameHints: true };
      if (value) raw.value = value;
      const typeNode = memberNode(object, 'type');
      const typeName = stringOf(typeNode) ?? (typeof globalValues.type === 'string' ? globalValues.type : undefined);
      if (typeName) raw.typeName = { name: typeName, node: typeNode ?? null };
      const description = stringOf(memberNode(object, 'comment', 'description'));
      if (description) raw.description = description;
      const deprecated = memberNode(object, 'deprecated');
      if (deprecated?.kind === 'boolean' || deprecated?.kind === 'string') raw.deprecated = deprecated.value;
      const category = stringOf(memberNode(object, 'category')) ?? (typeof globalValues.category === 'string' ? globalValues.category : undefined);
      const kept = keptProperties(object, READ, 'org.brandlint.import.theo');
      const theo = { ...((kept?.['org.brandlint.import.theo'] as Record<string, unknown> | undefined) ?? {}) };
      if (category && theo.category === undefined) theo.category = category;
      if (Object.keys(theo).length > 0) raw.extensions = { 'org.brandlint.import.theo': theo };
      tokens.push(raw);
    }
  }
  return { tokens, references: 'theo' };
}
