/**
 * What a brand book says, read from its lines (read.ts) without inventing anything: palette
 * entries with their HEX, RGB, CMYK and Pantone values reconciled into one color each, font
 * families and their roles, type sizes, logo files with their minimum sizes and clear space,
 * do and don't word lists and tone adjectives. Every value keeps the line it came from; lines
 * that look like brand values but could not be read are listed, and so are conflicts.
 */
import { describePlace, type BookLine } from './read.js';

export interface Source {
  page?: number;
  line: number;
}

export interface DraftColor {
  name: string;
  /** `#rrggbb`, the color drafted. */
  hex: string;
  /** What the book printed, as printed. */
  printed: { hex?: string; rgb?: [number, number, number]; cmyk?: [number, number, number, number]; pantone?: string };
  /** Which printed value the hex comes from. */
  from: 'hex' | 'rgb' | 'cmyk';
  source: Source;
}

export interface DraftFont {
  role: string;
  families: string[];
  source: Source;
}

export interface DraftSize {
  name: string;
  px: number;
  source: Source;
}

export interface DraftLogo {
  file: string;
  minWidthPx?: number;
  minWidthSource?: Source;
  source: Source;
}

export interface DraftWord {
  text: string;
  source: Source;
}

export interface DraftPreferred {
  use: string;
  instead: string;
  source: Source;
}

export interface BrandBookDraft {
  brandName?: DraftWord;
  website?: DraftWord;
  colors: DraftColor[];
  fonts: DraftFont[];
  sizes: DraftSize[];
  logos: DraftLogo[];
  clearSpace?: { px: number; source: Source };
  doWords: DraftWord[];
  dontWords: DraftWord[];
  preferred: DraftPreferred[];
  tone: DraftWord[];
  /** Values the book states that disagree with each other (a HEX and an RGB of one swatch). */
  conflicts: Array<{ message: string; source: Source }>;
  /** Lines that look like brand values but could not be read. */
  unread: Array<{ text: string; reason: string; source: Source }>;
}

const HEX = /#([0-9a-f]{6}|[0-9a-f]{3})\b/i;
const RGB = /\b(?:rgb\s*\(?|r\s*[:=]?\s*)(\d{1,3})[\s,/]+(?:g\s*[:=]?\s*)?(\d{1,3})[\s,/]+(?:b\s*[:=]?\s*)?(\d{1,3})\)?/i;
const CMYK = /\b(?:cmyk\s*\(?|c\s*[:=]?\s*)(\d{1,3})%?[\s,/]+(?:m\s*[:=]?\s*)?(\d{1,3})%?[\s,/]+(?:y\s*[:=]?\s*)?(\d{1,3})%?[\s,/]+(?:k\s*[:=]?\s*)?(\d{1,3})%?\)?/i;
const PANTONE = /\b(?:pantone|pms)\s*(?:®\s*)?([0-9]{3,4}\s?[a-z]{0,2}|[a-z][a-z ]{2,20}?\s[a-z]{1,2}\b|[a-z]+\s*\d*\s*[a-z]?)(?=\s*(?:\||$|,|;))/i;
const ROLES = ['primary', 'secondary', 'tertiary', 'heading', 'headline', 'display', 'body', 'text', 'accent', 'mono', 'monospace', 'code', 'ui'];

type Section = 'colors' | 'type' | 'sizes' | 'logo' | 'do' | 'dont' | 'tone' | 'other';

function sectionOf(heading: string): Section {
  const text = heading.toLowerCase();
  if (/\b(don'?t|do not|avoid|never|banned|words we don)/.test(text)) return 'dont';
  if (/\b(do|words we use|use these|say)\b/.test(text) && !/\bdon/.test(text)) return 'do';
  if (/\b(colou?rs?|palette|swatch)/.test(text)) return 'colors';
  if (/\b(type (scale|sizes?)|font sizes?|text sizes?|sizes)\b/.test(text)) return 'sizes';
  if (/\b(typography|typefaces?|fonts?|type)\b/.test(text)) return 'type';
  if (/\blogos?\b/.test(text)) return 'logo';
  if (/\b(tone|voice|personality)\b/.test(text)) return 'tone';
  return 'other';
}

export function draftFromBook(lines: readonly BookLine[]): BrandBookDraft {
  const draft: BrandBookDraft = { colors: [], fonts: [], sizes: [], logos: [], doWords: [], dontWords: [], preferred: [], tone: [], conflicts: [], unread: [] };
  let section: Section = 'other';
  let columns: string[] | undefined;
  for (const line of lines) {
    const source: Source = { ...(line.page !== undefined ? { page: line.page } : {}), line: line.line };
    const text = line.text;
    const cells = text.includes(' | ') ? text.split(' | ').map((cell) => cell.trim()) : undefined;
    if (!cells) columns = undefined;
    if (line.heading) {
      section = sectionOf(text);
      if (!draft.brandName) {
        const named = /^(.+?)\s+(?:brand\s+)?(?:guidelines|brand book|style guide|identity guidelines)\b/i.exec(text);
        if (named) draft.brandName = { text: named[1]!.trim(), source };
      }
      continue;
    }
    // A table header names its columns (Name | HEX | RGB | CMYK | Pantone).
    if (cells && cells.some((cell) => /^(hex|rgb|cmyk|pantone|pms|name|colou?r)$/i.test(cell)) && !cells.some((cell) => HEX.test(cell))) {
      columns = cells.map((cell) => cell.toLowerCase());
      continue;
    }
    const labelled = /^([A-Za-z][\w &'-]{0,40}?)\s*:\s*(.+)$/.exec(text);
    const label = labelled?.[1]!.toLowerCase() ?? '';
    const value = labelled?.[2]!.trim() ?? '';

    if (labelled && /^(brand( name)?|company)$/.test(label) && !draft.brandName) {
      draft.brandName = { text: value, source };
      continue;
    }
    if (labelled && /^(website|web ?site|url|web|domain)$/.test(label)) {
      draft.website = { text: value, source };
      continue;
    }
    // Fonts: "Primary typeface: Inter", "Body font: Source Sans 3, Arial, sans-serif".
    const font = /^(?:(\w+)\s+)?(?:typeface|font(?: family)?|type ?face)\s*$/i.exec(labelled?.[1] ?? '');
    if (labelled && font && (font[1] === undefined || ROLES.includes(font[1].toLowerCase()))) {
      const families = value
        .replace(/\s*\(.*?\)\s*/g, ' ')
        .split(/,|\bwith fallbacks?\b|\bfallbacks?:/i)
        .map((family) => family.trim().replace(/^["']|["']$/g, ''))
        .filter((family) => family !== '');
      if (families.length > 0) draft.fonts.push({ role: (font[1] ?? 'primary').toLowerCase(), families, source });
      else draft.unread.push({ text, reason: 'a font line without a family name', source });
      continue;
    }
    // Clear space: "Clear space: 16 px on every side".
    const clear = /clear[ -]?space[^0-9]*?(\d+(?:\.\d+)?)\s*(px|pt)\b/i.exec(text);
    if (clear) {
      draft.clearSpace = { px: toPx(Number(clear[1]), clear[2]!), source };
      continue;
    }
    if (/clear[ -]?space/i.test(text) && section === 'logo') {
      draft.unread.push({ text, reason: 'clear space not given in px or pt (relative sizes such as "the height of the N" cannot be drafted)', source });
      continue;
    }
    // Logo files, and their minimum sizes on the same line.
    const files = [...text.matchAll(/\b[\w@.-]+\.(?:svg|png|jpe?g|webp|eps|ai|gif)\b/gi)].map((match) => match[0]);
    const minimum = /min(?:imum)?\.?\s*(?:width|size)[^0-9]*?(\d+(?:\.\d+)?)\s*(px|pt)\b/i.exec(text);
    if (files.length > 0 && (section === 'logo' || /logo|mark/i.test(text))) {
      for (const file of files) {
        if (draft.logos.some((logo) => logo.file === file)) continue;
        draft.logos.push({ file, source, ...(minimum ? { minWidthPx: toPx(Number(minimum[1]), minimum[2]!), minWidthSource: source } : {}) });
      }
      continue;
    }
    if (minimum && section === 'logo') {
      const last = draft.logos.at(-1);
      if (last && last.minWidthPx === undefined) {
        last.minWidthPx = toPx(Number(minimum[1]), minimum[2]!);
        last.minWidthSource = source;
      } else draft.unread.push({ text, reason: 'a minimum size without a logo file it belongs to', source });
      continue;
    }
    // Colors.
    const color = readColor(text, cells, columns);
    if (color) {
      if (color.kind === 'unread') draft.unread.push({ text, reason: color.reason, source });
      else {
        if (color.conflict) draft.conflicts.push({ message: `${color.color.name}: ${color.conflict}`, source });
        draft.colors.push({ ...color.color, source });
      }
      continue;
    }
    // Type sizes: "H1: 48 px", "Body | 16px".
    const size = /^([A-Za-z][\w -]{0,24}?)\s*(?:[:|–—-]|\s)\s*(\d+(?:\.\d+)?)\s*(px|pt|rem)\b/i.exec(text);
    if (size && (section === 'sizes' || section === 'type')) {
      draft.sizes.push({ name: size[1]!.trim(), px: size[3]!.toLowerCase() === 'rem' ? Number(size[2]) * 16 : toPx(Number(size[2]), size[3]!), source });
      continue;
    }
    // Tone: "Tone of voice: friendly, direct and casual".
    if (labelled && /^(tone( of voice)?|voice|personality|we are)$/.test(label)) {
      for (const word of splitList(value)) draft.tone.push({ text: word, source });
      continue;
    }
    // Word lists: "Say "sign in", not "login"" / "Use X instead of Y".
    const instead = /^(?:say|use|write)\s+["“']?(.+?)["”']?,?\s+(?:not|instead of)\s+["“']?(.+?)["”']?\.?$/i.exec(text);
    if (instead) {
      draft.preferred.push({ use: instead[1]!.trim(), instead: instead[2]!.trim(), source });
      continue;
    }
    if (labelled && /^(do|don'?t|never say|avoid|banned( words)?|words to avoid|words we use|use)$/.test(label)) {
      const into = /^(do|words we use|use)$/.test(label) ? draft.doWords : draft.dontWords;
      for (const word of splitList(value)) into.push({ text: word, source });
      continue;
    }
    if ((section === 'do' || section === 'dont') && line.listItem) {
      (section === 'do' ? draft.doWords : draft.dontWords).push({ text: stripQuotes(text), source });
      continue;
    }
    if (section === 'tone' && line.listItem && /^[\p{L} -]{2,30}$/u.test(text)) {
      draft.tone.push({ text: text.toLowerCase(), source });
      continue;
    }
    if (/(#[0-9a-f]{3,6}\b|\bpantone\b|\bcmyk\b)/i.test(text) || (section === 'type' && /typeface|font/i.test(text))) {
      draft.unread.push({ text, reason: 'looks like a brand value but matches no layout brandlint reads', source });
    }
  }
  return draft;
}

function toPx(value: number, unit: string): number {
  return unit.toLowerCase() === 'pt' ? Math.round(((value * 4) / 3) * 100) / 100 : value;
}

function stripQuotes(text: string): string {
  return text.replace(/^["“'‘]|["”'’]$/g, '').replace(/\s+[–—-]\s+.*$/, '').trim();
}

function splitList(text: string): string[] {
  return text
    .replace(/\.$/, '')
    .split(/,|;|\band\b|\bor\b/)
    .map((word) => stripQuotes(word.trim()))
    .filter((word) => word !== '');
}

type ColorRead = { kind: 'color'; color: Omit<DraftColor, 'source'>; conflict?: string } | { kind: 'unread'; reason: string };

/** A swatch: a name and at least one of HEX, RGB, CMYK or Pantone, from a table row (by its header when known) or a line. */
function readColor(text: string, cells: string[] | undefined, columns: string[] | undefined): ColorRead | undefined {
  // In a table each cell is one value, told by its shape (columns may be empty or missing).
  const find = (kind: 'hex' | 'rgb' | 'cmyk' | 'pantone', pattern: RegExp): RegExpExecArray | null => {
    if (cells) {
      for (const cell of cells.slice(1)) {
        const bare = /^(\d{1,3})%?[\s,/]+(\d{1,3})%?[\s,/]+(\d{1,3})%?(?:[\s,/]+(\d{1,3})%?)?$/.exec(cell);
        if (bare && kind === (bare[4] === undefined ? 'rgb' : 'cmyk')) return pattern.exec(`${kind} ${cell}`);
        const found = pattern.exec(cell);
        if (found) return found;
      }
      return null;
    }
    return pattern.exec(text);
  };
  void columns;
  const hex = find('hex', HEX);
  const rgb = find('rgb', RGB);
  const cmyk = find('cmyk', CMYK);
  const pantone = find('pantone', PANTONE);
  if (!hex && !rgb && !cmyk && !pantone) return undefined;
  const name = colorName(text, cells);
  if (!name) return { kind: 'unread', reason: 'a color value without a name' };
  const printed: DraftColor['printed'] = {};
  if (hex) printed.hex = normalizeHex(hex[1]!);
  if (rgb) {
    const values = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
    if (values.every((v) => v <= 255)) printed.rgb = values;
  }
  if (cmyk) {
    const values = [cmyk[1], cmyk[2], cmyk[3], cmyk[4]].map(Number) as [number, number, number, number];
    if (values.every((v) => v <= 100)) printed.cmyk = values;
  }
  if (pantone) printed.pantone = `Pantone ${pantone[1]!.trim()}`;
  if (printed.hex) {
    const conflict = printed.rgb && rgbDistance(hexToRgb(printed.hex), printed.rgb) > 6 ? `HEX ${printed.hex} and RGB ${printed.rgb.join(' ')} disagree; drafted the HEX` : undefined;
    return { kind: 'color', color: { name, hex: printed.hex, printed, from: 'hex' }, ...(conflict ? { conflict } : {}) };
  }
  if (printed.rgb) return { kind: 'color', color: { name, hex: rgbToHex(printed.rgb), printed, from: 'rgb' } };
  if (printed.cmyk) return { kind: 'color', color: { name, hex: rgbToHex(cmykToRgb(printed.cmyk)), printed, from: 'cmyk' } };
  return { kind: 'unread', reason: `${name}: only a Pantone name (${printed.pantone}); no screen value to draft` };
}

function colorName(text: string, cells: string[] | undefined): string | undefined {
  const first = cells ? cells[0] : text.split(/[:–—|]|\s#|\b(?:hex|rgb|cmyk|pantone|pms)\b/i)[0];
  const name = first?.replace(/^(?:colou?r)\s*[:-]?\s*/i, '').trim();
  if (!name || /^(hex|rgb|cmyk|pantone|#)/i.test(name) || !/\p{L}/u.test(name)) return undefined;
  return name;
}

function normalizeHex(value: string): string {
  const hex = value.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function rgbToHex(rgb: readonly number[]): string {
  return `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** Naive CMYK (percent) to sRGB: what a brand book's screen value would be without an ICC profile. */
export function cmykToRgb([c, m, y, k]: readonly number[]): [number, number, number] {
  const f = (v: number) => 255 * (1 - v! / 100) * (1 - k! / 100);
  return [f(c!), f(m!), f(y!)].map(Math.round) as [number, number, number];
}

function rgbDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

export { describePlace };
