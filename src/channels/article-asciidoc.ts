/**
 * AsciiDoc articles. asciidoctor.js (loaded here, on the first AsciiDoc file only) parses the
 * block structure with line numbers (`sourcemap`); each prose block's raw text is then found on
 * its lines, so every run maps 1:1 onto the file. Inline markup is left out of the runs: code
 * (`` `x` ``, `+x+`, `pass:[]`), formatting marks (`*bold*`, `_em_`, `#mark#`), macro targets;
 * link text (`link:url[text]`, `https://x[text]`, `xref:id[text]`, `<<id,text>>`) is a `link` run
 * of the block, inline image alt text an `alt` run. Listing, literal, source, passthrough and
 * comment blocks are never prose. Header attributes give the metadata: `:lang:`, `:campaign:`.
 * `// ...` line comments, `////` blocks and `pass:[<!-- ... -->]` are comments (directives).
 */
import { importModule } from '../core/dynamic-import.js';
import type { Message, ProseScope } from '../core/document.js';
import { identity, type DocumentBuilder } from './builder.js';
import { addArticleMessage } from './article.js';
import { addTextLinks, plain, pushBuffer, pushRun } from './prose-run.js';
import { TextBuffer } from './text-buffer.js';

/** The parts of asciidoctor.js's node API this reader uses. */
interface AdocNode {
  getContext(): string;
  getLineNumber(): number | undefined;
  getBlocks?(): unknown[];
  getSourceLines?(): string[];
  getAttribute(name: string): unknown;
  getItems?(): unknown[];
  source?: () => string;
  lineno?: number;
  rows?: { bySection(): Array<[string, AdocNode[][]]> };
}

type AdocLoad = (input: string, options: Record<string, unknown>) => Promise<AdocNode>;

let asciidoctor: Promise<AdocLoad> | undefined;

function loadAsciidoctor(): Promise<AdocLoad> {
  asciidoctor ??= importModule<typeof import('@asciidoctor/core')>('@asciidoctor/core').then((module) => module.load as unknown as AdocLoad);
  return asciidoctor;
}

/** Blocks whose content is code or markup, never prose. */
const VERBATIM = new Set(['listing', 'literal', 'pass', 'stem', 'comment', 'audio', 'video', 'toc', 'page_break', 'thematic_break']);

export async function readAsciiDoc(builder: DocumentBuilder): Promise<void> {
  const { text, document } = builder;
  const lines = lineStarts(text);
  readComments(builder, lines);
  let root: AdocNode;
  try {
    const load = await loadAsciidoctor();
    // `secure`: no includes, no file or network access; the document only describes itself.
    root = await load(text, { sourcemap: true, safe: 'secure', attributes: { 'skip-front-matter': '' } });
  } catch (error) {
    builder.problem('parse/asciidoc', `AsciiDoc could not be parsed: ${error instanceof Error ? error.message : String(error)}`, null);
    addArticleMessage(builder, 0);
    return;
  }
  const fields: { locale?: string; campaign?: string } = {};
  const lang = root.getAttribute('lang');
  if (typeof lang === 'string' && lang.trim() !== '') fields.locale = document.metadata.locale = lang.trim();
  const campaign = /^:campaign:[ \t]+(\S.*?)[ \t]*$/m.exec(text);
  if (campaign) {
    const start = campaign.index + campaign[0].indexOf(campaign[1]!);
    document.metadata.campaign = campaign[1]!;
    document.metadata.campaignRange = builder.range(start, start + campaign[1]!.length);
    fields.campaign = campaign[1]!;
  }
  const message = addArticleMessage(builder, 0, fields);
  const reader = new AsciiDocReader(builder, lines, message);
  const title = /^=[ \t]+(\S.*)$/m.exec(text.slice(0, lines[Math.min(lines.length - 1, 3)] ?? text.length));
  if (title && !text.slice(0, title.index).trim()) reader.lineRun(title.index + title[0].indexOf(title[1]!), title.index + title[0].length, 'heading');
  reader.blocks(root);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** `// comment` lines, `////` comment blocks and `pass:[<!-- ... -->]`. */
function readComments(builder: DocumentBuilder, lines: number[]): void {
  const { text } = builder;
  const lineAt = (index: number): [number, number] => {
    const start = lines[index]!;
    const next = lines[index + 1];
    let end = next === undefined ? text.length : next;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return [start, end];
  };
  const push = (bodyStart: number, bodyEnd: number, fullStart: number, fullEnd: number): void => {
    builder.document.comments.push({
      text: text.slice(bodyStart, bodyEnd),
      range: builder.range(bodyStart, bodyEnd),
      fullRange: builder.range(fullStart, fullEnd),
      syntax: 'asciidoc',
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const [start, end] = lineAt(i);
    const line = text.slice(start, end);
    if (/^\/{4,}\s*$/.test(line)) {
      let j = i + 1;
      while (j < lines.length && text.slice(...lineAt(j)).trimEnd() !== line.trimEnd()) j++;
      const bodyStart = lines[i + 1] ?? end;
      const close: [number, number] = j < lines.length ? lineAt(j) : [text.length, text.length];
      push(Math.min(bodyStart, close[0]), close[0], start, close[1]);
      i = j;
      continue;
    }
    if (line.startsWith('//') && !line.startsWith('///')) push(start + 2, end, start, end);
  }
  for (const match of text.matchAll(/pass:\[<!--([\s\S]*?)-->\]/g)) {
    push(match.index + 10, match.index + 10 + match[1]!.length, match.index, match.index + match[0].length);
  }
}

/** Inline spans that are no prose (left out of runs), and spans whose inner text is link text or alt text. */
const INLINE =
  /(?<code>``[^`\n]+``|`[^`\n]+`|\+\+\+[\s\S]*?\+\+\+|\+\+[^+\n]+\+\+|(?<![\w+])\+[^+\s](?:[^+\n]*[^+\s])?\+(?![\w+])|pass:[a-z,]*\[[^\]\n]*\])|(?<image>image:(?!:)[^\s[\]]*\[(?<alt>[^\],\]]*)[^\]]*\])|(?<macro>(?:link|xref|mailto|footnote|kbd|btn|menu|anchor):[^\s[\]]*\[(?<macroText>[^\]]*)\])|(?<url>\b(?:https?|ftp|irc):\/\/[^\s[\]<>]+\[(?<urlText>[^\]]*)\])|(?<xref><<[^,>\n]+(?:,[ \t]*(?<xrefText>[^>\n]+))?>>)|(?<anchor>\[\[[^\]\n]*\]\]|\[#[^\]\n]*\])|(?<pair>(?<![\p{L}\p{N}*_#])(?<open>\*\*|__|##|[*_#])(?=\S)(?<inner>[^\n]*?\S)\k<open>(?![\p{L}\p{N}*_#]))|(?<hardBreak>[ \t]\+$)/gmu;

/** A list item's marker: `*`, `-`, `.` (nested: repeated), `1.`, `a.`, `<1>`, checklist boxes. */
const LIST_MARKER = /^[ \t]*(?:\*+|-|\.+|\d+\.|[a-zA-Z]\.|[ivxIVX]+\)|<\d+>)[ \t]+(?:\[[ x*]\][ \t]+)?/;
/** A description list term: `Term::`, `Term:::`, `Term;;` (the description may follow on the line). */
const DLIST_TERM = /^([ \t]*\S.*?)(:{2,4}|;;)(?=[ \t]|$)/;

class AsciiDocReader {
  private nextBlock = 0;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly lines: number[],
    private readonly message: Message,
  ) {}

  blocks(node: AdocNode): void {
    for (const child of node.getBlocks?.() ?? []) {
      if (Array.isArray(child)) continue;
      this.block(child as AdocNode);
    }
  }

  private block(node: AdocNode): void {
    const context = node.getContext();
    const line = node.getLineNumber();
    if (VERBATIM.has(context)) return;
    switch (context) {
      case 'section':
        if (line !== undefined) this.titleLine(line - 1);
        this.blocks(node);
        return;
      case 'paragraph':
      case 'admonition':
      case 'verse':
        if (line !== undefined && node.getSourceLines && (node.getBlocks?.() ?? []).length === 0) this.sourceRun(line - 1, node.getSourceLines().join('\n'), 'paragraph');
        this.blocks(node);
        return;
      case 'ulist':
      case 'olist':
      case 'colist':
        for (const item of (node.getItems?.() ?? []) as AdocNode[]) {
          const at = item.getLineNumber();
          if (at !== undefined) this.itemRun(at - 1, LIST_MARKER);
          this.blocks(item);
        }
        return;
      case 'dlist':
        for (const entry of (node.getItems?.() ?? []) as Array<[AdocNode[], AdocNode | null]>) {
          const [terms, description] = entry;
          for (const term of terms) {
            const at = term.getLineNumber();
            if (at !== undefined) this.termRun(at - 1);
          }
          if (description) this.blocks(description);
        }
        return;
      case 'table':
        for (const [, rows] of node.rows?.bySection() ?? []) {
          for (const row of rows) {
            for (const cell of row) {
              if (typeof cell.lineno === 'number' && typeof cell.source === 'function') this.sourceRun(cell.lineno - 1, cell.source(), 'table');
            }
          }
        }
        return;
      case 'image': {
        const alt = node.getAttribute('alt');
        if (line !== undefined && typeof alt === 'string') this.altOnLine(line - 1, alt);
        return;
      }
      default:
        // Example, sidebar, quote, open blocks, preamble: their blocks.
        this.blocks(node);
    }
  }

  private lineRange(index: number): [number, number] {
    const { text } = this.builder;
    const start = this.lines[index] ?? text.length;
    const next = this.lines[index + 1];
    let end = next === undefined ? text.length : next;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return [start, end];
  }

  /** A list item: its text after the marker, and the lines that continue it (up to a blank line, a marker or `+`). */
  private itemRun(index: number, marker: RegExp): void {
    const { text } = this.builder;
    const [start, end] = this.lineRange(index);
    const head = marker.exec(text.slice(start, end));
    if (!head) return;
    const pieces: Array<[number, number]> = [[start + head[0].length, end]];
    for (let next = index + 1; next < this.lines.length; next++) {
      const [from, to] = this.lineRange(next);
      const line = text.slice(from, to);
      if (line.trim() === '' || LIST_MARKER.test(line) || DLIST_TERM.test(line) || /^(?:\+|-{2,}|={4,}|\*{4,}|\.{4,}|_{4,}|\|===|\/\/)\s*$/.test(line) || line.startsWith('//')) break;
      pieces.push([from, to]);
    }
    this.inlineRun(pieces, 'list');
  }

  /** A description list entry: the term, and the description on the same line or the lines after it. */
  private termRun(index: number): void {
    const { text } = this.builder;
    const [start, end] = this.lineRange(index);
    const term = DLIST_TERM.exec(text.slice(start, end));
    if (!term) return;
    const termStart = start + term[0].length - term[0].trimStart().length;
    this.inlineRun([[termStart, start + term[1]!.length]], 'list');
    const after = start + term[0].length;
    const rest = text.slice(after, end);
    if (rest.trim() !== '') this.inlineRun([[after + rest.length - rest.trimStart().length, end]], 'list');
    else if (index + 1 < this.lines.length) {
      const [from, to] = this.lineRange(index + 1);
      const line = text.slice(from, to);
      if (line.trim() !== '' && !DLIST_TERM.test(line) && !LIST_MARKER.test(line)) this.inlineRun([[from + line.length - line.trimStart().length, to]], 'list');
    }
  }

  private titleLine(index: number): void {
    const [start, end] = this.lineRange(index);
    const title = /^(?:=+|#+)[ \t]+/.exec(this.builder.text.slice(start, end));
    if (title) this.lineRun(start + title[0].length, end, 'heading');
  }

  /** A run of one line's `[start, end)` (a heading). */
  lineRun(start: number, end: number, scope: ProseScope): void {
    this.inlineRun([[start, end]], scope);
  }

  /** Finds the lines of `source` from line `index` on, and makes them one block. */
  private sourceRun(index: number, source: string, scope: ProseScope): void {
    const { text } = this.builder;
    const pieces: Array<[number, number]> = [];
    let at = index;
    for (const wanted of source.split('\n')) {
      const trimmed = wanted.trim();
      if (trimmed === '') continue;
      // The source line may sit after a marker (`* `, `NOTE: `, `|`) or a skipped comment line.
      let found: [number, number] | null = null;
      for (let probe = at; probe < Math.min(this.lines.length, at + 20) && !found; probe++) {
        const [start, end] = this.lineRange(probe);
        const column = text.slice(start, end).indexOf(trimmed);
        if (column >= 0) {
          found = [start + column, start + column + trimmed.length];
          at = probe + 1;
        }
      }
      if (found) pieces.push(found);
    }
    if (pieces.length > 0) this.inlineRun(pieces, scope);
  }

  private altOnLine(index: number, alt: string): void {
    const [start, end] = this.lineRange(index);
    const line = this.builder.text.slice(start, end);
    const open = line.indexOf('[');
    const column = open >= 0 ? line.indexOf(alt, open) : -1;
    if (alt.trim() === '' || column < 0) return;
    pushRun(this.builder, plain(alt), start + column, start + column + alt.length, { scope: 'alt', messageId: this.message.id, locale: this.message.locale });
  }

  /** The runs of a block from its line pieces: inline markup left out, link text a run of its own. */
  private inlineRun(pieces: ReadonlyArray<[number, number]>, scope: ProseScope): void {
    const { builder } = this;
    const { text } = builder;
    const fields = { messageId: this.message.id, locale: this.message.locale, blockId: this.nextBlock++ };
    let buffer = new TextBuffer();
    const flush = (runScope: ProseScope): void => {
      const run = pushBuffer(builder, buffer, { scope: runScope, ...fields });
      if (run) addTextLinks(builder, run);
      buffer = new TextBuffer();
    };
    const append = (start: number, end: number): void => {
      if (end > start) buffer.append(plain(text.slice(start, end)), start, end, identity);
    };
    const later: Array<() => void> = [];
    pieces.forEach(([pieceStart, pieceEnd], index) => {
      if (index > 0) {
        // The line break between two lines of the block.
        const previousEnd = pieces[index - 1]![1];
        buffer.append({ text: '\n', anchors: [] }, previousEnd, Math.min(previousEnd + 1, pieceStart), identity);
      }
      const line = text.slice(pieceStart, pieceEnd);
      let at = 0;
      INLINE.lastIndex = 0;
      for (const match of line.matchAll(INLINE)) {
        const groups = match.groups ?? {};
        const start = pieceStart + match.index;
        const end = start + match[0].length;
        append(pieceStart + at, start);
        at = match.index + match[0].length;
        const inner = groups['macroText'] ?? groups['urlText'] ?? groups['xrefText'];
        if (groups['macro'] !== undefined || groups['url'] !== undefined || groups['xref'] !== undefined) {
          const href = groups['xref'] !== undefined ? `#${match[0].slice(2).split(/[,>]/)[0]!}` : match[0].slice(0, match[0].indexOf('['));
          const hrefStart = groups['xref'] !== undefined ? start + 2 : start + (groups['macro'] !== undefined ? match[0].indexOf(':') + 1 : 0);
          const hrefEnd = groups['xref'] !== undefined ? hrefStart + href.length - 1 : start + match[0].indexOf('[');
          const innerStart = inner === undefined ? end : start + match[0].lastIndexOf(inner, match[0].length - 1);
          builder.document.links.push({
            href: groups['macro'] !== undefined ? href.slice(href.indexOf(':') + 1) : href,
            hrefRange: builder.range(hrefStart, Math.max(hrefStart, hrefEnd)),
            text: inner ?? '',
            isCallToAction: false,
            range: builder.range(start, end),
          });
          if (inner !== undefined && inner.trim() !== '' && !match[0].startsWith('footnote:')) {
            flush(scope);
            buffer.append(plain(inner), innerStart, innerStart + inner.length, identity);
            flush(scope === 'heading' ? 'heading' : 'link');
          }
        } else if (groups['pair'] !== undefined) {
          // `*bold*`, `_em_`, `#mark#` (and doubled): the marks are left out, the words stay.
          const innerStart = start + groups['open']!.length;
          append(innerStart, innerStart + groups['inner']!.length);
        } else if (groups['image'] !== undefined && groups['alt'] !== undefined && groups['alt'].trim() !== '') {
          const alt = groups['alt'];
          const altStart = start + match[0].indexOf('[') + 1;
          later.push(() => pushRun(builder, plain(alt), altStart, altStart + alt.length, { scope: 'alt', messageId: this.message.id, locale: this.message.locale }));
        }
      }
      append(pieceStart + at, pieceEnd);
    });
    flush(scope);
    for (const task of later) task();
  }
}
