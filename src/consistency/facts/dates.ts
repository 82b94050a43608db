/**
 * Dates and deadlines, normalised to ISO `YYYY-MM-DD`: `March 31`, `31 March 2027`, `Mar 31st`,
 * `3/31` (month first in US English, day first elsewhere), `31.03.2027`, `31. März`,
 * `31 mars 2027`, `2027-03-31`, `3 月 31 日`, and relative phrases (`today`, `tomorrow`,
 * `this Friday`, `morgen`, `demain`, `明天`, `本周五`) when the document's date is known.
 *
 * A date without a year takes the document's year (the next year when that would put it more
 * than two months before the document date); without a document date it stays `--MM-DD` and the
 * campaign phase completes it from the brief or the other channels.
 *
 * Each date has a role: `end` after a deadline word (`until`, `ends`, `by`, `bis`, `jusqu'au`,
 * `截止`, `…前`), `start` after a start word (`from`, `starts`, `ab`, `à partir du`, `…起`), else `date`.
 */
import { allMatches } from '../../core/all-matches.js';
import type { DateRole } from '../../core/campaign.js';
import { SPACE, withoutOverlaps, type ExtractContext, type FoundFact } from './types.js';

const MONTHS: Record<string, number> = {};
const addMonths = (names: string[][]) => names.forEach((forms, index) => forms.forEach((name) => (MONTHS[name] = index + 1)));
addMonths([
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'gennaio'],
  ['february', 'feb', 'februar', 'février', 'févr', 'febrero', 'febbraio'],
  ['march', 'mar', 'märz', 'mars', 'marzo', 'mär'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio'],
  ['august', 'aug', 'août', 'agosto'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dicembre'],
]);
/** Month names: abbreviations may end with a dot (`Mar.`); after a full name a dot ends the sentence. */
const ABBREVIATIONS = new Set(['jan', 'janv', 'feb', 'févr', 'mar', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'dez', 'déc']);
const byLength = (a: string, b: string) => b.length - a.length;
const MONTH = `(${Object.keys(MONTHS)
  .filter((name) => !ABBREVIATIONS.has(name))
  .sort(byLength)
  .join('|')}|(?:${[...ABBREVIATIONS].sort(byLength).join('|')})\\.?)`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const YEAR = '(\\d{4})';
const ORDINAL = '(?:st|nd|rd|th|er|\\.|º)?';

interface DatePattern {
  pattern: RegExp;
  /** Short numeric forms (`1/2`, `1.3.`) are dates only after a deadline or start word, or with a year. */
  needsContext?: (match: RegExpExecArray) => boolean;
  /** Year, month and day (as numbers, or 0 when absent) from a match. */
  parts(match: RegExpExecArray, context: ExtractContext): [number, number, number] | null;
}

const monthOf = (name: string) => MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
const usOrder = (locale: string) => /^en(?:-US)?$/i.test(locale.trim()) || /^en-(?:US|PH|CA)$/i.test(locale.trim());
const year4 = (text: string | undefined) => (text === undefined ? 0 : text.length === 2 ? 2000 + Number(text) : Number(text));

const DATE_PATTERNS: readonly DatePattern[] = [
  { pattern: new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'), parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    pattern: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/gu,
    parts: (m) => [year4(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 31.03.2027, 31.3., 31. 3. 27
    pattern: new RegExp(`${B}(\\d{1,2})\\.${SPACE}?(\\d{1,2})\\.(?:${SPACE}?(\\d{4}|\\d{2})${E})?`, 'gu'),
    needsContext: (m) => m[3] === undefined,
    parts: (m) => [year4(m[3]), Number(m[2]), Number(m[1])],
  },
  {
    // 3/31, 31/3, 3/31/2027
    pattern: new RegExp(`(?<![\\p{L}\\p{N}/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}/%])`, 'gu'),
    needsContext: (m) => m[3] === undefined,
    parts: (m, context) => {
      let [month, day] = usOrder(context.locale) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
      if (month > 12 && day <= 12) [month, day] = [day, month];
      return [year4(m[3]), month, day];
    },
  },
  {
    // 31 March 2027, 31. März, 31 mars, 31 de marzo de 2027
    pattern: new RegExp(`${B}(\\d{1,2})${ORDINAL}${SPACE}*(?:de${SPACE}+|of${SPACE}+)?${MONTH}(?:,?${SPACE}+(?:de${SPACE}+)?${YEAR})?${E}`, 'giu'),
    parts: (m) => [year4(m[3]), monthOf(m[2]!), Number(m[1])],
  },
  {
    // March 31, Mar 31st, March 31, 2027 (a dot after the day ends the sentence here)
    pattern: new RegExp(`${B}${MONTH}${SPACE}+(\\d{1,2})(?:st|nd|rd|th)?(?:,?${SPACE}+${YEAR})?${E}`, 'giu'),
    parts: (m) => [year4(m[3]), monthOf(m[1]!), Number(m[2])],
  },
];

const WEEKDAYS: Record<string, number> = {};
[
  ['sunday', 'sonntag', 'dimanche', 'domingo', 'domenica', '日', '天'],
  ['monday', 'montag', 'lundi', 'lunes', 'lunedì', '一'],
  ['tuesday', 'dienstag', 'mardi', 'martes', 'martedì', '二'],
  ['wednesday', 'mittwoch', 'mercredi', 'miércoles', 'mercoledì', '三'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves', 'giovedì', '四'],
  ['friday', 'freitag', 'vendredi', 'viernes', 'venerdì', '五'],
  ['saturday', 'samstag', 'samedi', 'sábado', 'sabato', '六'],
].forEach((names, index) => names.forEach((name) => (WEEKDAYS[name] = index)));
const LATIN_WEEKDAY = `(${Object.keys(WEEKDAYS)
  .filter((name) => /\p{Script=Latin}/u.test(name))
  .join('|')})`;

const RELATIVE_DAYS: Record<string, number> = {
  today: 0, tonight: 0, heute: 0, "aujourd'hui": 0, 'ce soir': 0, hoy: 0, oggi: 0, 今天: 0, 今日: 0, 今晚: 0,
  tomorrow: 1, morgen: 1, demain: 1, mañana: 1, domani: 1, 明天: 1, 明日: 1,
  übermorgen: 2, 'après-demain': 2, 后天: 2,
};
const RELATIVE_WORD = new RegExp(
  `${B}(${Object.keys(RELATIVE_DAYS)
    .filter((word) => /\p{Script=Latin}/u.test(word))
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/'/g, "['’]"))
    .join('|')})${E}|(${Object.keys(RELATIVE_DAYS)
    .filter((word) => !/\p{Script=Latin}/u.test(word))
    .join('|')})`,
  'giu',
);
/** `this Friday`, `next Friday`, `on Friday`, `diesen Freitag`, `ce vendredi`; a bare weekday after a deadline word. */
const WEEKDAY_PHRASE = new RegExp(`${B}(?:(this|next|coming|diesen|nächsten|kommenden|ce|cette|este|questo)${SPACE}+)?${LATIN_WEEKDAY}${E}`, 'giu');
const CHINESE_WEEKDAY = /(本|这|下)?(?:周|星期|礼拜)([一二三四五六日天])/gu;

const END_WORDS =
  /(?:until|till|til|through|thru|by|before|ends?|ending|expires?|expiring|deadline|last\s+day|no\s+later\s+than|valid\s+(?:until|through)|closes?|bis(?:\s+zum|\s+einschließlich)?|endet|gültig\s+bis|spätestens|jusqu['’]au|jusqu['’]à|avant\s+le|se\s+termine|expire|hasta\s+el|hasta|fino\s+al|entro\s+il|截止(?:到|至)?|至|到)[\s\u00a0:：]*(?:(?:the|le|el|il|am|den|dem|on|midnight|minuit)[\s\u00a0]+)*$/iu;
const START_WORDS =
  /(?:from|starting|starts?|begins?|beginning|as\s+of|ab(?:\s+dem|\s+den)?|à\s+partir\s+du|dès\s+le|desde\s+el|a\s+partir\s+del|dal|从|自)[\s\u00a0:：]*(?:(?:the|le|el|il|am|den|dem|on)[\s\u00a0]+)*$/iu;
const END_AFTER = /^[\s\u00a0]*(?:前|之前|为止|截止|止|结束)/u;
const START_AFTER = /^[\s\u00a0]*(?:起|开始)/u;

/** The ISO date of y-m-d, or null when no such day exists. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** `--MM-DD` for a date whose year nothing says. */
function yearless(month: number, day: number): string | null {
  return isoDate(2000, month, day) === null ? null : `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year a yearless `month`/`day` most likely has, seen from `reference` (ISO). */
export function yearFor(month: number, day: number, reference: string): number {
  const referenceYear = Number(reference.slice(0, 4));
  const candidate = isoDate(referenceYear, month, day);
  if (candidate === null) return referenceYear;
  const daysBefore = (Date.parse(reference) - Date.parse(candidate)) / 86_400_000;
  return daysBefore > 61 ? referenceYear + 1 : referenceYear;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekdayDate(reference: string, weekday: number, next: boolean): string {
  const today = new Date(Date.parse(reference)).getUTCDay();
  if (next) {
    // "next Friday": the Friday of next week (weeks start on Monday).
    const mondayOffset = (today + 6) % 7;
    return addDays(reference, 7 - mondayOffset + ((weekday + 6) % 7));
  }
  return addDays(reference, (weekday - today + 7) % 7);
}

function roleAt(text: string, start: number, end: number): DateRole {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 6);
  if (END_WORDS.test(before) || END_AFTER.test(after)) return 'end';
  if (START_WORDS.test(before) || START_AFTER.test(after)) return 'start';
  return 'date';
}

export function extractDates(text: string, context: ExtractContext): FoundFact[] {
  const found: FoundFact[] = [];
  const add = (start: number, matched: string, value: string | null) => {
    if (value === null) return;
    const end = start + matched.length;
    found.push({ kind: 'date', value, text: matched, start, end, detail: { dateRole: roleAt(text, start, end) } });
  };
  for (const { pattern, parts, needsContext } of DATE_PATTERNS) {
    for (const match of allMatches(text, pattern)) {
      if (needsContext?.(match) && roleAt(text, match.index, match.index + match[0].length) === 'date') continue;
      const ymd = parts(match, context);
      if (!ymd) continue;
      const [year, month, day] = ymd;
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const value = year > 0 ? isoDate(year, month, day) : context.date ? isoDate(yearFor(month, day, context.date), month, day) : yearless(month, day);
      add(match.index, match[0], value);
    }
  }
  if (context.date) {
    const date = context.date;
    for (const match of allMatches(text, RELATIVE_WORD)) {
      const days = RELATIVE_DAYS[(match[1] ?? match[2]!).toLowerCase().replace('’', "'")];
      if (days !== undefined) add(match.index, match[0], addDays(date, days));
    }
    for (const match of allMatches(text, WEEKDAY_PHRASE)) {
      const qualifier = match[1]?.toLowerCase();
      // A bare weekday is a date only after a deadline or start word ("ends Friday"), or with "on".
      if (!qualifier && roleAt(text, match.index, match.index + match[0].length) === 'date' && !/\bon[\s\u00a0]+$/i.test(text.slice(0, match.index))) continue;
      const next = qualifier === 'next' || qualifier === 'nächsten';
      add(match.index, match[0], weekdayDate(date, WEEKDAYS[match[2]!.toLowerCase()]!, next));
    }
    for (const match of allMatches(text, CHINESE_WEEKDAY)) {
      add(match.index, match[0], weekdayDate(date, WEEKDAYS[match[2]!]!, match[1] === '下'));
    }
  }
  return withoutOverlaps(found);
}
