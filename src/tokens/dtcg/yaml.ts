/**
 * YAML token and resolver files (Terrazzo's `*.tokens.yml`, `*.resolver.yml`) read into the
 * same positioned nodes as JSON, so every check and message works on both. Anchors and aliases
 * (`*name`) are followed, merge keys (`<<: *base`) are expanded; positions stay those of the
 * text the value is written in.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { JsonMember, JsonNode, JsonParseResult } from './json.js';

/** Deeper alias chains than this are reported (they are either cycles or attacks). */
const MAX_DEPTH = 200;

export function parseYaml(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  if (source.trim() === '') return { ok: false, error: { message: 'the file is empty; a token file contains a mapping of groups and tokens', offset: 0 } };
  const doc = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true });
  const [first] = doc.errors;
  if (first) return { ok: false, error: { message: `invalid YAML: ${lowerFirst(first.message)}`, offset: first.pos[0] } };
  if (!doc.contents) return { ok: false, error: { message: 'the file holds no YAML document', offset: 0 } };
  try {
    return { ok: true, root: new Converter(doc).node(doc.contents as YamlNode, 0) };
  } catch (error) {
    if (error instanceof YamlShapeError) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

class YamlShapeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Converter {
  constructor(private readonly doc: Document) {}

  node(node: YamlNode, depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new YamlShapeError('invalid YAML: aliases nest too deeply (is there a cycle?)', node.range?.[0] ?? 0);
    const [start, end] = spanOf(node);
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new YamlShapeError(`invalid YAML: unknown alias *${node.source}`, start);
      return this.node(target as YamlNode, depth + 1);
    }
    if (isMap(node)) {
      const members: JsonMember[] = [];
      const merged: JsonMember[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && key.source === '<<') {
          merged.push(...this.mergeSources(pair.value as YamlNode | null, depth));
          continue;
        }
        if (!isScalar(key)) throw new YamlShapeError('invalid YAML: keys must be plain scalars', spanOf(key as YamlNode)[0]);
        const [keyStart, keyEnd] = spanOf(key);
        const value = pair.value === null || pair.value === undefined ? nullAt(keyEnd) : this.node(pair.value as YamlNode, depth + 1);
        members.push({ key: keyText(key.value), keySpan: { start: keyStart, end: keyEnd }, value });
      }
      // Merged keys come first and lose to the map's own keys (YAML merge semantics).
      const own = new Set(members.map((member) => member.key));
      return { kind: 'object', start, end, members: [...merged.filter((member) => !own.has(member.key)), ...members] };
    }
    if (isSeq(node)) {
      return { kind: 'array', start, end, items: node.items.map((item) => (item === null ? nullAt(start) : this.node(item as YamlNode, depth + 1))) };
    }
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || value === undefined) return { kind: 'null', start, end };
      if (typeof value === 'boolean') return { kind: 'boolean', start, end, value };
      if (typeof value === 'number') return { kind: 'number', start, end, value };
      if (typeof value === 'bigint') return { kind: 'number', start, end, value: Number(value) };
      return { kind: 'string', start, end, value: String(value) };
    }
    throw new YamlShapeError('invalid YAML: unsupported node', start);
  }

  private mergeSources(value: YamlNode | null, depth: number): JsonMember[] {
    if (!value) return [];
    const resolved = isAlias(value) ? (value.resolve(this.doc) as YamlNode | undefined) : value;
    const sources = resolved && isSeq(resolved) ? (resolved.items as YamlNode[]) : resolved ? [value] : [];
    const out: JsonMember[] = [];
    const seen = new Set<string>();
    for (const source of sources) {
      const node = this.node(source, depth + 1);
      if (node.kind !== 'object') throw new YamlShapeError('invalid YAML: a merge key (<<) must name a mapping', node.start);
      for (const member of node.members) {
        // Earlier merge sources win over later ones.
        if (seen.has(member.key)) continue;
        seen.add(member.key);
        out.push(member);
      }
    }
    return out;
  }
}

function spanOf(node: YamlNode): [number, number] {
  const range = node.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function nullAt(offset: number): JsonNode {
  return { kind: 'null', start: offset, end: offset };
}

function keyText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
