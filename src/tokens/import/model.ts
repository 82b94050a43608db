/**
 * The shapes the format readers hand to the importer: tokens as written in their own format,
 * with their places in the source files, and (for formats that compose sets themselves) how the
 * output files combine into contexts.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { JsonNode, Span } from '../dtcg/json.js';
import type { SourceFile } from '../dtcg/report.js';
import type { ImportKind } from './kinds.js';

/** The formats `brandlint tokens import` reads. */
export const IMPORT_FORMATS = ['dtcg', 'dtcg-draft', 'style-dictionary', 'tokens-studio', 'figma', 'theo', 'spectrum', 'sass', 'flat'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  dtcg: 'DTCG 2025.10',
  'dtcg-draft': 'a DTCG draft before 2025.10',
  'style-dictionary': 'Style Dictionary',
  'tokens-studio': 'Tokens Studio',
  figma: 'Figma Variables',
  theo: 'Theo / Salesforce design tokens',
  spectrum: 'Adobe Spectrum tokens',
  sass: 'Sass variables and maps',
  flat: 'a flat map of names to values',
};

/** One input file, parsed with positions. */
export interface ImportFile {
  /** Display name (as diagnostics name it). */
  file: string;
  text: string;
  source: SourceFile;
  root: JsonNode;
  /** Output file name without `.tokens.json` (relative path, forward slashes). */
  stem: string;
}

/** How a reader writes references: `{a.b}` (most), `{!NAME}` (Theo), `$a.b` (old Tokens Studio). */
export type ReferenceSyntax = 'curly' | 'theo';

/** A token as its format wrote it. */
export interface RawToken {
  /** Path as written (references name it), e.g. `['color', 'brand', 'primary']`. */
  path: string[];
  /** The output file (stem) the token goes to. */
  stem: string;
  file: ImportFile;
  /** The key (or the whole entry) that defines the token. */
  keySpan: Span;
  /** The value as written; absent when only mode values exist. */
  value?: JsonNode;
  /** The format's type name, as written. */
  typeName?: { name: string; node: JsonNode | null };
  /** The kind, when the reader already knows it. */
  kind?: ImportKind;
  description?: string;
  deprecated?: boolean | string;
  extensions?: Record<string, unknown>;
  /** Values per context of one modifier (Figma modes, Spectrum sets, light/dark files). */
  modes?: TokenModes;
  /** How a bare number reads as a length (`rem` for Style Dictionary's size category). */
  unitless?: 'px' | 'rem';
  /** When untyped, the name may tell the kind (`font.family.body`). */
  nameHints?: boolean;
}

export interface TokenModes {
  modifier: string;
  defaultContext: string;
  contexts: Map<string, JsonNode>;
  /** The file a context's value is written in, when it is not the token's own (light and dark files). */
  files?: Map<string, ImportFile>;
}

/** How output files combine (when a format composes sets itself, as Tokens Studio's themes do). */
export interface ComposePlan {
  /** Stems merged into every context, in order. */
  base: string[];
  modifiers: Array<{ name: string; defaultContext: string; contexts: Array<{ name: string; stems: string[] }> }>;
  /** Stems written but part of no context. */
  unused?: string[];
}

/** A group's own metadata (kept on the group in the output). */
export interface GroupMetadata {
  stem: string;
  path: string[];
  description?: string;
  deprecated?: boolean | string;
  extensions?: Record<string, unknown>;
}

/** What a reader found in its files. */
export interface FormatReading {
  tokens: RawToken[];
  groups?: GroupMetadata[];
  plan?: ComposePlan;
  references: ReferenceSyntax;
}

/** Where imported tokens came from, by output file and token path. */
export type SourceIndex = Map<string, { file: string; range: Diagnostic['range'] }>;
