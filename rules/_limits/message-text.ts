/**
 * The text of one message (a subject, a post, a bot reply, an SMS) as its reader receives it,
 * assembled from the document's text runs, with every character mapped back to the file. Shared
 * by the channel-limit rules; not a rule itself (rules/index.ts does not list this folder).
 */
import type { ContentDocument, Message, ProseScope, TextRun } from '../../src/core/document.js';
import { sourceOffsetOf } from '../../src/core/document.js';
import { masksOf } from '../../src/core/prose.js';
import type { Range } from '../../src/core/position.js';

export interface MessageText {
  /** The message the runs belong to (undefined when the adapter listed none with that id). */
  message: Message | undefined;
  messageId: string;
  /** Runs in file order, joined by what separates them in the file (a line break, a space, nothing). */
  text: string;
  runs: TextRun[];
  /** File offset where each character starts; `starts[text.length]` is the file offset after the text. */
  starts: number[];
  /** File offset where each character ends. */
  ends: number[];
  /** True for characters inside template syntax (`{{ first_name }}`, `{slot}`): filled in at send time. */
  template: boolean[];
  /** Index (in `text`) of the first character of each template tag. */
  templateStarts: number[];
}

const textCache = new WeakMap<ContentDocument, Map<string, readonly MessageText[]>>();

/**
 * The runs of `scopes` grouped by message, each message's text assembled (document order).
 * Cached per document and scope list: a subject is assembled once for every rule that measures it.
 */
export function messageTexts(document: ContentDocument, scopes: readonly ProseScope[]): readonly MessageText[] {
  let byScopes = textCache.get(document);
  if (!byScopes) textCache.set(document, (byScopes = new Map()));
  const key = [...new Set(scopes)].sort().join(' ');
  let texts = byScopes.get(key);
  if (!texts) byScopes.set(key, (texts = assembleAll(document, scopes)));
  return texts;
}

function assembleAll(document: ContentDocument, scopes: readonly ProseScope[]): MessageText[] {
  const wanted = new Set(scopes);
  const byMessage = new Map<string, TextRun[]>();
  for (const run of document.textRuns) {
    if (!wanted.has(run.scope)) continue;
    const list = byMessage.get(run.messageId);
    if (list) list.push(run);
    else byMessage.set(run.messageId, [run]);
  }
  const messages = new Map(document.messages.map((message) => [message.id, message]));
  return [...byMessage].map(([messageId, runs]) => assemble(document, messageId, messages.get(messageId), runs));
}

function assemble(document: ContentDocument, messageId: string, message: Message | undefined, unsorted: TextRun[]): MessageText {
  const runs = [...unsorted].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const templateStarts: number[] = [];
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const template: boolean[] = [];
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (previous) {
      const joiner = joinerBetween(document, previous, run);
      const at = previous.range.end.offset;
      for (const char of joiner) {
        text += char;
        starts.push(at);
        ends.push(run.range.start.offset);
        template.push(false);
      }
    }
    // Template syntax as the prose extraction sees it: the adapter's template ranges and the
    // slot patterns (`{name}`, `${user.name}`) of every channel.
    const tags = masksOf(document, run).filter((mask) => mask.kind === 'template');
    const runStart = text.length;
    for (let i = 0; i < run.text.length; i++) {
      const start = sourceOffsetOf(run, i);
      text += run.text[i];
      starts.push(start);
      ends.push(Math.max(start, sourceOffsetOf(run, i + 1)));
      template.push(tags.some((tag) => i >= tag.start && i < tag.end));
    }
    for (const tag of tags) templateStarts.push(runStart + tag.start);
    previous = run;
  }
  starts.push(previous ? previous.range.end.offset : 0);
  return { message, messageId, text, runs, starts, ends, template, templateStarts };
}

/**
 * What separates two runs of one message: a line break (two for a blank line) when the file
 * puts one between them, a space when the gap holds other whitespace, nothing when the runs
 * already carry the space or only markup separates them (`<a>`...`</a>`).
 */
function joinerBetween(document: ContentDocument, previous: TextRun, next: TextRun): string {
  if (/\s$/.test(previous.text) || /^\s/.test(next.text)) return '';
  const gap = document.text.slice(previous.range.end.offset, next.range.start.offset);
  const breaks = (gap.match(/\r\n|\r|\n/g) ?? []).length;
  if (breaks >= 2) return '\n\n';
  if (breaks === 1) return '\n';
  return /\s/.test(gap) ? ' ' : '';
}

/** The file range of characters `[start, end)` of a message text. */
export function rangeOf(document: ContentDocument, message: MessageText, start: number, end: number): Range {
  const from = message.starts[start] ?? message.starts[message.starts.length - 1] ?? 0;
  const to = end > start ? (message.ends[end - 1] ?? from) : from;
  return document.lines.rangeAt(from, Math.max(from, to));
}
