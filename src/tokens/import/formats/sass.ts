/**
 * Sass variables and maps (GOV.UK Frontend's settings, Bootstrap's `_variables.scss`): every
 * top-level `$variable` is a token, and a map (`$palette: ("blue": ("primary": #1d70b8))`) a
 * group of them. Values are read as written (a color, a length, a font list); `$other` is a
 * reference; what only Sass can compute (function calls, `math.div`, conditions) is not
 * evaluated and is said so. Mixins, functions and rules are not tokens and are skipped.
 */
import postcssScss from 'postcss-scss';
import type { JsonMember, JsonNode } from '../../dtcg/json.js';
import { IMPORT_CODES, type ImportLog } from '../log.js';
import type { FormatReading, ImportFile, RawToken } from '../model.js';

/** The top-level variables of a Sass file as one object: variable name -> value (maps as objects), with positions. */
export function parseSassVariables(text: string): { ok: true; root: JsonNode } | { ok: false; error: { message: string; offset: number } } {
  let root;
  try {
    root = postcssScss.parse(text);
  } catch (error) {
    const err = error as { reason?: string; message?: string; input?: { offset?: number }; source?: unknown };
    return { ok: false, error: { message: `invalid SCSS: ${err.reason ?? err.message ?? String(error)}`, offset: 0 } };
  }
  const members: JsonMember[] = [];
  for (const node of root.nodes) {
    if (node.type !== 'decl' || !node.prop.startsWith('$') || !node.source?.start) continue;
    const start = node.source.start.offset;
    const raws = node.raws as { between?: string; value?: { raw?: string; scss?: string } };
    const valueStart = start + node.prop.length + (raws.between?.length ?? 0);
    const rawValue = raws.value?.scss ?? raws.value?.raw ?? node.value;
    const value = new SassValueParser(text, valueStart, valueStart + rawValue.length).value();
    members.push({ key: node.prop.slice(1), keySpan: { start, end: start + node.prop.length }, value });
  }
  return { ok: true, root: { kind: 'object', start: 0, end: text.length, members } };
}

/** Reads a Sass value: maps become objects, anything else a string of its text (`$x` alone becomes `{x}`). */
class SassValueParser {
  private position: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
  }

  value(): JsonNode {
    this.skip();
    const node = this.expression([]);
    return node;
  }

  /** An expression up to one of `stops` (at depth 0) or the end. */
  private expression(stops: string[]): JsonNode {
    this.skip();
    const start = this.position;
    if (this.text.charAt(this.position) === '(' && this.isMap()) {
      const map = this.map();
      this.skip();
      // `(...) !default`: the flag is not part of the value.
      this.skipFlags();
      return map;
    }
    let depth = 0;
    let quote: string | null = null;
    while (this.position < this.end) {
      const char = this.text.charAt(this.position);
      if (quote) {
        if (char === '\\') this.position++;
        else if (char === quote) quote = null;
        this.position++;
        continue;
      }
      if (char === '"' || char === "'") quote = char;
      else if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && stops.includes(char)) break;
      else if (char === '/' && this.text.charAt(this.position + 1) === '/') break;
      this.position++;
    }
    let raw = this.text.slice(start, this.position);
    raw = raw.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s*!(default|global)\s*$/i, '').trim();
    const trimmedEnd = start + this.text.slice(start, this.position).trimEnd().length;
    const variable = /^\$([\w-]+)$/.exec(raw);
    return { kind: 'string', value: variable ? `{${variable[1]}}` : raw, start, end: Math.max(start, trimmedEnd) };
  }

  private map(): JsonNode {
    const start = this.position;
    this.position++; // (
    const members: JsonMember[] = [];
    for (;;) {
      this.skip();
      if (this.position >= this.end) break;
      if (this.text.charAt(this.position) === ')') {
        this.position++;
        break;
      }
      const keyStart = this.position;
      const key = this.expression([':', ',']);
      const keyEnd = this.position;
      this.skip();
      if (this.text.charAt(this.position) !== ':') {
        // A list item inside parentheses: not a map after all; keep its text.
        if (this.text.charAt(this.position) === ',') this.position++;
        continue;
      }
      this.position++;
      const value = this.expression([',']);
      this.skip();
      if (this.text.charAt(this.position) === ',') this.position++;
      const name = key.kind === 'string' ? unquote(key.value) : '';
      members.push({ key: name, keySpan: { start: keyStart, end: keyEnd }, value });
    }
    return { kind: 'object', start, end: this.position, members };
  }

  /** Whether the parentheses at the position hold `key: value` pairs (a map), not a list or math. */
  private isMap(): boolean {
    let depth = 0;
    let quote: string | null = null;
    for (let index = this.position; index < this.end; index++) {
      const char = this.text.charAt(index);
      if (quote) {
        if (char === quote) quote = null;
        continue;
      }
      if (char === '"' || char === "'") quote = char;
      else if (char === '(') depth++;
      else if (char === ')') {
        depth--;
        if (depth === 0) return false;
      } else if (char === ':' && depth === 1) return true;
      else if (char === '/' && this.text.charAt(index + 1) === '/') index = this.text.indexOf('\n', index) === -1 ? this.end : this.text.indexOf('\n', index);
    }
    return false;
  }

  private skip(): void {
    for (;;) {
      while (this.position < this.end && /\s/.test(this.text.charAt(this.position))) this.position++;
      if (this.text.startsWith('//', this.position)) {
        const next = this.text.indexOf('\n', this.position);
        this.position = next === -1 ? this.end : next + 1;
        continue;
      }
      if (this.text.startsWith('/*', this.position)) {
        const next = this.text.indexOf('*/', this.position + 2);
        this.position = next === -1 ? this.end : next + 2;
        continue;
      }
      return;
    }
  }

  private skipFlags(): void {
    const rest = /^!(default|global)\b/i.exec(this.text.slice(this.position, this.end));
    if (rest) this.position += rest[0].length;
  }
}

function unquote(text: string): string {
  const match = /^"([^"]*)"$|^'([^']*)'$/.exec(text);
  return match ? (match[1] ?? match[2] ?? '') : text;
}

export function readSass(files: readonly ImportFile[], log: ImportLog): FormatReading {
  const tokens: RawToken[] = [];
  for (const file of files) {
    if (file.root.kind !== 'object') continue;
    const visit = (members: readonly JsonMember[], path: string[]) => {
      for (const member of members) {
        const childPath = [...path, member.key === '' ? '_' : member.key];
        const value = member.value;
        if (value.kind === 'object') {
          visit(value.members, childPath);
          continue;
        }
        if (value.kind === 'string' && /^[\w.-]+\(/.test(value.value) && !/^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|cubic-bezier|(?:repeating-)?(?:linear|radial|conic)-gradient)\(/i.test(value.value)) {
          log.warn(file.source, value, IMPORT_CODES.unmapped, `${childPath.join('.')} is not imported: ${JSON.stringify(value.value.length > 60 ? `${value.value.slice(0, 57)}...` : value.value)} is computed by Sass (brandlint does not run Sass functions)`, childPath.join('.'));
          continue;
        }
        if (value.kind === 'string' && /^(true|false|null)$/.test(value.value)) {
          log.warn(file.source, value, IMPORT_CODES.unmapped, `${childPath.join('.')} is not imported: ${value.value} is not a design token value`, childPath.join('.'));
          continue;
        }
        tokens.push({ path: childPath, stem: file.stem, file, keySpan: member.keySpan, value, nameHints: true });
      }
    };
    visit(file.root.members, []);
  }
  return { tokens, references: 'curly' };
}
