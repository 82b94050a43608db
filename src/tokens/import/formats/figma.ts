/**
 * Figma Variables, in the two shapes teams have them:
 *
 * - the REST API response (`GET /v1/files/:key/variables/local`): `meta.variableCollections`
 *   and `meta.variables`, values per mode id, aliases as `{type: "VARIABLE_ALIAS", id}`, types
 *   `COLOR`/`FLOAT`/`STRING`/`BOOLEAN` made specific by the variable's scopes;
 * - the DTCG-like JSON export: a DTCG tree whose `$extensions["com.figma…"]` carry the modes,
 *   either per token (`modes: {light: …, dark: …}`) or per file (`"com.figma.modeName"` at the
 *   top, one file per mode).
 *
 * A collection with more than one mode is a modifier (named after the collection); its modes
 * are the contexts. Aliases name variables by their Figma names (`{@color.Brand.900}`); they are
 * matched to the tokens ignoring case, spaces and `_`.
 */
import type { JsonNode, JsonObject } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import { slug } from '../importer.js';
import type { ImportKind } from '../kinds.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { FormatReading, ImportFile, RawToken, TokenModes } from '../model.js';
import { readDtcg } from './dtcg.js';
import { memberNode, stringOf, syntheticString } from './tree.js';

/** The REST API shape: `meta.variables` and `meta.variableCollections` (or the same at the top). */
export function figmaRestRoot(root: JsonNode): JsonObject | undefined {
  if (root.kind !== 'object') return undefined;
  const meta = memberNode(root, 'meta');
  const holder = meta?.kind === 'object' ? meta : root;
  const variables = memberNode(holder, 'variables');
  const collections = memberNode(holder, 'variableCollections');
  return variables?.kind === 'object' && collections?.kind === 'object' ? holder : undefined;
}

/** Extension keys of Figma's export (`com.figma`, `com.figma.sds`, `com.figma.variableId`, ...). */
export function isFigmaExtension(key: string): boolean {
  return key === 'com.figma' || key.startsWith('com.figma.');
}

export function readFigma(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const rest = files.filter((file) => figmaRestRoot(file.root));
  const exports = files.filter((file) => !figmaRestRoot(file.root));
  const tokens: RawToken[] = [];
  for (const file of rest) tokens.push(...readRest(file, figmaRestRoot(file.root) as JsonObject, log));
  const reading = readExport(exports, log);
  return { tokens: [...tokens, ...reading.tokens], ...(reading.groups ? { groups: reading.groups } : {}), references: 'curly' };
}

// ---------------------------------------------------------------------------------------------
// REST API

interface Collection {
  name: string;
  modes: Map<string, string>;
  defaultModeId: string;
}

const SCOPE_KINDS: Array<[RegExp, ImportKind]> = [
  [/^FONT_SIZE$/, 'fontSize'],
  [/^LINE_HEIGHT$/, 'lineHeight'],
  [/^LETTER_SPACING$/, 'letterSpacing'],
  [/^FONT_WEIGHT$/, 'fontWeight'],
  [/^OPACITY$/, 'opacity'],
  [/^(CORNER_RADIUS|WIDTH_HEIGHT|GAP|STROKE_FLOAT|EFFECT_FLOAT|PARAGRAPH_SPACING|PARAGRAPH_INDENT)$/, 'dimension'],
];

function kindOfFloat(scopes: readonly string[]): ImportKind | undefined {
  const kinds = new Set<ImportKind>();
  for (const scope of scopes) {
    const found = SCOPE_KINDS.find(([pattern]) => pattern.test(scope));
    if (found) kinds.add(found[1]);
    else return undefined;
  }
  return kinds.size === 1 ? [...kinds][0] : kinds.size > 0 && [...kinds].every((kind) => kind === 'dimension' || kind === 'fontSize') ? 'dimension' : undefined;
}

function readRest(file: ImportFile, holder: JsonObject, log: ImportLog): RawToken[] {
  const collections = new Map<string, Collection>();
  const collectionsNode = memberNode(holder, 'variableCollections') as JsonObject;
  for (const member of collectionsNode.members) {
    if (member.value.kind !== 'object') continue;
    const name = stringOf(memberNode(member.value, 'name')) ?? member.key;
    const modes = new Map<string, string>();
    const modesNode = memberNode(member.value, 'modes');
    if (modesNode?.kind === 'array') {
      for (const mode of modesNode.items) {
        if (mode.kind !== 'object') continue;
        const id = stringOf(memberNode(mode, 'modeId'));
        const modeName = stringOf(memberNode(mode, 'name'));
        if (id && modeName) modes.set(id, modeName);
      }
    }
    const defaultModeId = stringOf(memberNode(member.value, 'defaultModeId')) ?? modes.keys().next().value ?? '';
    collections.set(stringOf(memberNode(member.value, 'id')) ?? member.key, { name, modes, defaultModeId });
  }

  const variables = memberNode(holder, 'variables') as JsonObject;
  const pathById = new Map<string, string[]>();
  for (const member of variables.members) {
    if (member.value.kind !== 'object') continue;
    const name = stringOf(memberNode(member.value, 'name'));
    if (name) pathById.set(stringOf(memberNode(member.value, 'id')) ?? member.key, name.split('/').map((part) => part.trim()));
  }

  const tokens: RawToken[] = [];
  for (const member of variables.members) {
    const variable = member.value;
    if (variable.kind !== 'object') continue;
    const id = stringOf(memberNode(variable, 'id')) ?? member.key;
    const path = pathById.get(id);
    const collection = collections.get(stringOf(memberNode(variable, 'variableCollectionId')) ?? '');
    if (!path || !collection) {
      log.warn(file.source, member.keySpan, IMPORT_CODES.unmapped, `variable ${id} has no name or no known collection; not imported`);
      continue;
    }
    const resolvedType = stringOf(memberNode(variable, 'resolvedType')) ?? '';
    const scopesNode = memberNode(variable, 'scopes');
    const scopes = scopesNode?.kind === 'array' ? scopesNode.items.flatMap((item) => (item.kind === 'string' ? [item.value] : [])) : [];
    const raw: RawToken = { path, stem: collectionStem(collection.name), file, keySpan: member.keySpan };
    if (resolvedType === 'COLOR') raw.kind = 'color';
    else if (resolvedType === 'FLOAT') {
      const kind = kindOfFloat(scopes);
      if (kind) raw.kind = kind;
      else {
        raw.kind = 'number';
        raw.nameHints = true;
      }
    } else if (resolvedType === 'STRING') {
      if (scopes.length > 0 && scopes.every((scope) => scope === 'FONT_FAMILY')) raw.kind = 'fontFamily';
      else if (scopes.length > 0 && scopes.every((scope) => scope === 'FONT_STYLE')) raw.kind = 'fontWeight';
      else raw.typeName = { name: 'string', node: memberNode(variable, 'resolvedType') ?? null };
    } else raw.typeName = { name: resolvedType.toLowerCase() || 'unknown', node: memberNode(variable, 'resolvedType') ?? null };
    // Figma's number variables can be anything; their names say more (`spacing/4`), not their values.
    if (raw.kind === 'number' && raw.nameHints) delete raw.kind;
    const description = stringOf(memberNode(variable, 'description'));
    if (description) raw.description = description;

    const values = memberNode(variable, 'valuesByMode');
    const contexts = new Map<string, JsonNode>();
    if (values?.kind === 'object') {
      for (const value of values.members) {
        const modeName = collection.modes.get(value.key) ?? value.key;
        contexts.set(modeName, restValue(value.value, pathById));
      }
    }
    const defaultName = collection.modes.get(collection.defaultModeId) ?? contexts.keys().next().value ?? '';
    const defaultValue = contexts.get(defaultName);
    if (defaultValue) raw.value = defaultValue;
    if (contexts.size > 1) raw.modes = { modifier: collection.name, defaultContext: defaultName, contexts };

    const figma: Record<string, unknown> = { variableId: id };
    if (scopes.length > 0) figma.scopes = scopes;
    const codeSyntax = memberNode(variable, 'codeSyntax');
    if (codeSyntax?.kind === 'object' && codeSyntax.members.length > 0) figma.codeSyntax = toPlain(codeSyntax);
    const hidden = memberNode(variable, 'hiddenFromPublishing');
    if (hidden?.kind === 'boolean' && hidden.value) figma.hiddenFromPublishing = true;
    raw.extensions = { 'com.figma': figma };
    tokens.push(raw);
  }
  return tokens;
}

function collectionStem(name: string): string {
  return name
    .split('/')
    .map((part) => slug(part))
    .join('/');
}

/** A REST value: an alias becomes `{path}` (at the alias's place), anything else stays. */
function restValue(node: JsonNode, pathById: ReadonlyMap<string, string[]>): JsonNode {
  if (node.kind !== 'object') return node;
  if (stringOf(memberNode(node, 'type')) !== 'VARIABLE_ALIAS') return node;
  const id = stringOf(memberNode(node, 'id')) ?? '';
  const path = pathById.get(id);
  return syntheticString(path ? `{${path.join('.')}}` : `{${id}}`, node);
}

// ---------------------------------------------------------------------------------------------
// DTCG-like export

function readExport(files: readonly ImportFile[], log: ImportLog): FormatReading {
  // One file per mode: `$extensions["com.figma.modeName"]` at the top of each.
  const modeOfFile = new Map<ImportFile, string>();
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    const extensions = memberNode(file.root, '$extensions');
    const modeName = extensions?.kind === 'object' ? stringOf(memberNode(extensions, 'com.figma.modeName')) : undefined;
    if (modeName) modeOfFile.set(file, modeName);
  }
  const reading = readDtcg(files, log, {
    modesOf: (token, path) => tokenModes(token, path),
    consumedExtensions: (key) => key === 'com.figma.modeName',
    fileModes: modeOfFile.size === 0,
  });
  if (modeOfFile.size === 0) return reading;
  // Files of one collection differ by mode: the same stem without the mode name.
  const groups = new Map<string, RawToken[]>();
  const out: RawToken[] = [];
  for (const token of reading.tokens) {
    const mode = modeOfFile.get(token.file);
    if (!mode || !token.value) {
      out.push(token);
      continue;
    }
    const collection = collectionOf(token.file, mode);
    const key = `${collection}|${token.path.join('.')}`;
    const existing = groups.get(key);
    if (!existing) {
      const first: RawToken = { ...token, stem: collection, modes: { modifier: collection.split('/').pop() ?? collection, defaultContext: mode, contexts: new Map([[mode, token.value]]), files: new Map([[mode, token.file]]) } };
      groups.set(key, [first]);
      out.push(first);
      continue;
    }
    const first = existing[0] as RawToken;
    first.modes?.contexts.set(mode, token.value);
    first.modes?.files?.set(mode, token.file);
  }
  for (const token of out) if (token.modes && token.modes.contexts.size < 2 && modeOfFile.has(token.file)) delete token.modes;
  return { ...reading, tokens: out };
}

/** The collection a per-mode file belongs to: its stem without the mode name (`Colors/Light` -> `Colors`). */
function collectionOf(file: ImportFile, mode: string): string {
  const segments = file.stem.split('/');
  const modeSlug = slug(mode);
  const last = segments[segments.length - 1] ?? '';
  if (slug(last) === modeSlug && segments.length > 1) return segments.slice(0, -1).join('/');
  const stripped = last.replace(new RegExp(`[._-]?${escapeRegExp(mode)}$`, 'i'), '');
  if (stripped) return [...segments.slice(0, -1), stripped].join('/');
  // `Colors/Light.tokens.json` named alone: the folder is the collection.
  const folder = file.file.split('/').slice(0, -1).pop();
  return folder && folder !== '.' ? folder : 'collection';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Per-token modes in `$extensions["com.figma…"].modes` (the mode names of the collection are its contexts). */
function tokenModes(token: JsonObject, path: string[]): TokenModes | undefined {
  const extensions = memberNode(token, '$extensions');
  if (extensions?.kind !== 'object') return undefined;
  for (const extension of extensions.members) {
    if (!isFigmaExtension(extension.key) || extension.value.kind !== 'object') continue;
    const modes = memberNode(extension.value, 'modes');
    if (modes?.kind !== 'object' || modes.members.length < 2) continue;
    const contexts = new Map<string, JsonNode>();
    for (const mode of modes.members) contexts.set(mode.key, mode.value);
    const first = modes.members[0];
    if (!first) continue;
    return { modifier: (path[0] ?? 'mode').replace(/^@/, ''), defaultContext: first.key, contexts };
  }
  return undefined;
}
