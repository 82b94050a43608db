import { terminalText } from '../../core/terminal-text.js';
import type { ReportData } from '../findings.js';

/**
 * Fields the interactive report never prints as they are, but uses: paths to open, the text code
 * frames are cut from (code frames clean it themselves), the fixed text and the edits to apply.
 */
const KEPT_AS_IS = new Set(['absolutePath', 'source', 'output', 'fix']);

/**
 * The report's data with every string it may print made safe for the terminal (see
 * src/core/terminal-text.ts): ink writes text as it gets it, so file names, messages, campaign
 * values and brand names from files are cleaned before the app sees them.
 */
export function terminalReportData(data: ReportData): ReportData {
  return clean(data) as ReportData;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return terminalText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [clean(key), clean(item)]));
  if (value instanceof Set) return new Set([...value].map(clean));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: KEPT_AS_IS.has(key) ? item : clean(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
