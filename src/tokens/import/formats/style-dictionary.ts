/**
 * Style Dictionary's own format (v3 and v4 without `usesDtcg`): a token is an object with
 * `value`; its type is `type`, else its CTI category (`attributes.category`, else the first
 * name segment: `color`, `size`, `time`, `font`, `content`, `asset`); references are `{a.b}`
 * (v3 also `{a.b.value}`). Values of the `size` category that are bare numbers are rem, as
 * Style Dictionary's `size/rem` transform reads them.
 */
import type { JsonObject } from '../../dtcg/json.js';
import { toPlain } from '../../dtcg/json.js';
import type { ImportKind } from '../kinds.js';
import type { ImportLog } from '../log.js';
import type { FormatReading, ImportFile, RawToken } from '../model.js';
import { keptProperties, memberNode, stringOf, walkTree } from './tree.js';

const READ = new Set(['value', 'type', 'comment', 'description', 'deprecated', 'deprecated_comment', '$type', '$description']);

/** CTI category (and type) to a kind, as Style Dictionary's built-in transforms read them. */
function ctiKind(category: string | undefined, type: string | undefined): ImportKind | { unsupported: string } | undefined {
  switch (category?.toLowerCase()) {
    case 'color':
      return 'color';
    case 'size':
      if (type === 'font') return 'fontSize';
      if (type === 'lineHeight' || type === 'line-height') return 'lineHeight';
      return 'dimension';
    case 'time':
      return 'duration';
    case 'font':
      if (type === 'family') return 'fontFamily';
      if (type === 'weight') return 'fontWeight';
      if (type === 'size') return 'fontSize';
      return undefined;
    case 'content':
    case 'asset':
      return { unsupported: `${category} (CTI category)` };
    default:
      return undefined;
  }
}

export function readStyleDictionary(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const tokens: RawToken[] = [];
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    walkTree(
      file,
      file.root,
      {
        isToken: (object) => object.members.some((member) => member.key === 'value'),
        isGroupProperty: (key) => key.startsWith('$') || key === 'comment' || key === 'description',
        token(path, object, member) {
          tokens.push(tokenOf(file, path, object, member.keySpan));
        },
      },
      log,
    );
  }
  return { tokens, references: 'curly' };
}

function tokenOf(file: ImportFile, path: string[], object: JsonObject, keySpan: { start: number; end: number }): RawToken {
  const value = memberNode(object, 'value');
  const typeNode = memberNode(object, 'type', '$type');
  const attributes = memberNode(object, 'attributes');
  const attributeValues = attributes?.kind === 'object' ? (toPlain(attributes) as Record<string, unknown>) : {};
  const category = typeof attributeValues.category === 'string' ? attributeValues.category : path[0];
  const ctiType = typeof attributeValues.type === 'string' ? attributeValues.type : path[1];
  const raw: RawToken = { path, stem: file.stem, file, keySpan, nameHints: true };
  if (value) raw.value = value;
  const typeName = stringOf(typeNode);
  if (typeName && typeNode) raw.typeName = { name: typeName, node: typeNode };
  else {
    const kind = ctiKind(category, ctiType);
    if (kind && typeof kind === 'object') raw.typeName = { name: kind.unsupported, node: null };
    else if (kind) raw.kind = kind;
  }
  if (category?.toLowerCase() === 'size') raw.unitless = 'rem';
  const description = stringOf(memberNode(object, 'comment', 'description', '$description'));
  if (description) raw.description = description;
  const deprecated = memberNode(object, 'deprecated');
  if (deprecated?.kind === 'boolean' && deprecated.value) raw.deprecated = stringOf(memberNode(object, 'deprecated_comment')) ?? true;
  const extensions = keptProperties(object, READ, 'org.brandlint.import.style-dictionary');
  if (extensions) raw.extensions = extensions;
  return raw;
}
