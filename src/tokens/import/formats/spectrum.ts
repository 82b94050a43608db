/**
 * Adobe Spectrum's token files (`@adobe/spectrum-tokens`): a flat map of token names to
 * `{ "$schema": ".../token-types/<type>.json", "value": ... }`, where `<type>` is the token's
 * type, `alias` a reference (`"{blue-900}"`), and `color-set` / `scale-set` a token whose
 * value depends on the color theme (`sets: {light, dark, wireframe}`) or the platform scale
 * (`sets: {desktop, mobile}`). Sets become the contexts of the modifiers `theme` and `scale`.
 */
import type { JsonNode, JsonObject } from '../../dtcg/json.js';
import type { ImportKind } from '../kinds.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { FormatReading, ImportFile, RawToken } from '../model.js';
import { keptProperties, memberNode, stringOf } from './tree.js';

const READ = new Set(['$schema', 'value', 'sets', 'deprecated', 'deprecated_comment']);

/** The type a Spectrum `$schema` URL names (`.../token-types/color.json` -> `color`). */
export function spectrumType(object: JsonObject): string | undefined {
  const schema = stringOf(memberNode(object, '$schema'));
  return schema ? /token-types\/([\w-]+)\.json$/.exec(schema)?.[1] : undefined;
}

const KINDS: Record<string, ImportKind> = {
  color: 'color',
  dimension: 'dimension',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'font-family': 'fontFamily',
  multiplier: 'number',
  opacity: 'opacity',
  'drop-shadow': 'shadow',
  typography: 'typography',
};

const SET_MODIFIERS: Record<string, { modifier: string; defaultContext: string }> = {
  'color-set': { modifier: 'theme', defaultContext: 'light' },
  'scale-set': { modifier: 'scale', defaultContext: 'desktop' },
};

export function readSpectrum(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const tokens: RawToken[] = [];
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    for (const member of file.root.members) {
      if (member.key.startsWith('$')) continue;
      const object = member.value;
      if (object.kind !== 'object') {
        log.warn(file.source, member.keySpan, IMPORT_CODES.unmapped, `${member.key} is not a token; not imported`, member.key);
        continue;
      }
      const type = spectrumType(object) ?? '';
      const raw: RawToken = { path: [member.key], stem: file.stem, file, keySpan: member.keySpan, nameHints: true };
      const set = SET_MODIFIERS[type];
      const setsNode = memberNode(object, 'sets');
      if (set && setsNode?.kind === 'object') {
        const contexts = new Map<string, JsonNode>();
        let innerType: string | undefined;
        for (const context of setsNode.members) {
          if (context.value.kind !== 'object') continue;
          if (memberNode(context.value, 'sets')) {
            log.warn(file.source, context.keySpan, IMPORT_CODES.unmapped, `${member.key}: sets inside sets are not imported; the ${context.key} value is dropped`, member.key);
            continue;
          }
          const value = memberNode(context.value, 'value');
          if (!value) continue;
          contexts.set(context.key, value);
          innerType ??= spectrumType(context.value);
        }
        const defaultContext = contexts.has(set.defaultContext) ? set.defaultContext : (contexts.keys().next().value ?? set.defaultContext);
        const value = contexts.get(defaultContext);
        if (value) raw.value = value;
        if (contexts.size > 1) raw.modes = { modifier: set.modifier, defaultContext, contexts };
        applyType(raw, innerType, object);
      } else {
        const value = memberNode(object, 'value');
        if (value) raw.value = value;
        applyType(raw, type, object);
      }
      const deprecated = memberNode(object, 'deprecated');
      if (deprecated?.kind === 'boolean' && deprecated.value) raw.deprecated = stringOf(memberNode(object, 'deprecated_comment')) ?? true;
      const extensions = keptProperties(object, READ, 'com.adobe.spectrum');
      if (extensions) raw.extensions = extensions;
      tokens.push(raw);
    }
  }
  return { tokens, references: 'curly' };
}

function applyType(raw: RawToken, type: string | undefined, object: JsonObject): void {
  if (!type || type === 'alias') return;
  const kind = KINDS[type];
  if (kind) raw.kind = kind === 'number' && /line-height/.test(raw.path.join('.')) ? 'lineHeight' : kind;
  else raw.typeName = { name: type, node: memberNode(object, '$schema') ?? null };
}
