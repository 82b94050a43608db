/**
 * Reference syntax of the DTCG format: curly-brace aliases (`{group.token}`, Format §7.1.1) and
 * JSON Pointer references (`{"$ref": "#/group/token/$value"}`, Format §7.1.2, RFC 6901 in its
 * URI-fragment form). Pure parsing: looking the targets up is the resolver's job.
 */
import { memberOf } from './json.js';
import type { JsonMember, JsonNode } from './json.js';

export type AliasSyntax =
  | { kind: 'none' }
  | { kind: 'alias'; path: string[] }
  | { kind: 'invalid'; message: string };

const NONE: AliasSyntax = { kind: 'none' };

/** Reads a string that may be an alias. `none` means "a plain string", not an error. */
export function parseAlias(text: string): AliasSyntax {
  const open = text.indexOf('{');
  const close = text.indexOf('}');
  if (open === -1 && close === -1) return NONE;
  const quoted = JSON.stringify(text);
  if (open !== 0) {
    if (open > 0 && close > open) {
      return {
        kind: 'invalid',
        message: `${quoted} embeds an alias in a string; a value is either a literal or exactly one alias like "{group.token}"`,
      };
    }
    return NONE;
  }
  if (!text.endsWith('}')) return { kind: 'invalid', message: `malformed alias ${quoted}: missing closing "}"` };
  const inner = text.slice(1, -1);
  if (inner.includes('{') || inner.includes('}')) {
    return { kind: 'invalid', message: `malformed alias ${quoted}: an alias is exactly one "{group.token}"` };
  }
  if (inner.trim() === '') return { kind: 'invalid', message: `empty alias ${quoted}; expected a token path like "{group.token}"` };
  const path = inner.split('.');
  if (path.some((segment) => segment === '')) {
    return { kind: 'invalid', message: `malformed alias ${quoted}: empty name between periods` };
  }
  for (const segment of path) {
    if (segment.startsWith('$') && segment !== '$root') {
      return {
        kind: 'invalid',
        message: `malformed alias ${quoted}: "${segment}" is not a token name; curly aliases name whole tokens (use {"$ref": "#/…/$value/…"} for parts of a value)`,
      };
    }
  }
  return { kind: 'alias', path };
}

export type PointerSyntax = { ok: true; segments: string[] } | { ok: false; message: string };

// RFC 3986 fragment characters besides ALPHA / DIGIT: unreserved, sub-delims, ":", "@", "/", "?".
const FRAGMENT_PUNCTUATION = new Set("-._~!$&'()*+,;=:@/?".split(''));

/** Parses a document-relative JSON Pointer (`#/a/b~1c/0`) into its decoded reference tokens. */
export function parsePointer(ref: string): PointerSyntax {
  const quoted = JSON.stringify(ref);
  if (ref === '') return { ok: false, message: 'empty $ref; expected a JSON Pointer like "#/group/token/$value"' };
  const hash = ref.indexOf('#');
  if (hash === -1) {
    if (ref.startsWith('/')) {
      return { ok: false, message: `JSON Pointer ${quoted} must start with "#" (document-relative: "#${ref}")` };
    }
    return {
      ok: false,
      message: `$ref ${quoted} is not a document-relative JSON Pointer like "#/group/token/$value"; references to other files are not supported`,
    };
  }
  if (hash > 0) {
    return { ok: false, message: `$ref ${quoted} points into another document; only document-relative pointers ("#/…") are supported` };
  }
  const fragment = ref.slice(1);
  if (fragment === '') {
    return { ok: false, message: `JSON Pointer ${quoted} points at the whole document; point at a token value like "#/group/token/$value"` };
  }
  if (!fragment.startsWith('/')) return { ok: false, message: `malformed JSON Pointer ${quoted}: expected "#/" followed by a path` };
  for (let i = 0; i < fragment.length; i++) {
    const char = fragment.charAt(i);
    const code = fragment.charCodeAt(i);
    if (code > 127 || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) continue;
    if (FRAGMENT_PUNCTUATION.has(char)) continue;
    if (char === '%' && /^[0-9a-fA-F]{2}$/.test(fragment.slice(i + 1, i + 3))) {
      i += 2;
      continue;
    }
    if (char === ' ') return { ok: false, message: `malformed JSON Pointer ${quoted}: spaces must be percent-encoded as %20` };
    if (char === '{' || char === '}') {
      return { ok: false, message: `malformed JSON Pointer ${quoted}: curly braces belong to alias syntax, not to JSON Pointers` };
    }
    if (char === '#') return { ok: false, message: `malformed JSON Pointer ${quoted}: more than one "#"` };
    if (char === '%') return { ok: false, message: `malformed JSON Pointer ${quoted}: "%" must start a percent-encoded byte like %20` };
    return { ok: false, message: `malformed JSON Pointer ${quoted}: character ${JSON.stringify(char)} must be percent-encoded` };
  }
  const segments: string[] = [];
  for (const raw of fragment.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return { ok: false, message: `malformed JSON Pointer ${quoted}: invalid percent-encoding in ${JSON.stringify(raw)}` };
    }
    if (/~(?![01])/.test(decoded)) {
      return { ok: false, message: `malformed JSON Pointer ${quoted}: "~" must be escaped as "~0" ("/" as "~1")` };
    }
    segments.push(decoded.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return { ok: true, segments };
}

/** The pointer text for decoded reference tokens (for hints in messages). */
export function formatPointer(segments: readonly string[]): string {
  return `#/${segments.map((segment) => encodeURI(segment.replace(/~/g, '~0').replace(/\//g, '~1')).replace(/#/g, '%23')).join('/')}`;
}

/** `"0"`, `"12"`: an RFC 6901 array index (no sign, no leading zero). */
export function isArrayIndex(segment: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(segment);
}

/** The `$ref` member of an object written as `{"$ref": ...}`, if it is one. */
export function refMemberOf(node: JsonNode): JsonMember | undefined {
  return node.kind === 'object' ? memberOf(node, '$ref') : undefined;
}

/** Names a reference for messages and cycles: `{a.b}` or `#/a/b/$value`. */
export function describeAliasPath(path: readonly string[]): string {
  return `{${path.join('.')}}`;
}
