import type { FactDetail, FactKind } from '../../core/campaign.js';

/** What a fact extractor knows about the text it reads. */
export interface ExtractContext {
  /** BCP 47 locale of the text (`en-US`, `de`, `zh-Hans`): decides `3/4` order and decimal commas. */
  locale: string;
  /** The document's (or message's) date, ISO `YYYY-MM-DD`: resolves `tomorrow`, `this Friday` and missing years. */
  date?: string;
}

/** A fact found in a string; offsets are into that string. */
export interface FoundFact {
  kind: FactKind;
  value: string;
  text: string;
  start: number;
  end: number;
  detail?: FactDetail;
}

/** Drops matches that overlap an earlier (or longer) one; keeps text order. */
export function withoutOverlaps<T extends { start: number; end: number }>(found: readonly T[]): T[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const item of sorted) {
    const last = kept[kept.length - 1];
    if (last && item.start < last.end) continue;
    kept.push(item);
  }
  return kept;
}

/** Unicode-aware "not inside a word" guards for building patterns. */
export const BEFORE_WORD = '(?<![\\p{L}\\p{N}_])';
export const AFTER_WORD = '(?![\\p{L}\\p{N}_])';
/** Spaces, including no-break and narrow no-break spaces (`25\u202f%`). */
export const SPACE = '[\\s\\u00a0\\u202f]';
