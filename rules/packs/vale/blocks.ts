/**
 * A document as Vale reads it: blocks of prose (a heading, a paragraph, a list item, a table
 * cell, alt text) whose text is the masked prose of brandlint's runs (code, URLs and template
 * tags are spaces), each offset mapping back to the file. Runs that one block's links split
 * (same `blockId`) are joined again, so a pattern can match across link text as it does in Vale.
 * Vale's scopes select blocks: `text`, `heading` (`heading.h1`...), `paragraph`, `list`, `table`
 * (`table.cell`, `table.header`), `alt`, `title`, `blockquote`, `sentence`, `summary`, `raw`.
 */
import { sourceEndOf, sourceOffsetOf, type ContentDocument, type ProseScope } from '../../../src/core/document.js';
import type { Range } from '../../../src/core/position.js';
import { eachSentence, type ProseRun } from '../../../src/core/prose.js';
import type { SourceCode } from '../../../src/core/source-code.js';

/** Vale's name of a block's kind. */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'alt' | 'title' | 'raw';

interface Piece {
  /** Where the run's text starts in the block's text. */
  at: number;
  run: ProseRun;
}

export interface ValeBlock {
  kind: BlockKind;
  /** `h1`...`h6` for headings whose level is known. */
  level?: string;
  text: string;
  pieces: Piece[];
  /** Locale of the block's first run. */
  locale: string;
}

/** brandlint's prose scopes as Vale's block kinds. */
const KIND_OF_SCOPE: Record<ProseScope, BlockKind> = {
  subject: 'title',
  preheader: 'paragraph',
  title: 'title',
  'meta-description': 'paragraph',
  heading: 'heading',
  body: 'paragraph',
  cta: 'paragraph',
  link: 'paragraph',
  alt: 'alt',
  button: 'paragraph',
  'bot-reply': 'paragraph',
  post: 'paragraph',
  paragraph: 'paragraph',
  list: 'list',
  table: 'table',
};

const BLOCKS = Symbol('vale blocks');

/** The document's blocks, in file order (built once per document, shared by every Vale rule). */
export function blocksOf(source: SourceCode): ValeBlock[] {
  return source.view(BLOCKS, buildBlocks);
}

function buildBlocks(source: SourceCode): ValeBlock[] {
  const { document } = source;
  const blocks: ValeBlock[] = [];
  let open: { block: ValeBlock; id: number; messageId: string } | null = null;
  const prose = source.prose;
  const runs = prose.flatMap((message) => message.runs).sort((a, b) => a.run.range.start.offset - b.run.range.start.offset);
  for (const run of runs) {
    const id = run.run.blockId;
    if (open && id !== undefined && open.id === id && open.messageId === run.run.messageId) {
      const block = open.block;
      const last = block.pieces[block.pieces.length - 1]!;
      const gap = document.text.slice(last.run.run.range.end.offset, run.run.range.start.offset);
      const separator = /\s/.test(gap) ? ' ' : '';
      block.pieces.push({ at: block.text.length + separator.length, run });
      block.text += separator + run.text;
      // A paragraph's link text is part of the paragraph.
      if (block.kind === 'paragraph' && run.scope !== 'link') block.kind = KIND_OF_SCOPE[run.scope];
      continue;
    }
    const block: ValeBlock = { kind: KIND_OF_SCOPE[run.scope], text: run.text, pieces: [{ at: 0, run }], locale: run.locale };
    if (block.kind === 'heading') {
      const level = headingLevel(document, run);
      if (level) block.level = level;
    }
    blocks.push(block);
    open = id === undefined ? null : { block, id, messageId: run.run.messageId };
  }
  return blocks;
}

/** `h1`...`h6` of a heading run: from its element (HTML) or its Markdown / AsciiDoc marker. */
function headingLevel(document: ContentDocument, run: ProseRun): string | undefined {
  const element = run.run.elementId === undefined ? undefined : document.elements[run.run.elementId];
  if (element && /^h[1-6]$/.test(element.tag)) return element.tag;
  const start = run.run.range.start.offset;
  const lineStart = document.text.lastIndexOf('\n', start - 1) + 1;
  const marker = /^[ \t]*(#{1,6}|={1,6})[ \t]/.exec(document.text.slice(lineStart, start));
  return marker ? `h${marker[1]!.length}` : undefined;
}

/** File offset of block text offset `offset` (an end offset with `end`). */
export function fileOffset(block: ValeBlock, offset: number, end = false): number {
  let piece = block.pieces[0]!;
  for (const candidate of block.pieces) {
    if (candidate.at > offset || (end && candidate.at === offset && candidate !== block.pieces[0])) break;
    piece = candidate;
  }
  const local = Math.max(0, Math.min(piece.run.run.text.length, offset - piece.at));
  return end ? sourceEndOf(piece.run.run, local) : sourceOffsetOf(piece.run.run, local);
}

/** Range in the file of `[start, end)` of a block's text. */
export function blockRange(document: ContentDocument, block: ValeBlock, start: number, end: number): Range {
  const from = fileOffset(block, start);
  const to = end > start ? Math.max(from, fileOffset(block, end, true)) : from;
  return document.lines.rangeAt(from, to);
}

/** A part of a block (a sentence): its text and where it starts in the block. */
export interface BlockPart {
  block: ValeBlock;
  text: string;
  offset: number;
}

/** The sentences of a block (Intl.Segmenter in the block's locale). */
export function sentencesOfBlock(block: ValeBlock): BlockPart[] {
  const parts: BlockPart[] = [];
  eachSentence(block.text, block.locale, (start, end) => {
    const segment = block.text.slice(start, end);
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    if (text === '') return;
    parts.push({ block, text, offset: start + lead });
  });
  return parts;
}

/** A parsed Vale scope (`heading.h2`, `~blockquote`, `paragraph & ~list`). */
export interface ScopeSelector {
  parts: Array<{ names: string[]; negated: boolean }>;
}

export function parseScope(scope: string): ScopeSelector {
  return {
    parts: scope.split('&').map((part) => {
      const trimmed = part.trim();
      const negated = trimmed.startsWith('~');
      return { names: (negated ? trimmed.slice(1) : trimmed).split('.').filter(Boolean), negated };
    }),
  };
}

/** The names a block answers to (`heading`, `h2`, `text`; `paragraph` also for `blockquote`). */
function namesOf(block: ValeBlock): Set<string> {
  const names = new Set<string>(['text', block.kind]);
  if (block.level) names.add(block.level);
  // Header and body cells are not told apart: `table.header` and `table.cell` read every cell.
  if (block.kind === 'table') {
    names.add('cell');
    names.add('header');
  }
  return names;
}

/** Whether a block is in one of the scopes (Vale: any scope; within it every `&` part). */
export function blockMatches(block: ValeBlock, scopes: readonly ScopeSelector[]): boolean {
  const names = namesOf(block);
  return scopes.some((scope) =>
    scope.parts.every((part) => {
      // `text` covers every prose block; `blockquote` is read as any paragraph (not told apart).
      if (part.negated) return !part.names.every((name) => names.has(name));
      return part.names.every((name) => names.has(name) || (name === 'blockquote' && block.kind === 'paragraph'));
    }),
  );
}
