/**
 * Normalised metadata values shared by the script-like adapters: platform names (`Twitter` and
 * `X` are one platform for the limits rules) and publication dates (ISO `YYYY-MM-DD`).
 */

const PLATFORM_ALIASES: Record<string, string> = {
  twitter: 'x',
  'x.com': 'x',
  'x (twitter)': 'x',
  tweet: 'x',
  fb: 'facebook',
  'facebook page': 'facebook',
  meta: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  'linkedin page': 'linkedin',
  'linked in': 'linkedin',
  bsky: 'bluesky',
  'blue sky': 'bluesky',
  'google business profile': 'google-business',
  gbp: 'google-business',
  'tik tok': 'tiktok',
  'fb messenger': 'messenger',
  'facebook messenger': 'messenger',
};

/** Lower-case platform id: `Twitter` -> `x`, `LinkedIn` -> `linkedin`, `IG` -> `instagram`. */
export function normalizePlatform(value: string): string {
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return PLATFORM_ALIASES[key] ?? key.replace(/ /g, '-');
}

/** Platform ids the adapters recognise at the start of an account name (`mastodon-galaxyproject`). */
const KNOWN_PLATFORMS: ReadonlySet<string> = new Set(['x', 'linkedin', 'instagram', 'facebook', 'threads', 'bluesky', 'mastodon', 'tiktok', 'sms', 'google-business', 'messenger', 'youtube', 'pinterest', 'reddit', 'telegram', 'whatsapp', 'discord', 'slack']);

/**
 * The platform of an entry of a scheduler's platform list: a platform name, or an account named
 * after its platform as cross-posting tools write them (`mastodon-galaxyproject`, `bsky_main`,
 * `linkedin:company`) -> `mastodon`, `bluesky`, `linkedin`. Anything else is the entry normalised.
 */
export function platformOfEntry(value: string): string {
  const whole = normalizePlatform(value);
  if (KNOWN_PLATFORMS.has(whole)) return whole;
  const prefix = /^([a-z][a-z.]*?)[-_:/@ ]/.exec(value.trim().toLowerCase())?.[1];
  if (prefix !== undefined) {
    const platform = normalizePlatform(prefix);
    if (KNOWN_PLATFORMS.has(platform)) return platform;
  }
  return whole;
}

/** Where a platform comes from when the file does not say: a folder named after it (`social/mastodon/`), or `.tweet` (X). */
export function platformOfPath(file: string): string | undefined {
  const segments = file.toLowerCase().split(/[\\/]+/).filter(Boolean);
  const name = segments.pop() ?? '';
  if (name.endsWith('.tweet')) return 'x';
  for (let i = segments.length - 1; i >= 0; i--) {
    const platform = normalizePlatform(segments[i]!);
    if (KNOWN_PLATFORMS.has(platform) && platform !== 'sms') return platform;
  }
  return undefined;
}

export type DateReading = { date: string } | { date: null; reason: string };

/**
 * The ISO date (`YYYY-MM-DD`) of a publication date as schedulers write it: ISO with or without
 * a time, `YYYY/MM/DD`, `DD.MM.YYYY`, and `D/M/YYYY` or `M/D/YYYY` when the numbers tell which.
 */
export function readDate(value: string, slashOrder?: SlashOrder): DateReading {
  const text = value.trim();
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|\s)/.exec(text);
  if (match) return checked(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:$|[\s,])/.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    if (first > 12 && second <= 12) return checked(year, second, first);
    if (second > 12 && first <= 12) return checked(year, first, second);
    if (first === second) return checked(year, first, second);
    if (slashOrder === 'day-first') return checked(year, second, first);
    if (slashOrder === 'month-first') return checked(year, first, second);
    return { date: null, reason: `ambiguous date "${text}" (day/month or month/day?); write it as YYYY-MM-DD` };
  }
  return { date: null, reason: `unrecognised date "${text}"; write it as YYYY-MM-DD (a time may follow)` };
}

export type SlashOrder = 'day-first' | 'month-first';

/**
 * The order of `D/M/YYYY`-style dates a file uses, told by the dates whose numbers leave no
 * doubt (`16/8/2016` is day first); null when none does or they disagree.
 */
export function slashOrderOf(values: Iterable<string>): SlashOrder | null {
  let order: SlashOrder | null = null;
  for (const value of values) {
    const match = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}(?:$|[\s,])/.exec(value);
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    const found: SlashOrder | null = first > 12 && second <= 12 ? 'day-first' : second > 12 && first <= 12 ? 'month-first' : null;
    if (found === null) continue;
    if (order !== null && order !== found) return null;
    order = found;
  }
  return order;
}

function checked(year: number, month: number, day: number): DateReading {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { date: null, reason: `no such date: ${year}-${pad(month)}-${pad(day)}` };
  }
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** URLs (`https://...`, `www.`, bare domains with a path are not guessed) and e-mail addresses in prose. */
const WEB_TOKEN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bmailto:[^\s<>"'`]+/gi;

export interface WebToken {
  start: number;
  end: number;
  href: string;
}

/**
 * Links and e-mail addresses written as text (a social post's URL, a bot reply's address):
 * recorded as links so that rules can skip them. Trailing sentence punctuation is not part of a URL.
 */
export function findWebTokens(text: string): WebToken[] {
  const tokens: WebToken[] = [];
  WEB_TOKEN.lastIndex = 0;
  for (let match = WEB_TOKEN.exec(text); match; match = WEB_TOKEN.exec(text)) {
    let value = match[0];
    // `(see https://x.test/a)` and `https://x.test.`: the closing punctuation belongs to the sentence.
    while (/[.,;:!?)\]}*_]$/.test(value)) {
      if (value.endsWith(')') && countOf(value, '(') >= countOf(value, ')')) break;
      value = value.slice(0, -1);
    }
    if (value.length < 4) continue;
    const start = match.index;
    const lower = value.toLowerCase();
    const href = lower.startsWith('www.') ? `https://${value}` : value.includes('@') && !/^[a-z]+:/i.test(value) ? `mailto:${value}` : value;
    tokens.push({ start, end: start + value.length, href });
  }
  return tokens;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}
