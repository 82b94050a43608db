/**
 * DTCG files (2025.10, and the drafts before it): tokens with `$value`, `$type` inherited from
 * groups. Draft values (`"#1f5135"`, `"16px"`, `"0.5em"`, font stacks as one string, shadows with
 * string offsets) are converted; 2025.10 values pass through. Modes written the ways tools
 * wrote them before the resolver existed become contexts: `$extensions.mode` (Cobalt, Terrazzo),
 * Primer's `org.primer.overrides`, and files that differ only by a mode word in their path
 * (`light/light.json5` and `dark/dark.json5`).
 */
import type { JsonMember, JsonNode, JsonObject } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { FormatReading, GroupMetadata, ImportFile, RawToken, TokenModes } from '../model.js';
import { memberNode, stringOf, syntheticString, walkTree, type GroupContext } from './tree.js';

const TOKEN_KEYS = new Set(['$value', '$type', '$description', '$deprecated', '$extensions']);

/** Extensions that hold a value per mode: extension key -> modifier name and default context. */
const MODE_EXTENSIONS: Record<string, { modifier: string; defaultContext: string }> = {
  mode: { modifier: 'mode', defaultContext: 'light' },
  'org.primer.overrides': { modifier: 'theme', defaultContext: 'light' },
};

/** Words of a path that name a color mode (files that differ only by one are contexts of `theme`). */
const MODE_WORD = /^(light|dark|day|night|dim|dimmed|light-high-contrast|dark-high-contrast|dark-dimmed|high-contrast)$/i;

export interface DtcgReadOptions {
  /** Values per mode found in a token's `$extensions` (Figma's export has its own). */
  modesOf?: (token: JsonObject, path: string[], file: ImportFile) => TokenModes | undefined;
  /** Extension keys not copied to the output (the modes read from them are). */
  consumedExtensions?: (key: string) => boolean;
  /** Read light/dark files by their names (default true; Figma's per-mode files say their mode themselves). */
  fileModes?: boolean;
}

export function readDtcg(files: readonly ImportFile[], log: ImportLog, options: DtcgReadOptions = {}): FormatReading {
  const tokens: RawToken[] = [];
  const groups: GroupMetadata[] = [];
  const fileModes = options.fileModes === false ? new Map<ImportFile, FileMode>() : modeFiles(files);
  const fromFiles = new WeakSet<RawToken>();
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    const mode = fileModes.get(file);
    const stem = mode?.stem ?? file.stem;
    walkTree(
      file,
      file.root,
      {
        isToken: (object) => object.members.some((member) => member.key === '$value'),
        isGroupProperty: (key) => key.startsWith('$') && key !== '$root',
        group(path, object, inherited): GroupContext {
          const typeNode = memberNode(object, '$type');
          const description = stringOf(memberNode(object, '$description'));
          const deprecated = memberNode(object, '$deprecated');
          const extensions = memberNode(object, '$extensions');
          if (description !== undefined || deprecated?.kind === 'boolean' || deprecated?.kind === 'string' || extensions?.kind === 'object') {
            const group: GroupMetadata = { stem, path };
            if (description !== undefined) group.description = description;
            if (deprecated?.kind === 'boolean' || deprecated?.kind === 'string') group.deprecated = deprecated.value;
            if (extensions?.kind === 'object') group.extensions = toPlain(extensions) as Record<string, unknown>;
            groups.push(group);
          }
          return typeNode?.kind === 'string' ? { type: { name: typeNode.value, node: typeNode } } : inherited;
        },
        token(path, object, member, inherited) {
          const raw = tokenOf(file, stem, path, object, member, inherited, log, options);
          if (mode && raw.value) {
            raw.modes = { modifier: 'theme', defaultContext: mode.defaultContext, contexts: new Map([[mode.context, raw.value]]), files: new Map([[mode.context, file]]) };
            fromFiles.add(raw);
          }
          tokens.push(raw);
        },
      },
      log,
    );
  }
  return { tokens: mergeFileModes(tokens, fromFiles), groups, references: 'curly' };
}

function tokenOf(
  file: ImportFile,
  stem: string,
  path: string[],
  object: JsonObject,
  member: JsonMember,
  inherited: GroupContext,
  log: ImportLog,
  options: DtcgReadOptions,
): RawToken {
  const raw: RawToken = { path, stem, file, keySpan: member.keySpan, nameHints: true };
  const value = memberNode(object, '$value');
  const typeNode = memberNode(object, '$type');
  if (typeNode?.kind === 'string') raw.typeName = { name: typeNode.value, node: typeNode };
  else if (inherited.type) raw.typeName = inherited.type;
  const description = stringOf(memberNode(object, '$description'));
  if (description !== undefined && description !== '') raw.description = description;
  const deprecated = memberNode(object, '$deprecated');
  if (deprecated?.kind === 'boolean' || deprecated?.kind === 'string') raw.deprecated = deprecated.value;

  const extensions: Record<string, unknown> = {};
  const extensionsNode = memberNode(object, '$extensions');
  let modes: TokenModes | undefined = options.modesOf?.(object, path, file);
  if (extensionsNode?.kind === 'object') {
    for (const extension of extensionsNode.members) {
      const known = MODE_EXTENSIONS[extension.key];
      if (known && extension.value.kind === 'object' && !modes) {
        const contexts = new Map<string, JsonNode>();
        for (const context of extension.value.members) contexts.set(context.key, modeValue(context.value));
        modes = { modifier: known.modifier, defaultContext: contexts.has(known.defaultContext) ? known.defaultContext : (contexts.keys().next().value ?? known.defaultContext), contexts };
        continue;
      }
      if (options.consumedExtensions?.(extension.key)) continue;
      Object.defineProperty(extensions, extension.key, { value: toPlain(extension.value), enumerable: true, writable: true, configurable: true });
    }
  }
  // Properties DTCG does not have: `alpha` beside a color value (Primer) is applied, others are kept.
  const others: Record<string, unknown> = {};
  let finalValue = value;
  for (const property of object.members) {
    if (TOKEN_KEYS.has(property.key)) continue;
    if (property.key === 'alpha' && property.value.kind === 'number' && value) {
      finalValue = withAlpha(value, property.value.value);
      continue;
    }
    Object.defineProperty(others, property.key, { value: toPlain(property.value), enumerable: true, writable: true, configurable: true });
    log.warn(file.source, property.keySpan, IMPORT_CODES.converted, `"${property.key}" is not a DTCG token property; it is kept in $extensions["org.brandlint.import"]`, path.join('.'));
  }
  if (Object.keys(others).length > 0) extensions['org.brandlint.import'] = others;
  if (finalValue) raw.value = finalValue;
  if (modes) raw.modes = modes;
  if (Object.keys(extensions).length > 0) raw.extensions = extensions;
  return raw;
}

/** A mode value written as a token object (`{ $value, alpha }`) is its value (with the alpha applied). */
function modeValue(node: JsonNode): JsonNode {
  if (node.kind !== 'object') return node;
  const value = memberNode(node, '$value');
  if (!value) return node;
  const alpha = memberNode(node, 'alpha');
  return alpha?.kind === 'number' ? withAlpha(value, alpha.value) : value;
}

/** A color with a separate alpha: an alias becomes `rgba({alias}, a)`, an object gets `alpha`. */
function withAlpha(value: JsonNode, alpha: number): JsonNode {
  if (value.kind === 'string') return syntheticString(/^\{[^{}]+\}$/.test(value.value.trim()) ? `rgba(${value.value.trim()}, ${alpha})` : value.value, value);
  if (value.kind === 'object') {
    const members = value.members.filter((member) => member.key !== 'alpha');
    return { ...value, members: [...members, { key: 'alpha', keySpan: { start: value.start, end: value.start }, value: { kind: 'number', value: alpha, start: value.start, end: value.start } }] };
  }
  return value;
}

interface FileMode {
  /** The output stem, without the mode word. */
  stem: string;
  context: string;
  defaultContext: string;
}

/** Files that differ only by a mode word in their path are contexts of one `theme` modifier. */
function modeFiles(files: readonly ImportFile[]): Map<ImportFile, FileMode> {
  const groups = new Map<string, Array<{ file: ImportFile; word: string }>>();
  for (const file of files) {
    const segments = file.stem.split('/');
    const index = segments.findIndex((segment) => MODE_WORD.test(segment));
    if (index === -1) continue;
    const word = (segments[index] ?? '').toLowerCase();
    const key = segments.map((segment) => (segment.toLowerCase() === word ? '*' : segment)).join('/');
    groups.set(key, [...(groups.get(key) ?? []), { file, word }]);
  }
  const out = new Map<ImportFile, FileMode>();
  for (const [key, members] of groups) {
    const words = new Set(members.map((member) => member.word));
    if (words.size < 2) continue;
    const stem = key.split('/').filter((segment) => segment !== '*').join('/') || 'theme';
    const defaultContext = words.has('light') ? 'light' : (members[0]?.word ?? 'light');
    for (const member of members) out.set(member.file, { stem, context: member.word, defaultContext });
  }
  return out;
}

/** Tokens read from several mode files are one token with a value per context. */
function mergeFileModes(tokens: readonly RawToken[], fromFiles: WeakSet<RawToken>): RawToken[] {
  const out: RawToken[] = [];
  const byKey = new Map<string, RawToken>();
  for (const token of tokens) {
    const modes = token.modes;
    const context = modes?.contexts.keys().next().value;
    if (!modes || !fromFiles.has(token) || context === undefined) {
      out.push(token);
      continue;
    }
    const key = `${token.stem}|${token.path.join('.')}`;
    const existing = byKey.get(key);
    if (!existing?.modes) {
      byKey.set(key, token);
      out.push(token);
      continue;
    }
    const value = modes.contexts.get(context);
    if (value) existing.modes.contexts.set(context, value);
    existing.modes.files?.set(context, token.file);
    // The token of the default context gives the value, type and metadata.
    if (context === existing.modes.defaultContext) {
      const merged: RawToken = { ...token, modes: existing.modes };
      out[out.indexOf(existing)] = merged;
      byKey.set(key, merged);
    }
  }
  return out;
}
