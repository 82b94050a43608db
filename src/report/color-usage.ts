/**
 * Which channels use which colors: every color literal and `var(--token)` in the styles of the
 * linted files, by channel. The HTML report shows it next to the brand palette.
 */
import { colorOptionsFor, findColorLiterals, findVarReferences, mayHoldColors, toSrgbHex } from '../core/css-color.js';
import type { ContentDocument } from '../core/document.js';
import { compareStrings, type LintResult } from '../engine/result.js';
import type { ContentParser } from '../engine/runner.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { colorHex } from './detail.js';

export interface ColorUse {
  /** Lower-case sRGB hex. */
  hex: string;
  /** The palette token of this color, when there is one. */
  token?: string;
  /** Channel -> number of uses. */
  channels: Record<string, number>;
  /** How it was written (first few spellings, sorted). */
  spellings: string[];
}

/** Colors used in the documents, brand colors first (in palette order), then the others by use count. */
export function colorUsage(documents: ReadonlyArray<{ channel: string; document: ContentDocument }>, brand: BrandModel | null): ColorUse[] {
  const palette = (brand?.palette ?? []).flatMap((token) => {
    const hex = colorHex(token.hex);
    return hex === null ? [] : [{ token, hex }];
  });
  const tokenByHex = new Map<string, string>();
  for (const { token, hex } of palette) if (!tokenByHex.has(hex)) tokenByHex.set(hex, token.name);
  const hexByVar = new Map(palette.map(({ token, hex }) => [token.cssVar, hex]));

  const uses = new Map<string, { channels: Map<string, number>; spellings: Set<string> }>();
  const add = (hex: string, channel: string, spelling: string): void => {
    let use = uses.get(hex);
    if (!use) uses.set(hex, (use = { channels: new Map(), spellings: new Set() }));
    use.channels.set(channel, (use.channels.get(channel) ?? 0) + 1);
    use.spellings.add(spelling);
  };
  for (const { channel, document } of documents) {
    for (const declaration of document.styles) {
      if (!mayHoldColors(declaration.property)) continue;
      const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
      for (const literal of findColorLiterals(value, colorOptionsFor(declaration, 0))) add(toSrgbHex(literal.color), channel, literal.text);
      for (const reference of findVarReferences(value)) {
        const hex = hexByVar.get(reference.name);
        if (hex !== undefined) add(hex, channel, `var(${reference.name})`);
      }
    }
  }

  const paletteOrder = new Map(palette.map(({ hex }, index) => [hex, index]));
  const total = (hex: string) => [...(uses.get(hex)?.channels.values() ?? [])].reduce((sum, count) => sum + count, 0);
  return [...uses.entries()]
    .map(([hex, use]): ColorUse => {
      const token = tokenByHex.get(hex);
      return {
        hex,
        ...(token !== undefined ? { token } : {}),
        channels: Object.fromEntries([...use.channels.entries()].sort(([a], [b]) => compareStrings(a, b))),
        spellings: [...use.spellings].sort(compareStrings).slice(0, 4),
      };
    })
    .sort((a, b) => {
      const rankA = paletteOrder.get(a.hex) ?? Number.POSITIVE_INFINITY;
      const rankB = paletteOrder.get(b.hex) ?? Number.POSITIVE_INFINITY;
      if (rankA !== rankB) return rankA - rankB;
      return total(b.hex) - total(a.hex) || compareStrings(a.hex, b.hex);
    });
}

/** Parses the linted files again (the lint run keeps no documents) to collect their colors. Files that fail to parse are left out. */
export async function collectColorUsage(results: readonly LintResult[], brand: BrandModel | null, parse: ContentParser | null): Promise<ColorUse[]> {
  if (!parse) return [];
  const documents: Array<{ channel: string; document: ContentDocument }> = [];
  for (const result of results) {
    if (result.channel === null || result.source === undefined) continue;
    try {
      const document = await parse({ file: result.file, absolutePath: result.absolutePath, text: result.source, channel: result.channel });
      documents.push({ channel: result.channel, document });
    } catch {
      // The lint run already reported this file's adapter failure.
    }
  }
  return colorUsage(documents, brand);
}
