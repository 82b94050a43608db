/**
 * The social adapter: posts as they are written before a scheduler publishes them.
 *
 * - Markdown posts (`format: markdown`, see social-markdown.ts): YAML front matter with
 *   `platform`, `campaign`, `lang`, `publish_at`, `link`; the body is the post. A thematic break
 *   (`---`, `***` or `___` on its own line after a blank line) separates the posts of a thread.
 * - Scheduler CSV files (`format: csv`): one post per row, the message column found by its
 *   header (`message`, `text`, `post`, `caption`, `content`, ...), optional platform, date, link,
 *   campaign and locale columns; a file without a header in Hootsuite's bulk layout (date,
 *   message, link) is read too. Each row is a `post` message with its own metadata.
 *
 * - Plain-text posts (`format: text`: `.txt`, `.tweet`): the whole file is one post, after
 *   optional YAML front matter between `---` lines (the same keys as a Markdown post).
 *
 * A post's platforms come from front matter (`platform`, `platforms`, `network`, `media`,
 * `channels`: one name or a list; `mastodon-galaxyproject` names Mastodon) or a platform column,
 * else from the path: a folder named after a platform (`social/mastodon/`) or `.tweet` (X).
 *
 * URLs and e-mail addresses in a post stay in its text (they count towards the platform's limit)
 * and are listed in `links` with their ranges, so voice rules can skip them.
 */
import type { Channel } from '../core/channels.js';
import type { ContentDocument, Message } from '../core/document.js';
import { DocumentBuilder, type DocumentInput } from './builder.js';
import { tokenizeCsv, type CsvCell, type CsvRecord } from './csv.js';
import { normalizePlatform, platformOfPath, readDate, slashOrderOf } from './metadata-values.js';
import { addTextLinks, plain, pushRun } from './prose-run.js';
import { readFrontMatter, readMarkdownPosts, type PostFields } from './social-markdown.js';
import { loadYaml } from './yaml-source.js';

export type SocialInput = Omit<DocumentInput, 'format' | 'channel'> & { format?: string; channel?: Channel };

export async function parseSocial(input: SocialInput): Promise<ContentDocument> {
  const lower = input.file.toLowerCase();
  const format =
    input.format === 'csv' || input.format === 'text' || input.format === 'markdown'
      ? input.format
      : lower.endsWith('.csv')
        ? 'csv'
        : lower.endsWith('.txt') || lower.endsWith('.tweet')
          ? 'text'
          : 'markdown';
  const builder = new DocumentBuilder({ ...input, channel: input.channel ?? 'social', format });
  if (format === 'csv') readCsvPosts(builder);
  else if (format === 'text') await readTextPost(builder);
  else await readMarkdownPosts(builder);
  const { document } = builder;
  // A file that names no platform anywhere may be in a folder named after one.
  if (document.metadata.platform === undefined && document.messages.every((message) => message.platform === undefined)) {
    const platform = platformOfPath(input.file);
    if (platform !== undefined) document.metadata.platform = platform;
  }
  return document;
}

// -----------------------------------------------------------------------------------------------
// Plain text
// -----------------------------------------------------------------------------------------------

/** Front matter of a plain-text post: `---` on the first line, up to the next line that is `---`. */
const TEXT_FRONT_MATTER = /^---[ \t]*\r?\n(?:[^]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

async function readTextPost(builder: DocumentBuilder): Promise<void> {
  const { document } = builder;
  const text = document.text;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fields: PostFields = {};
  const frontMatter = TEXT_FRONT_MATTER.exec(text.slice(start));
  if (frontMatter) {
    const end = start + frontMatter[0].replace(/\r?\n$/, '').length;
    const node = { type: 'yaml', value: '', position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } } } as const;
    fields = await readFrontMatter(builder, node as unknown as Parameters<typeof readFrontMatter>[1], await loadYaml());
    start += frontMatter[0].length;
  }
  const message: Message = { id: 'post', kind: 'post', range: builder.range(start, text.length), ...fields };
  document.messages.push(message);
  const run = pushRun(builder, plain(text.slice(start)), start, text.length, { scope: 'post', messageId: message.id, locale: message.locale });
  if (run) addTextLinks(builder, run);
}

// -----------------------------------------------------------------------------------------------
// CSV
// -----------------------------------------------------------------------------------------------

type Column = 'message' | 'platform' | 'date' | 'link' | 'campaign' | 'locale' | 'id';

const HEADERS: Record<Column, readonly string[]> = {
  message: ['message', 'text', 'post', 'caption', 'content', 'body', 'copy', 'tweet', 'status', 'post text', 'message text', 'post content', 'description'],
  platform: ['platform', 'network', 'social network', 'channel', 'service', 'social media'],
  date: ['date', 'publish at', 'publish date', 'published at', 'publish time', 'scheduled at', 'scheduled date', 'schedule', 'schedule date', 'date and time', 'datetime', 'posting time', 'send at', 'created at', 'time'],
  link: ['link', 'url', 'link url', 'website'],
  campaign: ['campaign', 'campaign id', 'campaign name'],
  locale: ['lang', 'locale', 'language'],
  id: ['id', 'post id'],
};

function columnOf(header: string): Column | null {
  const name = header.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/\s*\(.*\)$/, '');
  for (const [column, names] of Object.entries(HEADERS) as Array<[Column, readonly string[]]>) {
    if (names.includes(name)) return column;
  }
  return null;
}

type Layout = { columns: Map<Column, number>; width: number; firstRow: number; header: boolean };

function readCsvPosts(builder: DocumentBuilder): void {
  const { document } = builder;
  const table = tokenizeCsv(document.text);
  for (const problem of table.problems) builder.problem('parse/csv', problem.message, builder.range(problem.start, problem.end));
  const first = table.records[0];
  if (!first) return;
  const layout = layoutOf(first);
  if (!layout) {
    builder.problem(
      'parse/csv',
      `no message column: the header row needs one of ${HEADERS.message.slice(0, 6).join(', ')} (or a Hootsuite bulk file: date, message, link)`,
      builder.range(first.start, first.end),
    );
    return;
  }
  const dateColumn = layout.columns.get('date');
  const slashOrder =
    dateColumn === undefined ? null : slashOrderOf(table.records.slice(layout.firstRow).map((record) => record.cells[dateColumn]?.value.text ?? ''));
  const agreed: Record<'campaign' | 'locale' | 'platform', { value: string; cell: CsvCell } | null | undefined> = { campaign: undefined, locale: undefined, platform: undefined };
  table.records.forEach((record, index) => {
    if (index < layout.firstRow || record.malformed) return;
    if (record.cells.every((cell) => cell.value.text.trim() === '')) return;
    const row = index + 1;
    if (layout.header ? record.cells.length !== layout.width : record.cells.length < 2 || record.cells.length > 3) {
      builder.problem(
        'parse/csv',
        `row ${row} has ${record.cells.length} cell${record.cells.length === 1 ? '' : 's'}, ${layout.header ? 'the header has' : 'expected'} ${layout.width}; the row is skipped (quote a message that holds the delimiter)`,
        builder.range(record.start, record.end),
      );
      return;
    }
    const cell = (column: Column): CsvCell | undefined => {
      const at = layout.columns.get(column);
      const found = at === undefined ? undefined : record.cells[at];
      return found && found.value.text.trim() !== '' ? found : undefined;
    };
    const messageCell = cell('message');
    if (!messageCell) return;
    const message: Message = { id: cell('id')?.value.text.trim() ?? `row-${row}`, kind: 'post', range: builder.range(record.start, record.end) };
    const platform = cell('platform');
    if (platform) message.platform = normalizePlatform(platform.value.text);
    const locale = cell('locale');
    if (locale) message.locale = locale.value.text.trim();
    const campaign = cell('campaign');
    if (campaign) message.campaign = campaign.value.text.trim();
    const date = cell('date');
    if (date) {
      const reading = readDate(date.value.text, slashOrder ?? undefined);
      if (reading.date !== null) message.date = reading.date;
      else builder.problem('parse/date', reading.reason, builder.range(date.valueStart, date.valueEnd), 'warning');
    }
    document.messages.push(message);
    for (const key of ['campaign', 'locale', 'platform'] as const) {
      const value = message[key];
      const source = key === 'campaign' ? campaign : key === 'locale' ? locale : platform;
      const current = agreed[key];
      if (value === undefined || !source) agreed[key] = null;
      else if (current === undefined) agreed[key] = { value, cell: source };
      else if (current !== null && current.value !== value) agreed[key] = null;
    }

    const link = cell('link');
    if (link) {
      const range = builder.range(link.valueStart, link.valueEnd);
      document.links.push({ href: link.value.text.trim(), hrefRange: range, text: '', isCallToAction: false, range });
    }
    const run = pushRun(builder, messageCell.value, messageCell.valueStart, messageCell.valueEnd, { scope: 'post', messageId: message.id, locale: message.locale });
    if (run) addTextLinks(builder, run);
  });
  // What every row says is what the file says (the campaign of a scheduler export, say).
  const { metadata } = document;
  if (agreed.campaign) {
    metadata.campaign = agreed.campaign.value;
    metadata.campaignRange = builder.range(agreed.campaign.cell.valueStart, agreed.campaign.cell.valueEnd);
  }
  if (agreed.locale) metadata.locale = agreed.locale.value;
  if (agreed.platform) metadata.platform = agreed.platform.value;
}

function layoutOf(first: CsvRecord): Layout | null {
  const columns = new Map<Column, number>();
  first.cells.forEach((cell, index) => {
    const column = columnOf(cell.value.text);
    if (column && !columns.has(column)) columns.set(column, index);
  });
  if (columns.has('message')) return { columns, width: first.cells.length, firstRow: 1, header: true };
  // Hootsuite's bulk composer: no header; date, message and an optional link.
  const dateCell = first.cells[0]?.value.text ?? '';
  if (first.cells.length >= 2 && first.cells.length <= 3 && /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:$|[\sT,])/.test(dateCell)) {
    const hootsuite = new Map<Column, number>([
      ['date', 0],
      ['message', 1],
    ]);
    if (first.cells.length === 3) hootsuite.set('link', 2);
    return { columns: hootsuite, width: first.cells.length, firstRow: 0, header: false };
  }
  return null;
}
