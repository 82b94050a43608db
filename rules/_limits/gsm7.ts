/**
 * SMS encoding and segments (3GPP TS 23.038, "GSM 03.38"). A message is sent in the GSM 7-bit
 * default alphabet when every character is in its basic table (1 septet) or extension table
 * (escape + 1: 2 septets); otherwise the whole message is sent as UCS-2 (UTF-16 code units).
 * One segment holds 160 septets or 70 UCS-2 units; a concatenated message loses room to its
 * header: 153 septets or 67 units per segment, and a segment never splits an escape pair or a
 * surrogate pair.
 */

/** The GSM 7-bit default alphabet, basic table (including LF, CR and the space). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs an escape septet plus its own. */
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCharacter {
  /** Index in the text. */
  start: number;
  end: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  size: number;
}

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Room in a single segment: 160 or 70. */
  singleSegment: number;
  /** Room per segment of a concatenated message: 153 or 67. */
  multiSegment: number;
  /** The first character that is not GSM-7 (what forces UCS-2), when the encoding is UCS-2. */
  firstUnicode?: { start: number; end: number; text: string };
  characters: SmsCharacter[];
}

/** Whether a character is in the GSM 7-bit alphabet, and its cost in septets (0 when it is not). */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (BASIC_SET.has(char)) return 1;
  if (EXTENSION_SET.has(char)) return 2;
  return 0;
}

/** Encoding, size and segments of an SMS text. */
export function analyseSms(text: string): SmsAnalysis {
  let firstUnicode: SmsAnalysis['firstUnicode'];
  let index = 0;
  for (const char of text) {
    if (gsmSeptets(char) === 0) {
      firstUnicode = { start: index, end: index + char.length, text: char };
      break;
    }
    index += char.length;
  }
  const encoding: SmsEncoding = firstUnicode ? 'UCS-2' : 'GSM-7';
  const characters: SmsCharacter[] = [];
  index = 0;
  for (const char of text) {
    characters.push({ start: index, end: index + char.length, size: encoding === 'GSM-7' ? gsmSeptets(char) : char.length });
    index += char.length;
  }
  const singleSegment = encoding === 'GSM-7' ? 160 : 70;
  const multiSegment = encoding === 'GSM-7' ? 153 : 67;
  const units = characters.reduce((sum, character) => sum + character.size, 0);
  return {
    encoding,
    units,
    segments: segmentCount(characters, singleSegment, multiSegment),
    singleSegment,
    multiSegment,
    ...(firstUnicode ? { firstUnicode } : {}),
    characters,
  };
}

/** Segments needed: one when everything fits `single`, else characters packed `multi` per segment without splitting one. */
function segmentCount(characters: readonly SmsCharacter[], single: number, multi: number): number {
  const units = characters.reduce((sum, character) => sum + character.size, 0);
  if (units === 0) return 0;
  if (units <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const character of characters) {
    if (used + character.size > multi) {
      segments++;
      used = 0;
    }
    used += character.size;
  }
  return segments;
}

/**
 * Index of the first character that does not fit into `maxSegments` segments, or null when the
 * text fits. One segment holds `single` units; two or more hold `multi` each.
 */
export function smsOverflowStart(analysis: SmsAnalysis, maxSegments: number): number | null {
  if (analysis.segments <= maxSegments) return null;
  if (maxSegments === 1) {
    let used = 0;
    for (const character of analysis.characters) {
      used += character.size;
      if (used > analysis.singleSegment) return character.start;
    }
    return null;
  }
  let segments = 1;
  let used = 0;
  for (const character of analysis.characters) {
    if (used + character.size > analysis.multiSegment) {
      segments++;
      used = 0;
      if (segments > maxSegments) return character.start;
    }
    used += character.size;
  }
  return null;
}
