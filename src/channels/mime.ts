/**
 * Where things are in a raw `.eml` message: header values and the body of each MIME part, as
 * offsets of the file (postal-mime decodes; this finds the places).
 */

export interface MimeHeader {
  /** Lower-case name. */
  name: string;
  /** Offsets of the raw value (folded lines included, leading whitespace excluded). */
  valueStart: number;
  valueEnd: number;
  /** The value unfolded. */
  value: string;
}

export interface MimePart {
  headers: MimeHeader[];
  /** Lower-case `type/subtype` (default `text/plain`). */
  contentType: string;
  params: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding (default `7bit`). */
  encoding: string;
  disposition: string;
  bodyStart: number;
  bodyEnd: number;
  children: MimePart[];
}

const MAX_DEPTH = 12;

/** Reads the part in `[start, end)` of `text`; null when it has no header block at all. */
export function readMimePart(text: string, start = 0, end = text.length, depth = 0): MimePart | null {
  const { headers, bodyStart } = readHeaders(text, start, end);
  if (headers.length === 0 && depth === 0) return null;
  const header = (name: string) => headers.find((candidate) => candidate.name === name)?.value ?? '';
  const { value: contentType, params } = parseHeaderValue(header('content-type'));
  const part: MimePart = {
    headers,
    contentType: contentType || 'text/plain',
    params,
    encoding: header('content-transfer-encoding').trim().toLowerCase() || '7bit',
    disposition: parseHeaderValue(header('content-disposition')).value,
    bodyStart,
    bodyEnd: end,
    children: [],
  };
  const boundary = params['boundary'];
  if (part.contentType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    for (const [childStart, childEnd] of splitMultipart(text, bodyStart, end, boundary)) {
      const child = readMimePart(text, childStart, childEnd, depth + 1);
      if (child) part.children.push(child);
    }
  }
  return part;
}

/** The first part (depth first) that matches, attachments excluded. */
export function findPart(part: MimePart, type: string): MimePart | null {
  if (part.children.length === 0) return part.contentType === type && part.disposition !== 'attachment' ? part : null;
  for (const child of part.children) {
    const found = findPart(child, type);
    if (found) return found;
  }
  return null;
}

function readHeaders(text: string, start: number, end: number): { headers: MimeHeader[]; bodyStart: number } {
  const headers: MimeHeader[] = [];
  let at = start;
  let current: MimeHeader | null = null;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = Math.min(end, lineEnd + 1);
    const contentEnd = lineEnd > at && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(at, contentEnd);
    if (line === '') return { headers, bodyStart: next };
    if ((line[0] === ' ' || line[0] === '\t') && current) {
      current.valueEnd = contentEnd;
      current.value += line;
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        // Not a header line: the body starts here (a message without a blank line).
        return { headers, bodyStart: at };
      }
      let valueStart = at + colon + 1;
      while (valueStart < contentEnd && (text[valueStart] === ' ' || text[valueStart] === '\t')) valueStart++;
      current = {
        name: line.slice(0, colon).trim().toLowerCase(),
        valueStart,
        valueEnd: contentEnd,
        value: text.slice(valueStart, contentEnd),
      };
      headers.push(current);
    }
    at = next;
  }
  return { headers, bodyStart: end };
}

function parseHeaderValue(value: string): { value: string; params: Record<string, string> } {
  const [first = '', ...rest] = value.split(';');
  // Parameter names come from the file: data, never keys of a prototype-bearing object.
  const params = Object.create(null) as Record<string, string>;
  for (const piece of rest) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    params[key] = piece.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { value: first.trim().toLowerCase(), params };
}

function splitMultipart(text: string, start: number, end: number, boundary: string): Array<[number, number]> {
  const delimiter = `--${boundary}`;
  const parts: Array<[number, number]> = [];
  let partStart = -1;
  let at = start;
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    if (text.startsWith(delimiter, at)) {
      const rest = text.slice(at + delimiter.length, lineEnd).trim();
      if (rest === '' || rest === '--') {
        if (partStart >= 0) {
          // The line break before a delimiter belongs to the delimiter.
          let partEnd = at;
          if (text[partEnd - 1] === '\n') partEnd--;
          if (text[partEnd - 1] === '\r') partEnd--;
          parts.push([partStart, Math.max(partStart, partEnd)]);
        }
        if (rest === '--') return parts;
        partStart = Math.min(end, lineEnd + 1);
      }
    }
    at = lineEnd + 1;
  }
  if (partStart >= 0 && partStart < end) parts.push([partStart, end]);
  return parts;
}
