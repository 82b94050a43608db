/**
 * Which images in content are the brand's logo, and which approved asset they use. Shared by the
 * logo rules (`logo-unapproved-asset`, `logo-too-small`, `logo-alt-text`) so they agree on what a
 * logo is.
 *
 * An image is a logo when (guideline file, `logos`):
 * - its src names an approved asset file (`logos.assets[].files`), or
 * - its src matches a `recognise.srcPatterns` glob, or
 * - it has one of the `recognise.classNames`, or
 * - its whole alt text matches a `recognise.altPatterns` wildcard (case-insensitive).
 *
 * An image recognised only by a pattern, class or alt (not an approved file) is not the brand's
 * logo when its alt text or file name names another organisation: a partner's or customer's
 * logo (`alt="BRC Analytics logo"`, `tnw-logo.svg`). See `namesAnotherOrganisation`.
 *
 * Files and src globs are compared case-insensitively against the src's path and its file name,
 * with the scheme and host (CDN), query string and fragment removed and %-escapes decoded, so
 * `https://cdn.example/img/northwind-logo.png?v=3` names `northwind-logo.png`.
 */
import picomatch from 'picomatch';
import type { ImageReference } from './document.js';
import type { BrandModel, LogoUsage } from '../tokens/brand-model.js';

export type LogoReason = 'approved-file' | 'src-pattern' | 'class-name' | 'alt-pattern';

export interface LogoMatch {
  /** Why the image counts as a logo (at least one reason). */
  reasons: LogoReason[];
  /** The approved asset the src names, or null. */
  asset: LogoUsage | null;
  /**
   * Whether the src names a file that can be judged: false for an empty src, a `data:` URI's
   * missing file name is judged (it is never approved), template tags in the file name are not.
   */
  srcKnown: boolean;
}

type Image = Pick<ImageReference, 'src' | 'alt' | 'classes'>;

const TEMPLATE_IN_NAME = /[{}]|\*\||\|\*|%%|<%|%>|\[\[|\]\]/;

/** The path of a src without scheme, host, query and fragment, %-decoded, without a leading `/` or `./`. */
export function srcPath(src: string): string {
  const trimmed = src.trim();
  if (/^data:/i.test(trimmed)) return '';
  let path = trimmed
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
    .replace(/^\/\/[^/?#]*/, '')
    .replace(/^[a-z][a-z0-9+.-]*:(?!\/)/i, '');
  // Query and fragment; a `?` inside a template tag (`{{ a ? b }}`) is left alone.
  const cut = path.search(/[?#](?![^{]*\}\})/);
  if (cut !== -1) path = path.slice(0, cut);
  path = path.replace(/^(?:\.\/|\/)+/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The file name of a src (`northwind-logo.png`), '' for `data:` URIs and srcs ending in `/`. */
export function srcFileName(src: string): string {
  const path = srcPath(src);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether a src is a `data:` URI. */
export function isDataUri(src: string): boolean {
  return /^\s*data:/i.test(src);
}

const matcherCache = new Map<string, (path: string) => boolean>();

/** A case-insensitive glob matcher; a glob without `/` also matches the file name alone. */
function globMatcher(glob: string): (path: string) => boolean {
  let matcher = matcherCache.get(glob);
  if (!matcher) {
    const options = { nocase: true, dot: true };
    const exact = picomatch(glob, options);
    const anywhere = glob.startsWith('**/') || glob.startsWith('/') ? exact : picomatch(`**/${glob}`, options);
    matcher = (path) => exact(path) || anywhere(path);
    matcherCache.set(glob, matcher);
  }
  return matcher;
}

/** Whether `file path` or its file name matches a glob. */
function srcMatches(glob: string, path: string, fileName: string): boolean {
  if (path === '' && fileName === '') return false;
  const matches = globMatcher(glob.replace(/^\.?\//, ''));
  return matches(path) || (fileName !== '' && matches(fileName));
}

/** A case-insensitive wildcard (`*` any text, `?` one character) matched against a whole text. */
export function wildcardMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is').test(text.trim());
}

/** The approved asset whose `files` name the image's src, or null. */
export function matchLogoAsset(image: Pick<ImageReference, 'src'>, brand: BrandModel | null): LogoUsage | null {
  if (!brand) return null;
  const path = srcPath(image.src);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (fileName === '' || TEMPLATE_IN_NAME.test(fileName)) return null;
  return brand.logos.find((asset) => asset.files.some((file) => srcMatches(file, path, fileName))) ?? null;
}

/** Whether the image is a logo of the brand (see the module comment), with the reasons and the asset. */
export function recogniseLogo(image: Image, brand: BrandModel | null): LogoMatch | null {
  if (!brand) return null;
  const reasons: LogoReason[] = [];
  const asset = matchLogoAsset(image, brand);
  if (asset) reasons.push('approved-file');
  const recognise = brand.logoRules.recognise;
  const path = srcPath(image.src);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (recognise) {
    if (recognise.srcPatterns.some((glob) => srcMatches(glob, path, fileName))) reasons.push('src-pattern');
    const classes = new Set(image.classes.map((name) => name.toLowerCase()));
    if (recognise.classNames.some((name) => classes.has(name.toLowerCase()))) reasons.push('class-name');
    const alt = image.alt?.trim() ?? '';
    if (alt !== '' && recognise.altPatterns.some((pattern) => wildcardMatches(pattern, alt))) reasons.push('alt-pattern');
  }
  if (reasons.length === 0) return null;
  if (!asset && namesAnotherOrganisation(image.alt ?? '', fileName, brand)) return null;
  const srcKnown = isDataUri(image.src) || (fileName !== '' && !TEMPLATE_IN_NAME.test(fileName));
  return { reasons, asset, srcKnown };
}

/** Whether the image is a logo of the brand. */
export function isLogoImage(image: Image, brand: BrandModel | null): boolean {
  return recogniseLogo(image, brand) !== null;
}

/** Every approved logo file, in guideline order (for messages). */
export function approvedLogoFiles(brand: BrandModel): string[] {
  return brand.logos.flatMap((asset) => asset.files);
}

/** Words that say nothing about whose logo it is (`Your logo`, `navbar-logo.svg`, `logo-white.png`). */
const GENERIC_WORDS = new Set(
  (
    'a an the and of for with in on to by at our your my its this company brand business site website web page header footer nav navbar ' +
    'navigation menu main top bottom home link image img picture icon small large big mini full white black dark light color colour mono ' +
    'default new old primary secondary alt text placeholder sample demo example retina horizontal vertical inverse inverted reverse reversed ' +
    'transparent email mail app mobile desktop square round circle svg png jpg jpeg gif webp go back click here official'
  ).split(' '),
);
const LOGO_WORD = /^(?:logo|logos|logotype|wordmark)$/;

/**
 * The lower-case words of a text: letters and digits, split at anything else, at camelCase, and
 * before a "logo" glued to a name (`gbcclogo2`, `acmelogo`: `gbcc logo 2`).
 */
function wordsOf(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L}{2})(logos?)(?![\p{L}])/giu, '$1 $2 ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

const brandWordsCache = new WeakMap<BrandModel, Set<string>>();

/** The words of the brand's names: its name, legal name, domains and the terms of voice.names. */
function brandWords(brand: BrandModel): Set<string> {
  let words = brandWordsCache.get(brand);
  if (!words) {
    const names = [brand.brand?.name ?? '', brand.brand?.legalName ?? '', ...(brand.brand?.domains ?? []).map((domain) => domain.split('.')[0] ?? ''), ...(brand.voice?.names ?? []).map((entry) => entry.term)];
    words = new Set(names.flatMap(wordsOf).filter((word) => !GENERIC_WORDS.has(word)));
    brandWordsCache.set(brand, words);
  }
  return words;
}

/**
 * Whether an image's alt text or file name names an organisation other than the brand:
 * - an alt with the word "logo" and another word that is neither generic nor one of the brand's
 *   (`BRC Analytics logo`, `Landwind Logo`; not `Logo`, `Your logo`, `Northwind logo`);
 * - a file name whose word right before "logo" is neither generic nor the brand's (`tnw-logo.svg`,
 *   `acme_logo.png`, `acmelogo.png`; not `navbar-logo.svg`, `old-logo.png`, `logo-white.png`).
 * Template tags in the alt (`{{ brand }} logo`) leave it unjudged.
 */
export function namesAnotherOrganisation(alt: string, fileName: string, brand: BrandModel): boolean {
  const own = brandWords(brand);
  const foreign = (word: string) => !GENERIC_WORDS.has(word) && !own.has(word) && !/^\d+$/.test(word) && word.length > 1;
  if (!TEMPLATE_IN_NAME.test(alt)) {
    const words = wordsOf(alt);
    if (words.some((word) => LOGO_WORD.test(word)) && !words.some((word) => own.has(word)) && words.some((word) => !LOGO_WORD.test(word) && foreign(word))) return true;
  }
  if (fileName !== '' && !TEMPLATE_IN_NAME.test(fileName)) {
    const before = /(?:^|[^a-z0-9])([a-z][a-z0-9]*?)[-_ .]*logo(?![a-z])/i.exec(fileName.replace(/\.[a-z0-9]+$/i, ''));
    if (before && foreign(before[1]!.toLowerCase())) return true;
  }
  return false;
}
