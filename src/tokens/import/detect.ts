/**
 * Telling the format of a token file from its content, with the evidence said: users should
 * see why brandlint read their file as Tokens Studio and not as Style Dictionary.
 */
import type { JsonNode, JsonObject } from '../dtcg/json.js';
import { loadTokenSet } from '../dtcg/load.js';
import { figmaRestRoot, isFigmaExtension } from './formats/figma.js';
import { isFlatMap } from './formats/flat.js';
import { spectrumType } from './formats/spectrum.js';
import { isTokensStudioMetaFile } from './formats/tokens-studio.js';
import { memberNode } from './formats/tree.js';
import type { ImportFile, ImportFormat } from './model.js';

const DRAFT_EVIDENCE = new Set(['dtcg/invalid-value', 'dtcg/legacy-format', 'dtcg/unknown-type', 'dtcg/unknown-property', 'dtcg/invalid-type', 'dtcg/invalid-structure', 'dtcg/invalid-name']);

export type Detection = { format: ImportFormat; evidence: string } | { format: null; evidence: string; skip?: true };

/** Types only Tokens Studio writes. */
const STUDIO_TYPES = new Set([
  'sizing',
  'spacing',
  'borderRadius',
  'borderWidth',
  'fontFamilies',
  'fontWeights',
  'fontSizes',
  'lineHeights',
  'letterSpacing',
  'paragraphSpacing',
  'paragraphIndent',
  'textCase',
  'textDecoration',
  'boxShadow',
  'composition',
  'asset',
  'other',
  'text',
]);

export function detectFormat(file: ImportFile): Detection {
  const root = file.root;
  const at = (node: { start: number }) => {
    const { line, column } = file.source.range({ start: node.start, end: node.start }).start;
    return `line ${line}:${column}`;
  };
  if (isTokensStudioMetaFile(file.file)) return { format: 'tokens-studio', evidence: `the file is Tokens Studio's ${file.file.split('/').pop() ?? file.file}` };
  if (root.kind !== 'object') return { format: null, evidence: `the top level is ${root.kind === 'array' ? 'an array' : `a ${root.kind}`}, not an object of tokens` };
  if (root.members.some((member) => member.key === 'resolutionOrder')) {
    return { format: null, skip: true, evidence: 'it is a DTCG resolver document, not a token file: brandlint reads it as it is (name it in `tokens` or run `brandlint validate` on it)' };
  }
  if (figmaRestRoot(root)) return { format: 'figma', evidence: 'it has "variables" and "variableCollections" (the Figma REST API response)' };
  for (const key of ['$themes', '$metadata']) {
    const node = root.members.find((member) => member.key === key);
    if (node) return { format: 'tokens-studio', evidence: `it has "${key}" at ${at(node.keySpan)} (Tokens Studio)` };
  }
  const spectrum = root.members.find((member) => member.value.kind === 'object' && spectrumType(member.value) !== undefined && /spectrum/i.test(JSON.stringify(memberNode(member.value, '$schema') ?? '')));
  if (spectrum) return { format: 'spectrum', evidence: `"${spectrum.key}" at ${at(spectrum.keySpan)} has a Spectrum "$schema" (token-types/${spectrumType(spectrum.value as JsonObject)}.json)` };
  const props = root.members.find((member) => member.key === 'props' && (member.value.kind === 'object' || member.value.kind === 'array'));
  if (props) return { format: 'theo', evidence: `it has "props" at ${at(props.keySpan)}${root.members.some((member) => member.key === 'aliases') ? ' and "aliases"' : ''} (Theo, the format of Salesforce's design tokens)` };
  if (root.members.some((member) => member.key === 'aliases') && root.members.every((member) => ['aliases', 'global', 'imports'].includes(member.key))) {
    return { format: 'theo', evidence: 'it has only "aliases" (a Theo aliases file)' };
  }

  const found = firstToken(root);
  const figma = findFigmaExtension(root);
  if (figma) return { format: 'figma', evidence: `$extensions["${figma.key}"] at ${at(figma.node)} (Figma's variables export)` };
  if (found?.dollar) {
    // References may point into the other files; only the values and structure tell a draft.
    const errors = loadTokenSet([{ file: file.file, text: file.text, root }]).diagnostics.filter((d) => DRAFT_EVIDENCE.has(d.ruleId));
    const first = errors[0];
    if (!first) return { format: 'dtcg', evidence: `tokens have "$value" and the file validates as DTCG 2025.10` };
    const where = first.range ? `line ${first.range.start.line}:${first.range.start.column}` : 'the file';
    return { format: 'dtcg-draft', evidence: `tokens have "$value" but do not validate as DTCG 2025.10 (first at ${where}: ${first.message})` };
  }
  if (found) {
    const studio = findStudioEvidence(root);
    if (studio) return { format: 'tokens-studio', evidence: studio };
    return { format: 'style-dictionary', evidence: `tokens are objects with "value" (first: ${found.path.join('.')} at ${at(found.node)}), as Style Dictionary writes them` };
  }
  if (isFlatMap(file)) return { format: 'flat', evidence: 'every top-level value is a plain string or number (a flat map of names to values)' };
  return { format: null, evidence: 'no tokens found: no "$value", "value", "props" or Figma variables' };

  function findStudioEvidence(node: JsonObject): string | undefined {
    let result: string | undefined;
    visit(node, [], (object, path) => {
      const type = memberNode(object, 'type');
      if (type?.kind === 'string' && STUDIO_TYPES.has(type.value)) {
        result = `${path.join('.')} has type "${type.value}" at ${at(type)} (a Tokens Studio type)`;
        return true;
      }
      const value = memberNode(object, 'value');
      if (value?.kind === 'string' && /\{[^{}]+\}\s*[-+*/]|[-+*/]\s*\{[^{}]+\}/.test(value.value)) {
        result = `${path.join('.')} has the expression ${JSON.stringify(value.value)} at ${at(value)} (Tokens Studio math)`;
        return true;
      }
      return false;
    });
    return result;
  }
}

function firstToken(root: JsonObject): { path: string[]; node: JsonNode; dollar: boolean } | undefined {
  let found: { path: string[]; node: JsonNode; dollar: boolean } | undefined;
  visit(root, [], (object, path) => {
    for (const member of object.members) {
      if (member.key === '$value' || member.key === 'value') {
        found = { path, node: member.value, dollar: member.key === '$value' };
        return true;
      }
    }
    return false;
  });
  return found;
}

function findFigmaExtension(root: JsonObject): { key: string; node: { start: number } } | undefined {
  let found: { key: string; node: { start: number } } | undefined;
  visit(root, [], (object) => {
    const extensions = memberNode(object, '$extensions');
    if (extensions?.kind !== 'object') return false;
    const member = extensions.members.find((candidate) => isFigmaExtension(candidate.key));
    if (member) found = { key: member.key, node: member.keySpan };
    return member !== undefined;
  });
  return found;
}

/** Depth-first over objects until `test` says stop (a bounded walk: big files are not read twice over). */
function visit(root: JsonObject, path: string[], test: (object: JsonObject, path: string[]) => boolean): boolean {
  if (test(root, path)) return true;
  for (const member of root.members) {
    if (member.value.kind === 'object' && visit(member.value, [...path, member.key], test)) return true;
  }
  return false;
}
