import { parse as parseMomoa } from '@humanwhocodes/momoa';
import type { ValueNode as MomoaValue } from '@humanwhocodes/momoa';

/** A span of the source text: UTF-16 offsets, half-open `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface JsonObject extends Span {
  kind: 'object';
  members: JsonMember[];
}
export interface JsonMember {
  key: string;
  /** The key as written, quotes included. */
  keySpan: Span;
  value: JsonNode;
}
export interface JsonArray extends Span {
  kind: 'array';
  items: JsonNode[];
}
export interface JsonString extends Span {
  kind: 'string';
  value: string;
}
export interface JsonNumber extends Span {
  kind: 'number';
  value: number;
}
export interface JsonBoolean extends Span {
  kind: 'boolean';
  value: boolean;
}
export interface JsonNull extends Span {
  kind: 'null';
}

/** A JSON value with its place in the file. Objects keep duplicate keys and member order. */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

/** Which flavour of JSON a file is written in, from its name. */
export type JsonDialect = 'json' | 'jsonc' | 'json5';

export function dialectOf(file: string): JsonDialect {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json5')) return 'json5';
  if (lower.endsWith('.jsonc')) return 'jsonc';
  return 'json';
}

export interface JsonSyntaxError {
  message: string;
  offset: number;
}

export type JsonParseResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

/**
 * Deepest nesting of objects and arrays read. Token files nest a handful of levels; every step
 * after parsing (groups, `$extends`, values, the build) walks the tree recursively, so a file
 * nested thousands of levels deep is refused here, at the place it goes too deep, instead of
 * overflowing the stack somewhere later.
 */
export const MAX_JSON_NESTING = 256;

/** Parses JSON (or JSONC/JSON5) text into positioned nodes. Never throws on bad input. */
export function parseJson(text: string, dialect: JsonDialect = 'json'): JsonParseResult {
  // A byte order mark is not JSON whitespace; blank it out so offsets stay those of the file.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  if (source.trim() === '') return { ok: false, error: { message: 'the file is empty; a token file contains a JSON object', offset: 0 } };
  const tooDeep = firstTooDeep(source, dialect);
  if (tooDeep >= 0) {
    return { ok: false, error: { message: `objects and arrays nest more than ${MAX_JSON_NESTING} levels deep here; brandlint reads token files up to that depth`, offset: tooDeep } };
  }
  let body: MomoaValue;
  try {
    body = parseMomoa(source, { mode: dialect, ranges: true, tokens: false }).body;
  } catch (error) {
    return { ok: false, error: syntaxErrorOf(error, source, dialect) };
  }
  if (dialect === 'json') {
    // momoa is lenient about a few things JSON forbids (raw control characters in strings).
    try {
      JSON.parse(source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const reason = /^Bad control character/.test(message) ? 'control characters such as line breaks must be escaped in strings' : message;
      return { ok: false, error: { message: `invalid JSON: ${reason}`, offset: position ? Number(position[1]) : 0 } };
    }
  }
  return { ok: true, root: convert(body) };
}

/**
 * The offset of the first `{` or `[` nested deeper than {@link MAX_JSON_NESTING}, or -1. Skips
 * strings (and, outside plain JSON, comments and single-quoted strings) without parsing more.
 */
function firstTooDeep(text: string, dialect: JsonDialect): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 /* " */ || (code === 0x27 /* ' */ && dialect === 'json5')) {
      for (i++; i < text.length && text.charCodeAt(i) !== code; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (code === 0x2f /* / */ && dialect !== 'json') {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
      } else if (next === 0x2a) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? text.length : end + 1;
      }
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > MAX_JSON_NESTING) return i;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return -1;
}

function syntaxErrorOf(error: unknown, text: string, dialect: JsonDialect): JsonSyntaxError {
  const err = error as { message?: unknown; offset?: unknown };
  const raw = typeof err.message === 'string' ? err.message : String(error);
  // momoa appends "(line:column)"; our diagnostics carry the position themselves.
  const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, '');
  const offset = typeof err.offset === 'number' ? err.offset : text.length;
  const endOfText = text.trimEnd().length;
  const punctuation = /^Unexpected token (LBrace|LBracket|Comma|Colon) found/.test(message);
  if (/^Unexpected end of input/.test(message) || (punctuation && offset + 1 >= endOfText)) {
    // momoa blames the last token; the real problem is that the text stops there.
    return { message: 'invalid JSON: unexpected end of file (is a "}" or "]" missing?)', offset: endOfText };
  }
  const closing = /^Unexpected token (RBrace|RBracket) found/.exec(message);
  if (closing) {
    let before = offset - 1;
    while (before >= 0 && /\s/.test(text.charAt(before))) before--;
    if (text.charAt(before) === ',') {
      return { message: `invalid JSON: trailing comma before "${closing[1] === 'RBrace' ? '}' : ']'}"`, offset: before };
    }
  }
  if (dialect === 'json' && /^Unexpected character '\/'/.test(message)) {
    return { message: 'invalid JSON: comments are not allowed in .json files (use .jsonc or .json5 for commented files)', offset };
  }
  return { message: describeSyntaxMessage(message), offset };
}

function describeSyntaxMessage(message: string): string {
  const token = /^Unexpected token (\w+) found\.?$/.exec(message);
  if (token) {
    const names: Record<string, string> = {
      RBrace: '"}"',
      RBracket: '"]"',
      LBrace: '"{"',
      LBracket: '"["',
      Comma: '","',
      Colon: '":"',
      String: 'string',
      Number: 'number',
      Boolean: 'boolean',
      Null: 'null',
      LineComment: 'comment',
      BlockComment: 'comment',
    };
    const name = token[1] ?? '';
    return `invalid JSON: unexpected ${names[name] ?? name}`;
  }
  if (/^Unexpected end of input/.test(message)) return 'invalid JSON: unexpected end of file (is a "}" or "]" missing?)';
  const character = /^Unexpected (character|identifier) '(.*)' found/.exec(message);
  if (character) return `invalid JSON: unexpected ${character[1]} "${character[2]}"`;
  return `invalid JSON: ${message.replace(/\.$/, '')}`;
}

function spanOf(node: { range?: [number, number]; loc: { start: { offset: number }; end: { offset: number } } }): Span {
  if (node.range) return { start: node.range[0], end: node.range[1] };
  return { start: node.loc.start.offset, end: node.loc.end.offset };
}

function convert(node: MomoaValue): JsonNode {
  const { start, end } = spanOf(node);
  switch (node.type) {
    case 'Object':
      return {
        kind: 'object',
        start,
        end,
        members: node.members.map((member) => ({
          key: member.name.type === 'String' ? member.name.value : member.name.name,
          keySpan: spanOf(member.name),
          value: convert(member.value),
        })),
      };
    case 'Array':
      return { kind: 'array', start, end, items: node.elements.map((element) => convert(element.value)) };
    case 'String':
      return { kind: 'string', start, end, value: node.value };
    case 'Number':
      return { kind: 'number', start, end, value: node.value };
    case 'Boolean':
      return { kind: 'boolean', start, end, value: node.value };
    case 'NaN':
      return { kind: 'number', start, end, value: Number.NaN };
    case 'Infinity':
      return { kind: 'number', start, end, value: node.sign === '-' ? -Infinity : Infinity };
    default:
      return { kind: 'null', start, end };
  }
}

/** The last member named `key`, if any (of duplicate keys the last counts, as with `JSON.parse`). */
export function memberOf(object: JsonObject, key: string): JsonMember | undefined {
  for (let i = object.members.length - 1; i >= 0; i--) if (object.members[i]!.key === key) return object.members[i];
  return undefined;
}

/**
 * Plain JSON data for a node (later duplicate keys win, as with `JSON.parse`). Objects have no
 * prototype: keys from the file (`__proto__`, `constructor`) are data, never inherited properties.
 */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const member of node.members) out[member.key] = toPlain(member.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** A short description of a value for messages: `string "16"`, `number 2`, `an object`. */
export function describeNode(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    case 'string':
      return `string ${JSON.stringify(truncate(node.value))}`;
    case 'number':
      return `number ${node.value}`;
    case 'boolean':
      return `boolean ${node.value}`;
  }
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
