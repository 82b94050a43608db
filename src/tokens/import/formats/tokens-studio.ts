/**
 * Tokens Studio for Figma: token sets (one file with a top-level key per set, or one file per
 * set next to `$themes.json` and `$metadata.json`), tokens with `value`/`type` (or `$value`/
 * `$type`), its own types (`fontSizes`, `lineHeights`, `boxShadow`, ...), composite typography
 * and shadows, math (`{spacing.base} * 2`), color modifiers in `$extensions["studio.tokens"]`,
 * and themes: each theme enables some sets. Every set becomes an output file; themes become
 * modifiers of a resolver document (a theme group is one modifier, each theme one context).
 */
import { formatRgb, parse as parseColor } from '../../../core/culori.js';
import type { JsonNode, JsonObject } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import { slug } from '../importer.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { ComposePlan, FormatReading, ImportFile, RawToken } from '../model.js';
import { extensionsOf, memberNode, stringOf, syntheticString, walkTree } from './tree.js';

interface TokenSet {
  name: string;
  file: ImportFile;
  root: JsonObject;
  /** The set's path inside the file (single-file exports keep every set under its name). */
  start: string[];
}

interface Theme {
  name: string;
  group: string;
  sets: Map<string, string>;
  node: JsonNode;
  file: ImportFile;
}

/** Whether a file is Tokens Studio's `$themes.json` / `$metadata.json`. */
export function isTokensStudioMetaFile(file: string): boolean {
  return /(^|\/)\$(themes|metadata)\.json$/i.test(file);
}

export function readTokensStudio(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const sets: TokenSet[] = [];
  const themes: Theme[] = [];
  let order: string[] | undefined;
  for (const file of files) {
    const root = file.root;
    if (root.kind === 'array' && /\$themes\.json$/i.test(file.file)) {
      themes.push(...readThemes(file, root, log));
      continue;
    }
    if (root.kind !== 'object') continue;
    if (/\$metadata\.json$/i.test(file.file)) {
      order = setOrder(root) ?? order;
      continue;
    }
    const themesNode = memberNode(root, '$themes');
    const metadata = memberNode(root, '$metadata');
    if (themesNode || metadata) {
      // One file holding every set under its name.
      if (themesNode?.kind === 'array') themes.push(...readThemes(file, themesNode, log));
      if (metadata?.kind === 'object') order = setOrder(metadata) ?? order;
      for (const member of root.members) {
        if (member.key.startsWith('$')) continue;
        if (member.value.kind !== 'object') continue;
        sets.push({ name: member.key, file: { ...file, stem: setStem(member.key) }, root: member.value, start: [] });
      }
      continue;
    }
    sets.push({ name: file.stem, file, root, start: [] });
  }
  if (order) {
    const rank = (name: string) => {
      const index = order?.indexOf(name) ?? -1;
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    sets.sort((a, b) => rank(a.name) - rank(b.name));
  }

  const tokens: RawToken[] = [];
  for (const set of sets) {
    walkTree(
      set.file,
      set.root,
      {
        isToken: (object) => object.members.some((member) => member.key === 'value' || member.key === '$value'),
        isGroupProperty: (key) => key.startsWith('$') || key === 'type' || key === 'description',
        token(path, object, member) {
          tokens.push(tokenOf(set.file, path, object, member.keySpan, log));
        },
      },
      log,
      set.start,
    );
  }
  const reading: FormatReading = { tokens, references: 'curly' };
  if (themes.length > 0 || sets.length > 1) reading.plan = planOf(sets, themes, log);
  return reading;
}

function setStem(name: string): string {
  return name
    .split('/')
    .map((part) => slug(part))
    .join('/');
}

function setOrder(metadata: JsonObject): string[] | undefined {
  const node = memberNode(metadata, 'tokenSetOrder');
  if (node?.kind !== 'array') return undefined;
  return node.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
}

function readThemes(file: ImportFile, node: JsonNode & { kind: 'array' }, log: ImportLog): Theme[] {
  const out: Theme[] = [];
  for (const item of node.items) {
    if (item.kind !== 'object') continue;
    const name = stringOf(memberNode(item, 'name'));
    const selected = memberNode(item, 'selectedTokenSets');
    if (!name || selected?.kind !== 'object') {
      log.warn(file.source, item, IMPORT_CODES.unmapped, 'a theme without "name" and "selectedTokenSets" is not imported');
      continue;
    }
    const sets = new Map<string, string>();
    for (const member of selected.members) if (member.value.kind === 'string') sets.set(member.key, member.value.value);
    out.push({ name, group: stringOf(memberNode(item, 'group')) ?? 'theme', sets, node: item, file });
  }
  return out;
}

/**
 * Themes as a resolver plan: sets enabled (or used as source) in every theme are the base;
 * each theme group is a modifier whose contexts are its themes with their other sets.
 */
function planOf(sets: readonly TokenSet[], themes: readonly Theme[], log: ImportLog): ComposePlan {
  const stemOf = new Map(sets.map((set) => [set.name, set.file.stem]));
  const ordered = sets.map((set) => set.name);
  if (themes.length === 0) return { base: ordered.map((name) => stemOf.get(name) ?? name), modifiers: [] };
  const used = (theme: Theme, set: string) => {
    const status = theme.sets.get(set);
    return status === 'enabled' || status === 'source';
  };
  const base = ordered.filter((set) => themes.every((theme) => used(theme, set)));
  const groups = new Map<string, Theme[]>();
  for (const theme of themes) groups.set(theme.group, [...(groups.get(theme.group) ?? []), theme]);
  const modifiers: ComposePlan['modifiers'] = [];
  for (const [group, members] of groups) {
    const first = members[0];
    if (!first) continue;
    modifiers.push({
      name: group,
      defaultContext: first.name,
      contexts: members.map((theme) => ({
        name: theme.name,
        stems: ordered.filter((set) => used(theme, set) && !base.includes(set)).map((set) => stemOf.get(set) ?? set),
      })),
    });
  }
  const unused = ordered.filter((set) => !themes.some((theme) => used(theme, set)));
  for (const set of unused) {
    const holder = sets.find((candidate) => candidate.name === set);
    if (holder) log.warn(holder.file.source, null, IMPORT_CODES.unmapped, `token set "${set}" is enabled in no theme: it is written, but no context of the resolver uses it`);
  }
  for (const theme of themes) {
    for (const set of theme.sets.keys()) {
      if (!stemOf.has(set)) log.warn(theme.file.source, theme.node, IMPORT_CODES.reference, `theme "${theme.name}" names token set "${set}", which is not among the imported files`);
    }
  }
  return { base: base.map((set) => stemOf.get(set) ?? set), modifiers, unused: unused.map((set) => stemOf.get(set) ?? set) };
}

function tokenOf(file: ImportFile, path: string[], object: JsonObject, keySpan: { start: number; end: number }, log: ImportLog): RawToken {
  const raw: RawToken = { path, stem: file.stem, file, keySpan, nameHints: true };
  let value = memberNode(object, '$value', 'value');
  const typeNode = memberNode(object, '$type', 'type');
  const typeName = stringOf(typeNode);
  if (typeName && typeNode) raw.typeName = { name: typeName, node: typeNode };
  const description = stringOf(memberNode(object, '$description', 'description'));
  if (description) raw.description = description;
  const extensions = extensionsOf(object);
  const extensionsNode = memberNode(object, '$extensions');
  const studio = extensionsNode?.kind === 'object' ? memberNode(extensionsNode, 'studio.tokens') : undefined;
  const modify = studio?.kind === 'object' ? memberNode(studio, 'modify') : undefined;
  if (value && modify?.kind === 'object') value = applyModifier(file, path, value, modify, log);
  if (value) raw.value = value;
  if (extensions) raw.extensions = extensions;
  return raw;
}

/**
 * Tokens Studio's color modifiers: `alpha` is applied (its value is exact); `lighten`, `darken`
 * and `mix` depend on Tokens Studio's color math and are not applied (said at the modifier).
 */
function applyModifier(file: ImportFile, path: string[], value: JsonNode, modify: JsonObject, log: ImportLog): JsonNode {
  const type = stringOf(memberNode(modify, 'type'));
  const amount = memberNode(modify, 'value');
  const amountValue = amount?.kind === 'number' ? amount.value : amount?.kind === 'string' && /^[\d.]+$/.test(amount.value) ? Number(amount.value) : undefined;
  if (type === 'alpha' && amountValue !== undefined && value.kind === 'string') {
    const text = value.value.trim();
    if (/^\{[^{}]+\}$/.test(text)) return syntheticString(`rgba(${text}, ${amountValue})`, value);
    const parsed = parseColor(text);
    if (parsed) return syntheticString(formatRgb({ ...parsed, alpha: amountValue }), value);
  }
  log.warn(
    file.source,
    modify,
    IMPORT_CODES.unmapped,
    `the "${type ?? 'unknown'}" color modifier of ${path.join('.')} is not applied (${JSON.stringify(toPlain(modify))}); the unmodified color is written`,
    path.join('.'),
  );
  return value;
}
