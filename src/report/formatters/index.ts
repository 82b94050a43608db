import type { Formatter } from '../formatter.js';

/** Formatter name -> lazy loader: a run loads only the formatter it prints with. */
export const FORMATTERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  compact: async () => (await import('./compact.js')).compact,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(FORMATTERS);

/** The formatter of a name, or undefined when there is none. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name]!() : undefined;
}
