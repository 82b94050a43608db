/**
 * Contexts of a brand model (light/dark, sub-brands): finding one by its input, and the brand
 * model a content file is checked against when the configuration maps it to a context
 * (`contexts.files`): the same brand with that context's palette.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { findContext } from '../core/style-context.js';
import type { BrandContext, BrandContexts, BrandModel, ContextInput } from './brand-model.js';

const derived = new WeakMap<BrandModel, Map<string, BrandModel>>();
const matchers = new WeakMap<BrandContexts, Array<{ matches: (file: string) => boolean; input: ContextInput }>>();

/** The brand model with `context` active: its palette, and scopes resolved from its input. */
export function withContext(brand: BrandModel, context: BrandContext): BrandModel {
  const contexts = brand.contexts;
  if (!contexts) return brand;
  let cache = derived.get(brand);
  if (!cache) {
    cache = new Map();
    derived.set(brand, cache);
  }
  let model = cache.get(context.name);
  if (!model) {
    model = { ...brand, palette: context.palette, contexts: { ...contexts, active: context.input } };
    cache.set(context.name, model);
  }
  return model;
}

/**
 * The brand a content file is checked against: the context `contexts.files` maps it to (the
 * last matching entry wins), else the brand as it is.
 */
export function brandForFile<B extends BrandModel | null>(brand: B, absolutePath: string): B | BrandModel {
  const contexts = brand?.contexts;
  if (!brand || !contexts || contexts.files.length === 0) return brand;
  let list = matchers.get(contexts);
  if (!list) {
    list = contexts.files.map((entry) => ({ matches: picomatch(entry.files.map(toPosix), { dot: true }), input: entry.input }));
    matchers.set(contexts, list);
  }
  const file = toPosix(absolutePath);
  let input: ContextInput | undefined;
  for (const entry of list) if (entry.matches(file)) input = entry.input;
  if (!input) return brand;
  const context = findContext(contexts, input);
  return context ? withContext(brand, context) : brand;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
