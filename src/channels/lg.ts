/**
 * Bot Framework language generation files (`.lg`): every variation of every `# Template` is a
 * `bot-response` message. Read as prose:
 *
 * - `- variation` lines (also `*` and `+`), including those nested under `- IF:`/`- ELSE:`/
 *   `- SWITCH:`/`- CASE:`/`- DEFAULT:` (the condition lines themselves are not prose);
 * - multi-line variations between ``` fences, unless they hold JSON (an Adaptive Card);
 * - `Text` and `Speak` of structured templates (`[Activity ...]`), and `SuggestedActions`
 *   (`A | B`) as buttons.
 *
 * A line of a variation that holds only chatdown-style activity commands (`[Suggestions=A|B]`,
 * `[AttachmentLayout=carousel]`, `[Attachment=card.json]`, `[Typing]`, `[Delay=3000]`) is not
 * reply text: the suggestions are read as buttons, the other commands not at all.
 *
 * `\` escapes are decoded with a map back to the file; `${expression}` stays in the text and is
 * listed in `templateRanges`; `> comment` lines are recorded for disable directives (`syntax: lg`).
 */
import type { ContentDocument, Message } from '../core/document.js';
import { DocumentBuilder, type DocumentInput } from './builder.js';
import { anchorsOf, type DecodedText } from './entities.js';
import { plain, pushBuffer, pushRun } from './prose-run.js';
import { TextBuffer } from './text-buffer.js';

interface Line {
  start: number;
  /** End of the content (before the line break). */
  end: number;
  text: string;
}

const CONDITION = /^(?:IF|ELSE\s*IF|ELSEIF|ELSE|SWITCH|CASE|DEFAULT)\s*:/i;
/** `- text`; a dash may touch what follows (`-```` opens a multi-line variation). */
const VARIATION = /^-|^[*+](?=\s|$)/;
const STRUCTURED_START = /^\[\s*([A-Za-z_][\w.]*)\s*$/;
const PROPERTY = /^([A-Za-z_][\w.]*)\s*=\s?/;
/** `[import](common.lg)`, `[Icons](icons.en-us.lg)`: a reference to another .lg file. */
const IMPORT = /^\[[^\]]*\]\([^)]*\)$/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
/** One chatdown activity command: `[Suggestions=A|B]`, `[Typing]`, `[Delay=3000]` (name and value captured). */
const COMMAND = /\[\s*(suggestions|attachments?|attachmentlayout|typing|delay|conversationupdate)\s*(?:=([^\]\r\n]*))?\]/gi;
const COMMAND_SOURCE = String.raw`\[\s*(?:suggestions|attachments?|attachmentlayout|typing|delay|conversationupdate)\s*(?:=[^\]\r\n]*)?\]`;
/** A line of nothing but activity commands, with its line break. */
const COMMAND_LINE = new RegExp(String.raw`^[ \t]*(?:${COMMAND_SOURCE}[ \t]*)+(?:\r\n|\r|\n|$)`, 'gim');
/** A one-line variation of nothing but activity commands. */
const COMMANDS_ONLY = new RegExp(String.raw`^(?:${COMMAND_SOURCE}[ \t]*)+$`, 'i');

export function parseLg(input: DocumentInput): ContentDocument {
  const builder = new DocumentBuilder(input);
  const locale = localeOfLgFile(input.file);
  if (locale) builder.document.metadata.locale = locale;
  new LgReader(builder, locale).read();
  return builder.document;
}

/** Bot Framework Composer names LG files per language: `main.en-us.lg`, `Common.de-DE.lg`. */
export function localeOfLgFile(file: string): string | undefined {
  const match = /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.lg$/i.exec(file);
  if (!match) return undefined;
  try {
    return Intl.getCanonicalLocales(match[1]!)[0];
  } catch {
    return undefined;
  }
}

class LgReader {
  private readonly text: string;
  private readonly lines: Line[];
  private template: { name: string; count: number } | null = null;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly locale: string | undefined,
  ) {
    this.text = builder.text;
    this.lines = splitLines(this.text);
  }

  read(): void {
    for (let index = 0; index < this.lines.length; index++) {
      const line = this.lines[index]!;
      const indent = line.text.length - line.text.trimStart().length;
      const content = line.text.slice(indent);
      const at = line.start + indent;
      if (content.startsWith('>')) {
        this.comment(at, line.end);
        continue;
      }
      if (content.startsWith('#')) {
        const name = content.slice(1).replace(/\(.*$/, '').trim();
        if (name === '') this.builder.problem('parse/lg', 'a template needs a name after `#` (`# Greeting`)', this.builder.range(at, line.end), 'warning');
        this.template = { name: name || `template-${line.start}`, count: 0 };
        continue;
      }
      if (!this.template) continue;
      const structured = STRUCTURED_START.exec(content.trimEnd());
      if (structured) {
        index = this.structured(index, structured[1]!);
        continue;
      }
      const marker = VARIATION.exec(content);
      if (!marker) {
        // Bot Framework rejects such a line too; an import (`[import](file.lg)`) may stand anywhere.
        const stray = content.trimEnd();
        if (stray !== '' && !IMPORT.test(stray)) {
          this.builder.problem('parse/lg', 'a line of a template starts with `-` (one variation); this line is not read', this.builder.range(at, at + stray.length), 'warning');
        }
        continue;
      }
      const bodyOffset = indent + 1 + (line.text.slice(indent + 1).length - line.text.slice(indent + 1).trimStart().length);
      const body = line.text.slice(bodyOffset);
      if (CONDITION.test(body)) continue;
      if (body.startsWith('```')) {
        index = this.multiLine(index, line.start + bodyOffset, at);
        continue;
      }
      const trimmed = body.trimEnd();
      if (trimmed === '') continue;
      const start = line.start + bodyOffset;
      const message = this.message(at, start + trimmed.length);
      if (COMMANDS_ONLY.test(trimmed)) {
        this.commands(trimmed, start, message);
        continue;
      }
      const decoded = decodeLgEscapes(trimmed);
      pushRun(this.builder, decoded, start, start + trimmed.length, { scope: 'bot-reply', messageId: message.id, locale: message.locale });
    }
  }

  private message(start: number, end: number): Message {
    const template = this.template!;
    const message: Message = { id: `${template.name}[${template.count++}]`, kind: 'bot-response', range: this.builder.range(start, end) };
    if (this.locale) message.locale = this.locale;
    this.builder.document.messages.push(message);
    return message;
  }

  private comment(start: number, end: number): void {
    this.builder.document.comments.push({
      text: this.text.slice(start + 1, end),
      range: this.builder.range(start + 1, end),
      fullRange: this.builder.range(start, end),
      syntax: 'lg',
    });
  }

  /** A ``` block from `open` (the fence) to the closing fence; returns the index of its last line. */
  private multiLine(index: number, open: number, markerAt: number): number {
    const close = this.text.indexOf('```', open + 3);
    if (close < 0) {
      this.builder.problem('parse/lg', 'unclosed ``` block: the variation runs to the end of the file', this.builder.range(open, open + 3));
      return this.lines.length - 1;
    }
    const bodyStart = open + 3;
    const body = this.text.slice(bodyStart, close);
    const message = this.message(markerAt, close + 3);
    // An Adaptive Card or other JSON payload is data, not prose.
    if (!/^\s*[[{]/.test(body)) this.replyText(body, bodyStart, message);
    let last = index;
    while (last + 1 < this.lines.length && this.lines[last + 1]!.start <= close) last++;
    return last;
  }

  /** The text of a multi-line variation at `bodyStart`: one reply run without its activity-command lines. */
  private replyText(body: string, bodyStart: number, message: Message): void {
    const buffer = new TextBuffer();
    const at = (offset: number): number => offset;
    let from = 0;
    for (const line of body.matchAll(COMMAND_LINE)) {
      if (line.index > from) buffer.append(plain(body.slice(from, line.index)), bodyStart + from, bodyStart + line.index, at);
      this.commands(line[0], bodyStart + line.index, message);
      from = line.index + line[0].length;
    }
    if (from < body.length) buffer.append(plain(body.slice(from)), bodyStart + from, bodyStart + body.length, at);
    pushBuffer(this.builder, buffer, { scope: 'bot-reply', messageId: message.id, locale: message.locale });
  }

  /** Activity commands at `start`: each suggestion of `[Suggestions=A|B]` is a button; the rest is no text. */
  private commands(text: string, start: number, message: Message): void {
    for (const command of text.matchAll(COMMAND)) {
      if (command[1]!.toLowerCase() !== 'suggestions' || command[2] === undefined) continue;
      const valueStart = start + command.index + command[0].indexOf('=') + 1;
      for (const action of splitPipes(command[2])) {
        const actionStart = valueStart + action.start;
        pushRun(this.builder, decodeLgEscapes(action.text), actionStart, actionStart + action.text.length, { scope: 'button', messageId: message.id, locale: message.locale });
      }
    }
  }

  /** A structured template `[Activity ... ]`; returns the index of its closing line. */
  private structured(index: number, type: string): number {
    const first = this.lines[index]!;
    let last = index;
    let message: Message | null = null;
    let closed = false;
    for (let i = index + 1; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      last = i;
      const trimmed = line.text.trim();
      if (trimmed === ']') {
        closed = true;
        break;
      }
      const indent = line.text.length - line.text.trimStart().length;
      const property = PROPERTY.exec(line.text.slice(indent));
      if (!property) continue;
      const key = property[1]!.toLowerCase();
      if (type.toLowerCase() !== 'activity' || (key !== 'text' && key !== 'speak' && key !== 'suggestedactions')) continue;
      const valueStart = line.start + indent + property[0].length;
      const value = this.text.slice(valueStart, line.end).trimEnd();
      message ??= this.message(first.start + (first.text.length - first.text.trimStart().length), first.end);
      if (key === 'suggestedactions') {
        for (const action of splitPipes(value)) {
          const start = valueStart + action.start;
          pushRun(this.builder, decodeLgEscapes(action.text), start, start + action.text.length, { scope: 'button', messageId: message.id, locale: message.locale });
        }
      } else {
        pushRun(this.builder, decodeLgEscapes(value), valueStart, valueStart + value.length, { scope: 'bot-reply', messageId: message.id, locale: message.locale });
      }
    }
    if (!closed) {
      const at = first.start + (first.text.length - first.text.trimStart().length);
      this.builder.problem('parse/lg', `unclosed [${type}: the structured template runs to the end of the file (close it with a line \`]\`)`, this.builder.range(at, first.end));
    }
    if (message) {
      const end = this.lines[last]!.end;
      message.range = this.builder.range(message.range.start.offset, end);
    }
    return last;
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    const raw = match[0];
    const content = raw.replace(/[\r\n]+$/, '');
    lines.push({ start: match.index, end: match.index + content.length, text: content });
    if (pattern.lastIndex >= text.length) break;
  }
  return lines;
}

/** Decodes LG `\` escapes (`\[` -> `[`, `\n` -> line break) with a map to the raw text. */
export function decodeLgEscapes(raw: string): DecodedText {
  if (!raw.includes('\\')) return plain(raw);
  let out = '';
  const sources: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      // `\${` keeps its backslash: the expression is literal text, and the template scan knows `\${`.
      if (next === '$') {
        out += '\\$';
        sources.push(i, i + 1);
      } else {
        out += ESCAPES[next] ?? next;
        sources.push(i);
      }
      i++;
      continue;
    }
    out += char;
    sources.push(i);
  }
  return { text: out, anchors: anchorsOf(sources, 0, raw.length) };
}

/** `A | B | C` split on unescaped pipes, each part trimmed, with its offset. */
function splitPipes(value: string): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value[i] === '\\') {
      i++;
      continue;
    }
    if (i === value.length || value[i] === '|') {
      const piece = value.slice(from, i);
      const lead = piece.length - piece.trimStart().length;
      const text = piece.trim();
      if (text !== '') parts.push({ text, start: from + lead });
      from = i + 1;
    }
  }
  return parts;
}
