/**
 * YAML (and JSON, which YAML 1.2 reads) with exact source positions for content adapters: the
 * composed documents with every node's range, the comments (where disable directives live), and
 * string scalars decoded with a map back to the file, for every scalar style: plain, single- and
 * double-quoted (escapes and line folding) and block literal `|` / folded `>`.
 *
 * Syntax problems are reported by `parseDataFile` (src/core/data-file.ts), which the data files
 * of brandlint itself go through too; this module only recovers positions.
 */
import type { Document, DocumentOptions, ParseOptions, Scalar, SchemaOptions } from 'yaml';
import type { DocumentBuilder } from './builder.js';
import { anchorsOf, type DecodedText } from './entities.js';

export type YamlModule = typeof import('yaml');

let yamlModule: Promise<YamlModule> | undefined;

/** `yaml` is loaded on first use (no work at import time). */
export function loadYaml(): Promise<YamlModule> {
  yamlModule ??= import('yaml');
  return yamlModule;
}

export interface YamlComment {
  /** Offset of `#`. */
  start: number;
  /** End of the comment (before the line break). */
  end: number;
}

export interface YamlSource {
  documents: Document.Parsed[];
  comments: YamlComment[];
}

/**
 * Composes the documents of `text` (errors stay on each document) and collects its comments.
 * `options` are the `yaml` package's; by default duplicate keys are no error here.
 */
export function composeYaml(yaml: YamlModule, text: string, options: ParseOptions & DocumentOptions & SchemaOptions = { uniqueKeys: false }): YamlSource {
  const tokens = [...new yaml.Parser().parse(text)];
  const documents = [...new yaml.Composer(options).compose(tokens, true, text.length)];
  const comments: YamlComment[] = [];
  const seen = new Set<number>();
  // A comment starts with `#`: a file without one has no comment to look for in its tokens.
  if (text.includes('#')) collectComments(tokens, comments, seen, 0);
  comments.sort((a, b) => a.start - b.start);
  return { documents, comments };
}

/** Records YAML comments on the document, where disable directives are read from. */
export function addYamlComments(builder: DocumentBuilder, comments: readonly YamlComment[]): void {
  for (const comment of comments) {
    builder.document.comments.push({
      text: builder.text.slice(comment.start + 1, comment.end),
      range: builder.range(comment.start + 1, comment.end),
      fullRange: builder.range(comment.start, comment.end),
      syntax: 'yaml',
    });
  }
}

/** Walks the CST: comments sit in `start`, `sep`, `end` and `props` arrays of many token kinds. */
function collectComments(node: unknown, out: YamlComment[], seen: Set<number>, depth: number): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, out, seen, depth + 1);
    return;
  }
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    if (!seen.has(token.offset)) {
      seen.add(token.offset);
      out.push({ start: token.offset, end: token.offset + token.source.length });
    }
    return;
  }
  // for-in over a plain token object: no [key, value] pair allocated per property.
  const fields = node as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (key !== 'source' && value !== null && typeof value === 'object') collectComments(value, out, seen, depth + 1);
  }
}

export interface DecodedScalar {
  decoded: DecodedText;
  /** File offsets of the raw content (inside quotes; the body of a block scalar). */
  rawStart: number;
  rawEnd: number;
}

/**
 * The text of a scalar with a map back to `text`. Returns null for a scalar without a source
 * range. When the decoding here disagrees with the `yaml` package (an exotic construct), the
 * package's value is used, mapped linearly from the start of the scalar.
 */
export function decodeScalar(text: string, scalar: Scalar): DecodedScalar | null {
  const range = scalar.range;
  if (!range) return null;
  const [start, end] = range;
  let result: { out: string; sources: number[]; rawStart: number; rawEnd: number };
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
      result = { ...foldFlow(text, start + 1, end - 1, 'double'), rawStart: start + 1, rawEnd: end - 1 };
      break;
    case 'QUOTE_SINGLE':
      result = { ...foldFlow(text, start + 1, end - 1, 'single'), rawStart: start + 1, rawEnd: end - 1 };
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const block = blockScalar(text, start, end, scalar.type === 'BLOCK_FOLDED');
      result = block;
      break;
    }
    default:
      result = { ...foldFlow(text, start, end, 'plain'), rawStart: start, rawEnd: end };
  }
  const expected = typeof scalar.value === 'string' ? scalar.value : null;
  if (expected !== null && expected !== result.out) {
    return { decoded: { text: expected, anchors: [] }, rawStart: start, rawEnd: end };
  }
  return { decoded: { text: result.out, anchors: anchorsOf(result.sources, result.rawStart, result.rawEnd) }, rawStart: result.rawStart, rawEnd: result.rawEnd };
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '\t': '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Flow scalar folding (YAML 1.2 §7.3): trailing and leading white space around a line break is
 * dropped, one break becomes a space, n+1 breaks become n newlines; double quotes add escapes
 * (and `\` before a break joins the lines), single quotes double `''`.
 */
function foldFlow(text: string, start: number, end: number, style: 'plain' | 'single' | 'double'): { out: string; sources: number[] } {
  let out = '';
  const sources: number[] = [];
  const emit = (value: string, source: number): void => {
    out += value;
    for (let k = 0; k < value.length; k++) sources.push(source);
  };
  // White space not yet emitted (dropped if a line break follows).
  let pending: number[] = [];
  const flushPending = (): void => {
    for (const at of pending) emit(text[at]!, at);
    pending = [];
  };
  let i = start;
  while (i < end) {
    const char = text[i]!;
    if (char === '\r' || char === '\n') {
      pending = [];
      const breakAt = i;
      // Count the line breaks, skipping the white space of empty lines.
      let breaks = 0;
      while (i < end && (text[i] === '\r' || text[i] === '\n' || text[i] === ' ' || text[i] === '\t')) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++;
        i++;
      }
      if (breaks <= 1) emit(' ', breakAt);
      else for (let k = 1; k < breaks; k++) emit('\n', breakAt);
      continue;
    }
    if (char === ' ' || char === '\t') {
      pending.push(i);
      i++;
      continue;
    }
    flushPending();
    if (style === 'single' && char === "'" && text[i + 1] === "'") {
      emit("'", i);
      i += 2;
      continue;
    }
    if (style === 'double' && char === '\\') {
      const next = text[i + 1] ?? '';
      if (next === '\n' || next === '\r') {
        // An escaped line break: the lines join with nothing between them.
        i += next === '\r' && text[i + 2] === '\n' ? 3 : 2;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
        continue;
      }
      const hex = HEX_LENGTH[next];
      if (hex !== undefined) {
        const digits = text.slice(i + 2, i + 2 + hex);
        if (/^[0-9a-fA-F]+$/.test(digits) && digits.length === hex) {
          emit(String.fromCodePoint(Number.parseInt(digits, 16)), i);
          i += 2 + hex;
          continue;
        }
      }
      const escaped = DOUBLE_ESCAPES[next];
      if (escaped !== undefined) {
        emit(escaped, i);
        // A decoded escape that is white space is kept even before a line break.
        i += 2;
        continue;
      }
      emit(char, i);
      i++;
      continue;
    }
    emit(char, i);
    i++;
  }
  flushPending();
  return { out, sources };
}

/**
 * A block scalar from its header at `start` to `end`: `|` keeps line breaks, `>` folds lines
 * that are not more indented; chomping `-` strips, `+` keeps, default clips the final breaks.
 */
function blockScalar(
  text: string,
  start: number,
  end: number,
  folded: boolean,
): { out: string; sources: number[]; rawStart: number; rawEnd: number } {
  const headerEnd = lineEnd(text, start);
  const header = text.slice(start + 1, headerEnd).replace(/\s+#.*$/, '').trim();
  const chomping = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = /[1-9]/.exec(header);
  const bodyStart = Math.min(end, nextLineStart(text, headerEnd));

  // Lines of the body: [start, contentEnd).
  const lines: Array<{ start: number; end: number }> = [];
  for (let at = bodyStart; at < end; ) {
    const stop = lineEnd(text, at);
    lines.push({ start: at, end: Math.min(stop, end) });
    at = nextLineStart(text, stop);
  }
  const baseIndent = parentIndent(text, start);
  let indent: number;
  if (explicit) indent = baseIndent + Number(explicit[0]);
  else {
    const first = lines.find((line) => text.slice(line.start, line.end).trim() !== '');
    indent = first ? leadingSpaces(text, first.start, first.end) : 0;
  }

  let out = '';
  const sources: number[] = [];
  const emit = (value: string, source: number): void => {
    out += value;
    for (let k = 0; k < value.length; k++) sources.push(source);
  };
  // Content lines with their text range after the indentation; empty lines have none.
  const content = lines.map((line) => {
    const from = Math.min(line.start + indent, line.end);
    const empty = text.slice(line.start, line.end).trim() === '' && line.end - line.start <= indent;
    return { ...line, from, empty: empty || text.slice(line.start, line.end).trim() === '' };
  });
  let last = content.length - 1;
  while (last >= 0 && content[last]!.empty) last--;
  let previous: { spaced: boolean } | null = null;
  let emptyBreaks: number[] = [];
  for (let index = 0; index <= last; index++) {
    const line = content[index]!;
    if (line.empty) {
      emptyBreaks.push(line.start);
      continue;
    }
    const spaced = text[line.from] === ' ' || text[line.from] === '\t';
    if (previous !== null) {
      const breakAt = line.start - 1;
      if (folded && !previous.spaced && !spaced) {
        if (emptyBreaks.length === 0) emit(' ', breakAt);
        else for (const at of emptyBreaks) emit('\n', at);
      } else {
        emit('\n', breakAt);
        for (const at of emptyBreaks) emit('\n', at);
      }
    } else {
      for (const at of emptyBreaks) emit('\n', at);
    }
    emptyBreaks = [];
    for (let at = line.from; at < line.end; at++) {
      if (text[at] === '\r' && at === line.end - 1) continue;
      emit(text[at]!, at);
    }
    previous = { spaced };
  }
  if (last >= 0) {
    const lastLine = content[last]!;
    const trailing = content.slice(last + 1).map((line) => line.start);
    if (chomping === 'clip') emit('\n', lastLine.end);
    else if (chomping === 'keep') {
      emit('\n', lastLine.end);
      for (const at of trailing) emit('\n', at);
    }
  }
  const rawStart = content[0]?.from ?? bodyStart;
  const rawEnd = last >= 0 ? content[last]!.end : rawStart;
  return { out, sources, rawStart, rawEnd };
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

function nextLineStart(text: string, lineEndAt: number): number {
  if (text[lineEndAt] === '\r' && text[lineEndAt + 1] === '\n') return lineEndAt + 2;
  return Math.min(text.length, lineEndAt + 1);
}

function leadingSpaces(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && text[at] === ' ') at++;
  return at - from;
}

/** Indentation of the line holding `offset` (the parent node of a block scalar header). */
function parentIndent(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return leadingSpaces(text, lineStart, offset);
}
