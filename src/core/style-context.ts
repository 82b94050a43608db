/**
 * Which context of the brand a style declaration is seen in: email dark-mode CSS
 * (`@media (prefers-color-scheme: dark)`, Outlook.com's `[data-ogsc]` / `[data-ogsb]`), a page's
 * dark scope (`.dark`, `[data-theme="dark"]`), a scope naming a modifier (`[data-brand="outdoor"]`)
 * or a selector the configuration maps to a context. Rules ask this; they never guess.
 */
import { allMatches } from './all-matches.js';
import type { BrandContext, BrandContexts, BrandModel, ContextInput } from '../tokens/brand-model.js';
import type { ElementNode, StyleDeclaration } from './document.js';

/** The resolved context with exactly this input (missing modifiers at their default). */
export function findContext(contexts: BrandContexts, input: Readonly<ContextInput>): BrandContext | undefined {
  const full = completeInput(contexts, input);
  return contexts.resolved.find((context) => contexts.modifiers.every((modifier) => context.input[modifier.name] === full[modifier.name]));
}

/** An input with every modifier: the given values over the active ones. */
export function completeInput(contexts: BrandContexts, input: Readonly<ContextInput>): ContextInput {
  const out = Object.create(null) as ContextInput;
  for (const modifier of contexts.modifiers) out[modifier.name] = input[modifier.name] ?? contexts.active[modifier.name] ?? modifier.defaultContext;
  return out;
}

/** Whether two inputs pick the same context. */
export function sameInput(contexts: BrandContexts, a: Readonly<ContextInput>, b: Readonly<ContextInput>): boolean {
  const fullA = completeInput(contexts, a);
  const fullB = completeInput(contexts, b);
  return contexts.modifiers.every((modifier) => fullA[modifier.name] === fullB[modifier.name]);
}

/** `theme=dark`: the modifiers where `input` differs from `base` (all of them when none differs). */
export function describeInput(contexts: BrandContexts, input: Readonly<ContextInput>, base: Readonly<ContextInput> = contexts.active): string {
  const full = completeInput(contexts, input);
  const baseFull = completeInput(contexts, base);
  const differing = contexts.modifiers.filter((modifier) => full[modifier.name] !== baseFull[modifier.name]);
  return (differing.length > 0 ? differing : contexts.modifiers).map((modifier) => `${modifier.name}=${full[modifier.name]}`).join(',');
}

/** `@media (prefers-color-scheme: dark)`. */
const DARK_MEDIA = /prefers-color-scheme\s*:\s*dark/i;
/** Outlook.com's dark-mode attributes, and the usual dark scopes of pages (Tailwind's `.dark`, `[data-theme=dark]`, Bootstrap's `[data-bs-theme=dark]`). */
const DARK_SELECTOR = /\[data-og[sb][cb]?\]|(?:^|[\s>+~,(])(?:html|body|:root)?\.dark(?:-mode|-theme)?(?![\w-])|\[data-(?:theme|color-mode|color-scheme|mode|bs-theme)\s*=\s*["']?dark["']?\s*(?:i\s*)?\]/i;
const ATTRIBUTE = /\[data-([\w-]+)\s*=\s*["']?([^"'\]\s]+)["']?\s*(?:i\s*)?\]/gi;

/** Whether a declaration applies in dark mode only. */
export function isDarkScoped(declaration: Pick<StyleDeclaration, 'atRules' | 'selector'>): boolean {
  return declaration.atRules.some((atRule) => DARK_MEDIA.test(atRule)) || DARK_SELECTOR.test(declaration.selector ?? '');
}

/** The part of an input a declaration's scope sets (dark mode, `[data-<modifier>="<context>"]`, configured selectors); null when none. */
export function scopeInput(brand: BrandModel, declaration: Pick<StyleDeclaration, 'atRules' | 'selector'>): ContextInput | null {
  const contexts = brand.contexts;
  if (!contexts) return null;
  const input = Object.create(null) as ContextInput;
  let scoped = false;
  if (contexts.dark && isDarkScoped(declaration)) {
    Object.assign(input, darkPart(contexts.dark, contexts.active, contexts.modifiers));
    scoped = true;
  }
  const selector = declaration.selector ?? '';
  for (const match of allMatches(selector, ATTRIBUTE)) {
    const modifier = contexts.modifiers.find((candidate) => candidate.name.toLowerCase() === (match[1] ?? '').toLowerCase());
    const context = modifier?.contexts.find((candidate) => candidate.toLowerCase() === (match[2] ?? '').toLowerCase());
    if (modifier && context) {
      input[modifier.name] = context;
      scoped = true;
    }
  }
  const normalized = normalizeSelector(selector);
  for (const entry of contexts.selectors) {
    if (normalized.includes(normalizeSelector(entry.selector))) {
      Object.assign(input, entry.input);
      scoped = true;
    }
  }
  return scoped ? input : null;
}

/**
 * The context a declaration is seen in when it is not the brand's active one (then its palette
 * applies instead of `brand.palette`); null for the active context or a context the brand does
 * not have.
 */
export function contextOf(brand: BrandModel | null, declaration: Pick<StyleDeclaration, 'atRules' | 'selector'>): BrandContext | null {
  const contexts = brand?.contexts;
  if (!brand || !contexts) return null;
  const scope = scopeInput(brand, declaration);
  if (!scope) return null;
  const input = completeInput(contexts, { ...contexts.active, ...scope });
  if (sameInput(contexts, input, contexts.active)) return null;
  return findContext(contexts, input) ?? null;
}

/** Only the modifiers dark mode changes (so a sub-brand file's dark scope stays in its sub-brand). */
function darkPart(dark: ContextInput, defaults: ContextInput, modifiers: ReadonlyArray<{ name: string; defaultContext: string }>): ContextInput {
  const out = Object.create(null) as ContextInput;
  for (const modifier of modifiers) {
    const value = dark[modifier.name];
    if (value !== undefined && value !== (defaults[modifier.name] ?? modifier.defaultContext)) out[modifier.name] = value;
  }
  return out;
}

function normalizeSelector(selector: string): string {
  return selector.replace(/\s+/g, ' ').replace(/\s*([>+~,])\s*/g, '$1').replace(/'/g, '"').trim().toLowerCase();
}

/**
 * Whether a stylesheet selector applies to an element, read simply: the last compound selector
 * of one of its comma parts matches the element's tag, id, classes and attributes, and each
 * compound before it matches some ancestor. Scope parts (`[data-ogsc]`, `.dark`, `:root`,
 * `html`, `body`, `@media` does not show here) match anything; pseudo-classes (`:hover`) never
 * match (they are another state of the element), pseudo-elements are ignored.
 */
export function selectorMatches(selector: string, element: ElementNode, parentOf: (element: ElementNode) => ElementNode | undefined): boolean {
  return splitTopLevel(selector, ',').some((part) => {
    const compounds = part.trim().split(/\s*[>+~]\s*|\s+/).filter((compound) => compound !== '');
    const subject = compounds.pop();
    if (!subject || !compoundMatches(subject, element)) return false;
    let current = parentOf(element);
    for (let index = compounds.length - 1; index >= 0; index--) {
      const compound = compounds[index] ?? '';
      if (isScopeOnly(compound)) continue;
      while (current && !compoundMatches(compound, current)) current = parentOf(current);
      if (!current) return false;
      current = parentOf(current);
    }
    return true;
  });
}

function isScopeOnly(compound: string): boolean {
  return /^(?:html|body|:root|\*)?(?:\[data-og[sb][cb]?\]|\.dark(?:-mode|-theme)?|\[data-[\w-]+(?:\s*=\s*["']?[^\]]*["']?)?\])*$/i.test(compound);
}

function compoundMatches(compound: string, element: ElementNode): boolean {
  if (/:(?!:)(?!root\b|not\b|is\b|where\b)[\w-]+/.test(compound.replace(/::[\w-]+(\([^)]*\))?/g, ''))) return false;
  const text = compound.replace(/::?[\w-]+(\([^)]*\))?/g, '');
  const tag = /^([a-z][a-z0-9-]*)/i.exec(text)?.[1];
  if (tag && tag.toLowerCase() !== element.tag && !['html', 'body'].includes(tag.toLowerCase())) return false;
  for (const match of allMatches(text, /\.(-?[\w-]+)/g)) if (!element.classes.includes(match[1] ?? '')) return false;
  for (const match of allMatches(text, /#(-?[\w-]+)/g)) if (element.attributes.id !== match[1]) return false;
  for (const match of allMatches(text, /\[([\w-]+)(?:\s*([~|^$*]?=)\s*["']?([^"'\]]*)["']?)?\s*\]/g)) {
    const name = (match[1] ?? '').toLowerCase();
    // Scope attributes of email clients and theme switches are set on an ancestor at render time.
    if (/^data-(og[sb][cb]?|theme|color-mode|color-scheme|mode|bs-theme)$/.test(name)) continue;
    const value = element.attributes[name];
    if (value === undefined) return false;
    if (match[2] === '=' && value !== match[3]) return false;
  }
  return true;
}

function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && char === separator) {
      out.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  out.push(current);
  return out;
}
