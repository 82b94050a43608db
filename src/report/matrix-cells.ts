/**
 * What a cell of a campaign's consistency matrix shows, and how a matrix fits a terminal: links
 * without their scheme and `www.` (and without the host when every link of the campaign has the
 * same one), columns sized by what they hold so that short values (dates, codes, offers) show
 * whole, and long values wrapped over a few lines, cut in the middle only past that, so the
 * end of a link (where links differ) stays visible. Pure: the stylish table and the terminal app
 * both use it.
 */
import type { CampaignMatrix, FactKind } from '../core/campaign.js';
import { terminalText } from '../core/terminal-text.js';

/** A value as cells show it: a link without `https://` and `www.`. */
export function cellValue(kind: FactKind, value: string, options: { host?: string } = {}): string {
  const text = terminalText(value);
  if (kind !== 'link') return text;
  const bare = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '');
  if (options.host && bare.toLowerCase().startsWith(options.host.toLowerCase())) {
    const rest = bare.slice(options.host.length);
    if (rest === '' || /^[/?#]/.test(rest)) return rest === '' ? '/' : rest;
  }
  return bare;
}

/** The host every link of the matrix shares (without `www.`), else undefined. */
export function sharedLinkHost(matrix: CampaignMatrix): string | undefined {
  const links = [...(matrix.reference.link?.values ?? []), ...matrix.cells.filter((cell) => cell.fact === 'link').flatMap((cell) => cell.values)];
  const hosts = new Set(links.map((link) => /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([^/?#]+)/i.exec(terminalText(link))?.[1]?.toLowerCase() ?? ''));
  if (hosts.size !== 1 || links.length < 2) return undefined;
  const [host] = hosts;
  return host || undefined;
}

const width = (text: string): number => [...text].length;

/** Longest value or word a column keeps whole when it must shrink (a date is 10, `#springsale` 11). */
const KEEP_WHOLE = 11;

/**
 * Column widths for cell texts (`columns[i]` = the header and every cell of column i) in
 * `available` columns, one space before each column included. Every column gets what it holds
 * when that fits. Else each keeps its header, its values of up to ten characters (a date) and its
 * words of up to ten characters whole; then the columns that need least to show every value
 * whole get it, and the rest goes to the column that lacks most.
 */
export function columnWidths(columns: readonly (readonly string[])[], available: number): number[] {
  const natural = columns.map((texts) => Math.max(1, ...texts.map(width)));
  const room = available - columns.length;
  if (natural.reduce((sum, value) => sum + value, 0) <= room) return natural;
  const widths = columns.map((texts, index) =>
    Math.min(
      natural[index]!,
      Math.max(
        width(texts[0] ?? ''),
        ...texts
          .slice(1)
          .flatMap((text) => text.split(', '))
          .map((value) => (width(value) <= KEEP_WHOLE ? width(value) : Math.max(...value.split(/[\s/]+/).map((word) => Math.min(KEEP_WHOLE, width(word)))))),
      ),
    ),
  );
  let left = room - widths.reduce((sum, value) => sum + value, 0);
  // Too narrow even for that: the widest columns give way, down to 4.
  while (left < 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 4) break;
    widths[widest]! -= 1;
    left += 1;
  }
  const lacking = (index: number) => natural[index]! - widths[index]!;
  for (const index of widths.map((_, index) => index).sort((a, b) => lacking(a) - lacking(b))) {
    if (lacking(index) > 0 && lacking(index) <= left) {
      left -= lacking(index);
      widths[index] = natural[index]!;
    }
  }
  while (left > 0) {
    let best = -1;
    for (let index = 0; index < widths.length; index++) if (lacking(index) > 0 && (best < 0 || lacking(index) > lacking(best))) best = index;
    if (best < 0) break;
    widths[best]! += 1;
    left -= 1;
  }
  return widths;
}

/**
 * A cell's text in lines of at most `size` characters. A list (`a, b, c`) that does not fit on
 * one line has a line per value; a value longer than the line is broken after spaces, `/` and
 * `-` where it can, inside a word only when the word is longer than the line. More than
 * `maxLines` lines: the first lines, then `…` and the end of the text on the last one.
 */
export function wrapCell(text: string, size: number, maxLines = 4): string[] {
  if (width(text) <= size) return [text];
  // Each value but the last ends with its comma where the line has room for it.
  const lines = text.split(', ').flatMap((value, index, values) => {
    const wrapped = wrapValue(value, size);
    const last = wrapped.length - 1;
    if (index < values.length - 1 && width(wrapped[last]!) < size) wrapped[last] = `${wrapped[last]},`;
    return wrapped;
  });
  if (lines.length <= maxLines) return lines;
  const tail = [...text].slice(-(size - 1)).join('').trimStart();
  return [...lines.slice(0, maxLines - 1), `…${tail}`];
}

function wrapValue(text: string, size: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    while (start < chars.length && chars[start] === ' ') start++;
    if (start >= chars.length) break;
    if (chars.length - start <= size) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    // The last break opportunity within the line: after a space, `/` or `-`.
    let end = -1;
    for (let index = start + size; index > start; index--) {
      const before = chars[index - 1]!;
      if (before === ' ' || before === '/' || before === '-' || chars[index] === ' ') {
        end = index;
        break;
      }
    }
    if (end < 0) end = start + size;
    lines.push(chars.slice(start, end).join('').trimEnd());
    start = end;
  }
  return lines;
}
