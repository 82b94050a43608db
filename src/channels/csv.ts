/**
 * An RFC 4180 CSV tokenizer that keeps the offset of every cell (a small hand-written scanner:
 * the CSV libraries report rows, not cell positions). Quoted cells may hold delimiters, doubled
 * quotes and line breaks. Problems (an unterminated quote, text after a closing quote) are
 * returned with their offsets; scanning resumes on the next line so the other rows still count.
 */
import { anchorsOf, type DecodedText } from './entities.js';

export interface CsvCell {
  /** Decoded value (`""` -> `"`), with a map to the raw value. */
  value: DecodedText;
  /** Offsets of the raw value (inside the quotes of a quoted cell). */
  valueStart: number;
  valueEnd: number;
  /** Offsets of the whole cell, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface CsvRecord {
  cells: CsvCell[];
  start: number;
  end: number;
  /** The record had a syntax problem: its cells are not reliable. */
  malformed: boolean;
}

export interface CsvProblem {
  start: number;
  end: number;
  message: string;
}

export interface CsvTable {
  delimiter: string;
  records: CsvRecord[];
  problems: CsvProblem[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the first line uses most (outside quotes): `,`, `;` or tab; `,` by default. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

export function tokenizeCsv(text: string, delimiter: string = detectDelimiter(text)): CsvTable {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let i = 0;
  const atLineBreak = (at: number): boolean => text[at] === '\n' || text[at] === '\r';
  const skipLineBreak = (at: number): number => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);
  const lineEndFrom = (at: number): number => {
    let end = at;
    while (end < text.length && !atLineBreak(end)) end++;
    return end;
  };

  while (i < text.length) {
    if (atLineBreak(i)) {
      // An empty line is no record.
      i = skipLineBreak(i);
      continue;
    }
    const record: CsvRecord = { cells: [], start: i, end: i, malformed: false };
    for (;;) {
      const cellStart = i;
      if (text[i] === '"') {
        let out = '';
        const sources: number[] = [];
        let j = i + 1;
        let closed = false;
        while (j < text.length) {
          const char = text[j]!;
          if (char === '"') {
            if (text[j + 1] === '"') {
              out += '"';
              sources.push(j);
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          out += char;
          sources.push(j);
          j++;
        }
        if (!closed) {
          problems.push({ start: i, end: i + 1, message: 'unterminated quoted cell: the closing " is missing' });
          record.malformed = true;
          // Resume after the line the quote opened on: the rest of the file is not one cell.
          const end = lineEndFrom(i);
          record.cells.push({ value: { text: text.slice(i + 1, end), anchors: [] }, valueStart: i + 1, valueEnd: end, start: cellStart, end, quoted: true });
          i = end;
          break;
        }
        const valueEnd = j;
        i = j + 1;
        if (i < text.length && text[i] !== delimiter && !atLineBreak(i)) {
          const junkEnd = nextBoundary(text, i, delimiter);
          problems.push({ start: i, end: junkEnd, message: 'text after the closing quote of a cell (a quote inside a cell is written "")' });
          record.malformed = true;
          i = junkEnd;
        }
        record.cells.push({ value: { text: out, anchors: anchorsOf(sources, cellStart + 1, valueEnd) }, valueStart: cellStart + 1, valueEnd, start: cellStart, end: i, quoted: true });
      } else {
        const end = nextBoundary(text, i, delimiter);
        record.cells.push({ value: { text: text.slice(i, end), anchors: [] }, valueStart: i, valueEnd: end, start: i, end, quoted: false });
        i = end;
      }
      if (i < text.length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    record.end = i;
    records.push(record);
    if (i < text.length && atLineBreak(i)) i = skipLineBreak(i);
  }
  return { delimiter, records, problems };
}

function nextBoundary(text: string, from: number, delimiter: string): number {
  let at = from;
  while (at < text.length && text[at] !== delimiter && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}
