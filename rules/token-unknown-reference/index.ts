import * as z from 'zod';
import { findVarReferences } from '../../src/core/css-color.js';
import { editDistance } from '../../src/core/edit-distance.js';
import { defineRule } from '../../src/core/rule.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

const options = z.strictObject({
  /**
   * Accept a reference that carries a fallback (`var(--bs-scroll-height, 75vh)`): the author
   * planned for the name to be missing. A name one or two edits from exactly one brand token is
   * still reported (a typo of the token, which the fallback would hide).
   */
  allowFallback: z.boolean().default(true),
  /**
   * More custom property names that exist without being brand tokens or defined in the file
   * (defined by a linked stylesheet or a framework): exact names, or prefixes ending in `*`
   * (`'--tw-*'`).
   */
  allow: z.array(z.string().regex(/^--[\w-]*\*?$/, 'a custom property name such as --tw-shadow or a prefix such as --tw-*')).default([]),
});

export type TokenUnknownReferenceOptions = z.infer<typeof options>;

/** A suggestion is fixed in only when it is this close (edits) and no other name is as close. */
const FIX_DISTANCE = 2;
/** Equally close names listed in a message. */
const MAX_SUGGESTIONS = 8;

export default defineRule<TokenUnknownReferenceOptions>({
  meta: {
    id: 'token-unknown-reference',
    description: 'var(--name) references name a brand token or a custom property the content defines.',
    category: 'visual',
    fixable: true,
    defaultLevel: 'error',
    messages: {
      unknownSuggest: '{name} is neither a brand token nor defined here; did you mean {suggestion}?',
      unknown: '{name} is neither a brand token nor defined here',
    },
    options,
  },
  check({ document, source, brand, options, report }) {
    if (!brand) return;
    const { names: tokens, closest: closestToken } = brandNamesOf(brand);
    const defined = new Set(document.styles.filter((d) => d.property.startsWith('--')).map((d) => d.property));
    const known = new Set([...tokens, ...defined]);
    const exact = new Set(options.allow.filter((entry) => !entry.endsWith('*')));
    const prefixes = options.allow.filter((entry) => entry.endsWith('*')).map((entry) => entry.slice(0, -1));
    const ownNames = [...defined].filter((name) => !tokens.has(name));
    // Frameworks repeat the same unknown variables hundreds of times: look each name up once.
    const suggestions = new Map<string, { names: string[]; distance: number }>();

    for (const declaration of document.styles) {
      const { value } = declaration;

      if (!/var\(/i.test(value)) continue;
      if (source.touchesTemplate(declaration.valueStart, declaration.valueEnd, value)) continue;
      // Offsets map into the file only when the value is written as the adapter read it.
      const verbatim = source.isVerbatim(declaration);

      for (const reference of findVarReferences(value)) {
        const { name } = reference;
        if (known.has(name) || exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix))) continue;
        if (options.allowFallback && reference.hasFallback) {
          const token = closestToken(name);
          if (!(token.names.length === 1 && token.distance <= FIX_DISTANCE)) continue;
        }
        const range = source.valueRange(declaration, reference.nameStart, reference.nameEnd);
        let closest = suggestions.get(name);
        if (!closest) suggestions.set(name, (closest = nearer(closestToken(name), closestNames(name, ownNames, suggestionLimit(name)))));
        // `--a-colored: var(--a-color)` never suggests `--a-colored`: the property would refer to itself (a cycle).
        if (closest.names.includes(declaration.property)) closest = { names: closest.names.filter((other) => other !== declaration.property), distance: closest.distance };
        const suggestion = closest.names[0];
        if (!suggestion || closest.distance > suggestionLimit(name)) {
          report({ messageId: 'unknown', data: { name }, range, actual: name });
          continue;
        }
        const fixable = verbatim && closest.distance <= FIX_DISTANCE && closest.names.length === 1;
        report({
          messageId: 'unknownSuggest',
          data: { name, suggestion: orList(closest.names.slice(0, MAX_SUGGESTIONS)) },
          range,
          actual: name,
          expected: closest.names,
          ...(fixable ? { fix: { description: `Use ${suggestion}`, edits: [{ range, text: suggestion }] } } : {}),
        });
      }
    }
  },
});

interface BrandNames {
  /** Every custom property the brand defines (one per token, as `brandlint build` names them). */
  names: Set<string>;
  /** The brand's names closest to a name (remembered: the same unknown names recur in every file). */
  closest(name: string): Closest;
}

type Closest = { names: string[]; distance: number };

const brandNames = new WeakMap<BrandModel, BrandNames>();

function brandNamesOf(brand: BrandModel): BrandNames {
  let found = brandNames.get(brand);
  if (!found) {
    const names = new Set(brand.variables.map((token) => token.cssVar));
    const candidates = [...names];
    const answers = new Map<string, Closest>();
    found = {
      names,
      closest(name) {
        let answer = answers.get(name);
        if (!answer) {
          answer = closestNames(name, candidates, suggestionLimit(name));
          if (answers.size >= 10_000) answers.clear();
          answers.set(name, answer);
        }
        return answer;
      },
    };
    brandNames.set(brand, found);
  }
  return found;
}

/** The closer of two answers; both names at the same distance (sorted, without repeats). */
function nearer(a: Closest, b: Closest): Closest {
  if (a.names.length === 0) return b.names.length === 0 ? { names: [], distance: Math.min(a.distance, b.distance) } : b;
  if (b.names.length === 0 || a.distance < b.distance) return a;
  if (b.distance < a.distance) return b;
  return { names: [...new Set([...a.names, ...b.names])].sort(), distance: a.distance };
}

/** How far a suggestion may be: a third of the name (at least 2 edits), so `--foo` never suggests `--font-size-sm`. */
function suggestionLimit(name: string): number {
  return Math.max(FIX_DISTANCE, Math.floor((name.length - 2) / 3));
}

/**
 * The candidates at the smallest edit distance from `name` (sorted), if it is at most `limit`;
 * else no names. The limit prunes the search: most unknown names have no close candidate, and a
 * framework stylesheet has hundreds of custom properties to compare with.
 */
function closestNames(name: string, candidates: readonly string[], limit: number): { names: string[]; distance: number } {
  let best = limit;
  let names: string[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > best) continue;
    const distance = editDistance(name, candidate, best);
    if (distance < best) {
      best = distance;
      names = [candidate];
    } else if (distance === best) names.push(candidate);
  }
  return { names: names.sort(), distance: best };
}


/** `A`, `A or B`, `A, B or C`. */
function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

