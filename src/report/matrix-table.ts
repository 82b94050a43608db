/**
 * The consistency matrix of a campaign as a compact text table: one row per channel (after the
 * reference row), one column per fact kind, disagreeing cells marked with `✖`:
 *
 * ```
 * campaign spring-sale (brief fixtures/campaigns/briefs/spring-sale.yaml)
 *              offer      code        date        link                                cta
 *   reference  20% off    SPRING20    2027-03-31  northwind.example/spring-sale       shop the sale
 *   email      ✖ 15% off  SPRING20    2027-03-31  northwind.example/spring-sale       shop the sale
 *   chatbot    20% off    ✖ SPRING25  ✖ 2027-04-02 ...
 * ```
 */
import type { CampaignMatrix, FactKind } from '../core/campaign.js';
import { terminalText } from '../core/terminal-text.js';
import { cellValue } from './matrix-cells.js';

export interface MatrixTablePaint {
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: MatrixTablePaint = { bad: (t) => t, dim: (t) => t, bold: (t) => t };

/** Longest value shown in a cell; longer ones are cut with `…`. */
const MAX_CELL = 44;

/** A value as the table shows it (links without `https://` and `www.`, see matrix-cells.ts), cut in the middle past MAX_CELL. */
function shorten(kind: FactKind, value: string): string {
  const bare = cellValue(kind, value);
  const chars = [...bare];
  if (chars.length <= MAX_CELL) return bare;
  const head = Math.ceil((MAX_CELL - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (MAX_CELL - 1 - head)).join('')}`;
}

const width = (text: string) => [...text].length;

export function matrixTable(matrix: CampaignMatrix, paint: MatrixTablePaint = plain): string[] {
  const kinds: FactKind[] = matrix.facts;
  const header = ['', ...kinds];
  type Cell = { text: string; bad: boolean };
  const rows: Cell[][] = [];
  rows.push([
    { text: 'reference', bad: false },
    ...kinds.map((kind) => {
      const reference = matrix.reference[kind];
      if (!reference) return { text: '—', bad: false };
      const values = reference.values.map((value) => shorten(kind, value)).join(reference.source === 'tie' ? ' | ' : ', ');
      return { text: reference.source === 'tie' ? `tie: ${values}` : values, bad: reference.source === 'tie' };
    }),
  ]);
  for (const { channel } of matrix.channels) {
    rows.push([
      { text: terminalText(channel), bad: false },
      ...kinds.map((kind) => {
        const cell = matrix.cells.find((candidate) => candidate.channel === channel && candidate.fact === kind);
        const values = cell?.values.map((value) => shorten(kind, value)).join(', ') || '—';
        return cell?.agrees === false ? { text: `✖ ${values}`, bad: true } : { text: values, bad: false };
      }),
    ]);
  }
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]!.text))));
  const pad = (text: string, column: number) => text + ' '.repeat(widths[column]! - width(text));
  const lines = [
    paint.bold(`campaign ${terminalText(matrix.campaign)}${matrix.brief ? ` (brief ${terminalText(matrix.brief)})` : ' (no brief: the majority is the reference)'}`),
    `  ${header.map((title, column) => paint.dim(pad(title, column))).join('  ')}`.trimEnd(),
  ];
  for (const row of rows) {
    lines.push(`  ${row.map((cell, column) => (cell.bad ? paint.bad(pad(cell.text, column)) : column === 0 ? paint.dim(pad(cell.text, column)) : pad(cell.text, column))).join('  ')}`.trimEnd());
  }
  return lines;
}
