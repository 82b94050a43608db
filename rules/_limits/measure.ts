/**
 * How long a message is, the way each channel counts: user-perceived characters (graphemes) for
 * most channels, X's weighted count (links as 23, emoji and CJK as 2) for X. Template tags count
 * as `templateTagLength` characters each (their value is only known at send time).
 */
import { allMatches } from '../../src/core/all-matches.js';
import type { MessageText } from '../../src/core/message-text.js';
import { eachGrapheme, isLoneGraphemeCharacter } from '../../src/core/graphemes.js';

/** One counted piece of a message: characters `[start, end)` that weigh `weight`. */
export interface Unit {
  start: number;
  end: number;
  weight: number;
}

export interface Measure {
  /** Total weight (the length the platform sees). */
  length: number;
  units: Unit[];
}

/** Whether every character of `text` is a grapheme cluster of its own (see isLoneGraphemeCharacter). */
function isSimpleText(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (!isLoneGraphemeCharacter(text.charCodeAt(at))) return false;
  return true;
}

/**
 * Emoji: every RGI emoji (sequences, flags, keycaps, skin tones: one each), and pictographs
 * written without the emoji variation selector (`❤`, `☀`) unless they ask for text
 * presentation (U+FE0E). ©, ® and ™ are legal marks, not emoji. Exactly what
 * {@link EMOJI_SOURCE} matches (test/rules/limits-emoji.test.ts compares the two).
 */
export function findEmoji(text: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  // Tried only where an emoji may start (see mayStartEmoji): scanned in V8, a pattern costs more
  // than a microsecond per character of text.
  for (let at = 0; at < text.length; at++) {
    if (!mayStartEmoji(text, at)) continue;
    const length = emojiLengthAt(text, at);
    if (length === 0) continue;
    found.push({ start: at, end: at + length, text: text.slice(at, at + length) });
    at += length - 1;
  }
  return found;
}

/**
 * The definition of an emoji, as one pattern (`v` flag). Not compiled at run time: \p{RGI_Emoji}
 * costs ~90 ms to compile and tier up, most of it for its 1,400 ZWJ sequences, a large share of a
 * run over one social post. {@link emojiLengthAt} gives the same matches from the parts of
 * RGI_Emoji, each compiled only when the text at hand could hold one of its strings.
 */
export const EMOJI_SOURCE = '\\p{RGI_Emoji}|(?![©®™])[\\p{Emoji}&&\\p{Extended_Pictographic}](?!\\uFE0E)';

/** RGI_Emoji is the union of these sets of strings (UTS #51); patterns built on first use (the `v` flag is ES2024 syntax, which the compiler target does not accept). */
const RGI_PARTS = {
  basic: '\\p{Basic_Emoji}',
  keycap: '\\p{Emoji_Keycap_Sequence}',
  modifier: '\\p{RGI_Emoji_Modifier_Sequence}',
  flag: '\\p{RGI_Emoji_Flag_Sequence}',
  tag: '\\p{RGI_Emoji_Tag_Sequence}',
  zwj: '\\p{RGI_Emoji_ZWJ_Sequence}',
  /** The pattern's second branch: a pictograph not asking for text presentation. */
  pictograph: '(?![©®™])[\\p{Emoji}&&\\p{Extended_Pictographic}](?!\\uFE0E)',
} as const;
const rgiPatterns: Partial<Record<keyof typeof RGI_PARTS, RegExp>> = {};

/** The length of what a sticky `part` pattern matches at `at` (0: nothing). */
function matchLength(part: keyof typeof RGI_PARTS, text: string, at: number): number {
  const pattern = (rgiPatterns[part] ??= new RegExp(RGI_PARTS[part], 'vy'));
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

/**
 * The length of the emoji at `at` (0: none), as {@link EMOJI_SOURCE} matches it. \p{RGI_Emoji}
 * matches its longest string there, so the longest of its parts' matches; a part is tried only
 * when the characters after the first could start one of its strings: a skin tone for modifier
 * sequences, a second regional indicator for flags, a tag character for tag sequences, and a ZWJ
 * after the first element (an emoji, with U+FE0F or a skin tone) for ZWJ sequences. When no RGI
 * emoji matches, the pattern's second branch decides.
 */
function emojiLengthAt(text: string, at: number): number {
  const first = text.codePointAt(at)!;
  const afterFirst = at + (first > 0xffff ? 2 : 1);
  const next = text.codePointAt(afterFirst) ?? 0;
  let longest = matchLength('basic', text, at);
  if (first < 128) longest = Math.max(longest, matchLength('keycap', text, at));
  if (isSkinTone(next)) longest = Math.max(longest, matchLength('modifier', text, at));
  if (isRegionalIndicator(first) && isRegionalIndicator(next)) longest = Math.max(longest, matchLength('flag', text, at));
  if (next >= 0xe0020 && next <= 0xe007f) longest = Math.max(longest, matchLength('tag', text, at));
  const elementEnd = next === 0xfe0f ? afterFirst + 1 : isSkinTone(next) ? afterFirst + 2 : afterFirst;
  if (text.charCodeAt(elementEnd) === 0x200d) longest = Math.max(longest, matchLength('zwj', text, at));
  return longest > 0 ? longest : matchLength('pictograph', text, at);
}

function isSkinTone(code: number): boolean {
  return code >= 0x1f3fb && code <= 0x1f3ff;
}

function isRegionalIndicator(code: number): boolean {
  return code >= 0x1f1e6 && code <= 0x1f1ff;
}

const EMOJI_START = /\p{Emoji}/uy;
/** Per BMP character: 0 not known yet, 1 not an emoji character, 2 one. */
let emojiCharacters: Uint8Array | undefined;

/**
 * Whether an emoji may start at `at`: every RGI emoji and every pictograph starts with a
 * character of the Emoji property, and `#`, `*` and the digits only start a keycap (followed by
 * U+FE0F or U+20E3).
 */
function mayStartEmoji(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) {
    if (code !== 35 && code !== 42 && (code < 48 || code > 57)) return false;
    const next = text.charCodeAt(at + 1);
    return next === 0xfe0f || next === 0x20e3;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    EMOJI_START.lastIndex = at;
    return EMOJI_START.test(text);
  }
  emojiCharacters ??= new Uint8Array(0x10000);
  let known = emojiCharacters[code]!;
  if (known === 0) {
    EMOJI_START.lastIndex = 0;
    known = EMOJI_START.test(String.fromCharCode(code)) ? 2 : 1;
    emojiCharacters[code] = known;
  }
  return known === 2;
}

/**
 * The two-letter top-level domains (country codes, IANA root zone): only these make a bare
 * `name.xx` a link, so `Node.js` or `Vue.js` (no `.js` domain) stays text, as X counts it.
 */
const COUNTRY_CODE_TLDS = [
  'ac ad ae af ag ai al am an ao aq ar as at au aw ax az',
  'ba bb bd be bf bg bh bi bj bm bn bo br bs bt bv bw by bz',
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz',
  'de dj dk dm do dz',
  'ec ee eg er es et eu',
  'fi fj fk fm fo fr',
  'ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy',
  'hk hm hn hr ht hu',
  'id ie il im in io iq ir is it',
  'je jm jo jp',
  'ke kg kh ki km kn kp kr kw ky kz',
  'la lb lc li lk lr ls lt lu lv ly',
  'ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz',
  'na nc ne nf ng ni nl no np nr nu nz',
  'om',
  'pa pe pf pg ph pk pl pm pn pr ps pt pw py',
  'qa',
  're ro rs ru rw',
  'sa sb sc sd se sg sh si sj sk sl sm sn so sr st su sv sx sy sz',
  'tc td tf tg th tj tk tl tm tn to tr tt tv tw tz',
  'ua ug uk us uy uz',
  'va vc ve vg vi vn vu',
  'wf ws',
  'ye yt',
  'za zm zw',
].join(' ').split(' ');

let linkPattern: RegExp | undefined;

/**
 * Links as social platforms detect them: `http(s)://` URLs, `www.` addresses, and bare domains
 * whose top-level domain is a common generic one or a country code, with an optional path.
 * Trailing sentence punctuation is not part of a link. Email addresses are not links.
 */
export function findLinks(text: string): Array<{ start: number; end: number; text: string }> {
  linkPattern ??= new RegExp(
    String.raw`(?<![\w@.-])(?:https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|biz|io|co|ai|app|dev|shop|store|blog|news|online|site|tech|xyz|${COUNTRY_CODE_TLDS.join('|')})(?![\w@-])(?:\/[^\s<>"']*)?)`,
    'giu',
  );
  const pattern = linkPattern;
  const links: Array<{ start: number; end: number; text: string }> = [];
  for (const match of allMatches(text, pattern)) {
    let link = match[0];
    // "(see https://x.example/a)." keeps neither the ")" nor the ".".
    while (/[.,;:!?'"»)\]]$/u.test(link)) {
      if (link.endsWith(')') && (link.match(/\(/g) ?? []).length >= (link.match(/\)/g) ?? []).length) break;
      link = link.slice(0, -1);
    }
    if (link.length === 0) continue;
    links.push({ start: match.index, end: match.index + link.length, text: link });
  }
  return links;
}

/**
 * Where the units of a measure go: their total weight always, the units themselves only when
 * they are listed (the place a message overflows its limit is looked for only when it does).
 */
class Tally {
  length = 0;
  constructor(readonly units: Unit[] | null) {}

  add(start: number, end: number, weight: number): void {
    this.length += weight;
    if (this.units !== null) this.units.push({ start, end, weight });
  }
}

/**
 * Tallies the units of a message text: each template tag weighs `templateTagLength`, `weigh`
 * gives the rest (the units of `piece`, which starts at `offset` of the text, with offsets into
 * the text).
 */
function tallyUnits(message: MessageText, templateTagLength: number, tally: Tally, weigh: (piece: string, offset: number, tally: Tally) => void): void {
  let index = 0;
  const { text, template } = message;
  // Template tags start in text order: one pass over their starts, not a search at every character.
  const tagStarts = new SpansInOrder(message.templateStarts.map((start) => ({ start })));
  while (index < text.length) {
    if (template[index]) {
      let end = index + 1;
      while (end < text.length && template[end] && !tagStarts.startingAt(end)) end++;
      tally.add(index, end, templateTagLength);
      index = end;
      continue;
    }
    let end = index + 1;
    while (end < text.length && !template[end]) end++;
    weigh(index === 0 && end === text.length ? text : text.slice(index, end), index, tally);
    index = end;
  }
}

/** How a platform counts links and mentions, beyond a fixed link length (see PlatformLimits). */
export interface PlatformCounting {
  linksNeedProtocol?: boolean;
  mentionsWithoutServer?: boolean;
}

/** The links a platform counts at its link length: all of {@link findLinks}, or only `http(s)://` URLs. */
export function countedLinks(text: string, rules: PlatformCounting = {}): Array<{ start: number; end: number; text: string }> {
  const links = findLinks(text);
  return rules.linksNeedProtocol ? links.filter((link) => /^https?:\/\//i.test(link.text)) : links;
}

/**
 * The `@server` part of each remote mention `@user@server` (what Mastodon does not count). A
 * mention starts a word; an email address (`ana@northwind.example`) is no mention.
 */
function mentionServers(text: string): Array<{ start: number; end: number }> {
  const servers: Array<{ start: number; end: number }> = [];
  for (const match of allMatches(text, /(?<![\p{L}\p{N}_@./=-])@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu)) {
    const server = match[1]!;
    const end = match.index + match[0].length;
    servers.push({ start: end - server.length, end });
  }
  return servers;
}

/**
 * Length in user-perceived characters: what the guideline file's `maxLength` means for most
 * channels. With `linkLength`, every link counts that many characters whatever its length
 * (Mastodon: 23).
 */
export function characterLength(message: MessageText, templateTagLength: number, linkLength?: number, rules: PlatformCounting = {}): number {
  const tally = new Tally(null);
  tallyCharacters(message, templateTagLength, linkLength, rules, tally);
  return tally.length;
}

/** {@link characterLength} with the units it counts, in text order. */
export function characterUnits(message: MessageText, templateTagLength: number, linkLength?: number, rules: PlatformCounting = {}): Measure {
  const tally = new Tally([]);
  tallyCharacters(message, templateTagLength, linkLength, rules, tally);
  return { length: tally.length, units: tally.units! };
}

function tallyCharacters(message: MessageText, templateTagLength: number, linkLength: number | undefined, rules: PlatformCounting, tally: Tally): void {
  tallyUnits(message, templateTagLength, tally, (text, offset, out) => {
    if (linkLength === undefined && !rules.mentionsWithoutServer && isSimpleText(text)) {
      // One unit per character (CR LF: one), without listing the graphemes first.
      for (let at = 0; at < text.length; at++) {
        const end = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
        out.add(offset + at, offset + end, 1);
        at = end - 1;
      }
      return;
    }
    const links = new SpansInOrder(linkLength === undefined ? [] : countedLinks(text, rules));
    const servers = new SpansInOrder(rules.mentionsWithoutServer ? mentionServers(text) : []);
    let index = 0;
    eachGrapheme(text, (start, end) => {
      if (start < index) return;
      const link = links.startingAt(start);
      if (link && linkLength !== undefined) {
        out.add(offset + link.start, offset + link.end, linkLength);
        index = link.end;
        return;
      }
      const server = servers.startingAt(start);
      if (server) {
        out.add(offset + server.start, offset + server.end, 0);
        index = server.end;
        return;
      }
      out.add(offset + start, offset + end, 1);
      index = end;
    });
  });
}

/**
 * Spans in text order (links, emoji, mention servers), looked up at increasing offsets: each
 * lookup moves past the spans that start before it, so a text costs one pass over its spans
 * instead of a search of all of them at every grapheme (quadratic on a post full of links).
 */
class SpansInOrder<Span extends { start: number }> {
  #next = 0;
  constructor(private readonly spans: readonly Span[]) {}

  /** The first span starting at `start` (offsets asked must not decrease). */
  startingAt(start: number): Span | undefined {
    const { spans } = this;
    while (this.#next < spans.length && spans[this.#next]!.start < start) this.#next++;
    const span = spans[this.#next];
    return span !== undefined && span.start === start ? span : undefined;
  }
}

/** Code points X counts as one; every other code point counts as two (twitter-text configuration v3). */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/**
 * X's weighted length (twitter-text v3): a link counts `linkLength` (23: t.co) whatever its
 * length; an emoji counts 2; a code point in Latin, Greek, Cyrillic, Hebrew, Arabic, ... and
 * common punctuation counts 1; any other (CJK, symbols) counts 2. Text is NFC-normalised first,
 * so `é` counts 1 however it is encoded.
 */
export function xWeightedLength(message: MessageText, options: { linkLength: number; templateTagLength: number }): number {
  const tally = new Tally(null);
  tallyXWeights(message, options, tally);
  return tally.length;
}

/** {@link xWeightedLength} with the units it counts, in text order. */
export function xWeightedUnits(message: MessageText, options: { linkLength: number; templateTagLength: number }): Measure {
  const tally = new Tally([]);
  tallyXWeights(message, options, tally);
  return { length: tally.length, units: tally.units! };
}

function tallyXWeights(message: MessageText, options: { linkLength: number; templateTagLength: number }, tally: Tally): void {
  tallyUnits(message, options.templateTagLength, tally, (text, offset, out) => {
    const links = new SpansInOrder(findLinks(text));
    const emoji = new SpansInOrder(findEmoji(text));
    let index = 0;
    eachGrapheme(text, (start, end) => {
      if (start < index) return;
      const link = links.startingAt(start);
      if (link) {
        out.add(offset + link.start, offset + link.end, options.linkLength);
        index = link.end;
        return;
      }
      if (emoji.startingAt(start)) {
        out.add(offset + start, offset + end, 2);
        index = end;
        return;
      }
      out.add(offset + start, offset + end, xWeight(text, start, end));
      index = end;
    });
  });
}

/** X's weight of the grapheme `text[start, end)`: 1 or 2 per code point of its NFC form. */
function xWeight(text: string, start: number, end: number): number {
  // One code point below U+0300 is its own NFC form and in X's first light range: the common case.
  if (end === start + 1 && text.charCodeAt(start) < 0x300) return 1;
  let weight = 0;
  for (const char of text.slice(start, end).normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    weight += X_LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return weight;
}

/** Index in the message text of the first character beyond `limit`, or null when it fits. */
export function overflowStart(measure: Measure, limit: number): number | null {
  let sum = 0;
  for (const unit of measure.units) {
    sum += unit.weight;
    if (sum > limit) return unit.start;
  }
  return null;
}
