/**
 * The adapters' parsers, imported on first use (never at module top level) so that loading
 * brandlint costs nothing until a file of that kind is parsed. Each loader caches its module.
 */
import { importModule } from '../core/dynamic-import.js';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

export interface HtmlParser {
  /**
   * Parses a document (`fragment: false`) or a fragment (as `<template>` content, where `<td>`
   * and `<tr>` outside a table survive); parse errors land in `file.messages`.
   */
  parse(text: string, options: { fragment: boolean }): { tree: Root; file: VFile };
}

let htmlParser: Promise<HtmlParser> | undefined;

export function loadHtmlParser(): Promise<HtmlParser> {
  htmlParser ??= (async () => {
    const [{ unified }, { default: rehypeParse }, { VFile }] = await Promise.all([
      import('unified'),
      import('rehype-parse'),
      import('vfile'),
    ]);
    const documentProcessor = unified().use(rehypeParse, { fragment: false, emitParseErrors: true });
    const fragmentProcessor = unified().use(rehypeParse, { fragment: true, emitParseErrors: true });
    return {
      parse(text, options) {
        const file = new VFile(text);
        const tree = (options.fragment ? fragmentProcessor : documentProcessor).parse(file);
        return { tree, file };
      },
    };
  })();
  return htmlParser;
}

export type Postcss = typeof import('postcss').default;
export type PostcssScss = { parse: typeof import('postcss-scss').parse };

let postcss: Promise<Postcss> | undefined;
let postcssScss: Promise<PostcssScss> | undefined;

export function loadPostcss(): Promise<Postcss> {
  postcss ??= import('postcss').then((module) => module.default);
  return postcss;
}

export function loadPostcssScss(): Promise<PostcssScss> {
  postcssScss ??= import('postcss-scss').then((module) => ({ parse: module.parse }));
  return postcssScss;
}

export type EntityDecoderModule = typeof import('entities/decode');

let entities: Promise<EntityDecoderModule> | undefined;

/** `entities` is what parse5 (under rehype-parse) decodes character references with. */
export function loadEntities(): Promise<EntityDecoderModule> {
  entities ??= import('entities/decode');
  return entities;
}

export type PostalMimeClass = typeof import('postal-mime').default;

let postalMime: Promise<PostalMimeClass> | undefined;

export function loadPostalMime(): Promise<PostalMimeClass> {
  postalMime ??= importModule<typeof import('postal-mime')>('postal-mime').then((module) => module.default);
  return postalMime;
}
