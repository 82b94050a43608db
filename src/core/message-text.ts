/**
 * The text of one message (a subject, a post, a bot reply, an SMS) as its reader receives it,
 * assembled from the document's text runs, with every character mapped back to the file. A view
 * of `SourceCode` (`source.messageTexts(scopes)`), shared by the channel-limit rules.
 */
import type { ContentDocument, Message, TextRun } from './document.js';
import type { Range } from './position.js';
import type { ProseMask } from './prose.js';

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

/** What assembling a message needs of the document's source object. */
export interface MessageTextSource {
  document: ContentDocument;
  masksOf(run: TextRun): readonly ProseMask[];
}

/** One message's text from its runs (any order; they are sorted by position). */
export function assembleMessageText(source: MessageTextSource, messageId: string, message: Message | undefined, unsorted: readonly TextRun[]): MessageText {
  const { document } = source;
  const runs = [...unsorted].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const templateStarts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const template: boolean[] = [];
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (previous) {
      const joiner = joinerBetween(document, previous, run);
      const at = previous.range.end.offset;
      for (let i = 0; i < joiner.length; i++) {
        starts.push(at);
        ends.push(run.range.start.offset);
        template.push(false);
      }
      parts.push(joiner);
      length += joiner.length;
    }
    // Template syntax as the prose extraction sees it: the adapter's template ranges and the
    // slot patterns (`{name}`, `${user.name}`) of every channel.
    const tags = source.masksOf(run).filter((mask) => mask.kind === 'template');
    const runStart = length;
    // Every character's file offset: the anchors are walked once, in step with the characters.
    const map = run.sourceMap;
    let anchor = -1;
    let tag = 0;
    const offsetAt = (i: number): number => {
      while (anchor + 1 < map.length && map[anchor + 1]![0] <= i) anchor++;
      return anchor < 0 ? run.range.start.offset + i : map[anchor]![1] + (i - map[anchor]![0]);
    };
    let start = offsetAt(0);
    for (let i = 0; i < run.text.length; i++) {
      const next = offsetAt(i + 1);
      starts.push(start);
      ends.push(Math.max(start, next));
      while (tag < tags.length && tags[tag]!.end <= i) tag++;
      template.push(tag < tags.length && i >= tags[tag]!.start);
      start = next;
    }
    parts.push(run.text);
    length += run.text.length;
    for (const found of tags) templateStarts.push(runStart + found.start);
    previous = run;
  }
  starts.push(previous ? previous.range.end.offset : 0);
  return { message, messageId, text: parts.join(''), runs, starts, ends, template, templateStarts };
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
