/**
 * The adapters' parsers, imported on first use (never at module top level) so that loading
 * brandlint costs nothing until a file of that kind is parsed. Each loader caches its module.
 */
import { importModule } from '../core/dynamic-import.js';
import type { DefaultTreeAdapterTypes, ParserError } from 'parse5';

export type HtmlRoot = DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;

export interface HtmlParser {
  /**
   * Parses a document (`fragment: false`) or a fragment (as `<template>` content, where `<td>`
   * and `<tr>` outside a table survive) with parse5, source locations on (elements, their start
   * and end tags, each attribute), scripting off; the parse errors come back in order.
   */
  parse(text: string, options: { fragment: boolean }): { tree: HtmlRoot; errors: ParserError[] };
}

let htmlParser: Promise<HtmlParser> | undefined;

export function loadHtmlParser(): Promise<HtmlParser> {
  htmlParser ??= import('parse5').then(({ parse, parseFragment, defaultTreeAdapter }) => {
    // parse5 copies a node's whole location each time it moves its end (every run of text added to
    // a text node, every closed element); a node's location is its own (parse5 builds one per
    // element and per text node), so an end that only moves is set in place. An element's end tag
    // adds a property, `endTag`: added in place, it gave every element's location a hidden class
    // of its own (V8 does not share the transitions of objects that parse5 made by spreading),
    // 40 MB of hidden classes for a 5 MB page of 136,000 elements. That one gets a copy, as parse5 does.
    const treeAdapter: typeof defaultTreeAdapter = {
      ...defaultTreeAdapter,
      updateNodeSourceCodeLocation(node, endLocation) {
        if (node.sourceCodeLocation && !('endTag' in endLocation)) Object.assign(node.sourceCodeLocation, endLocation);
        else defaultTreeAdapter.updateNodeSourceCodeLocation(node, endLocation);
      },
    };
    return {
      parse(text, options) {
        const errors: ParserError[] = [];
        const settings = {
          sourceCodeLocationInfo: true,
          scriptingEnabled: false,
          treeAdapter,
          onParseError: (error: ParserError) => void errors.push(error),
        };
        const tree = options.fragment ? parseFragment(text, settings) : parse(text, settings);
        return { tree, errors };
      },
    };
  });
  return htmlParser;
}

/** postcss's CSS parser. */
export type Postcss = { parse(css: string): import('postcss').Root };
export type PostcssScss = { parse: typeof import('postcss-scss').parse };

let postcss: Promise<Postcss> | undefined;
let postcssScss: Promise<PostcssScss> | undefined;

/**
 * `postcss.parse`, except that a node's `source.start` and `source.end` hold only their `offset`:
 * postcss works out the line and column of both ends of every node (two searches and two objects
 * each, a million declarations in a large stylesheet), and the adapters read offsets only. An
 * unclosed block is reported at the line and column postcss gives it.
 */
export function loadPostcss(): Promise<Postcss> {
  postcss ??= Promise.all([import('postcss/lib/parser'), import('postcss/lib/input')]).then(([{ default: Parser }, { default: Input }]) => {
    class OffsetParser extends Parser {
      override getPosition(offset: number): { offset: number } {
        return { offset };
      }

      override unclosedBlock(): never {
        const place = this.input.fromOffset(this.current.source?.start?.offset ?? 0);
        throw this.input.error('Unclosed block', place?.line ?? 1, place?.col ?? 1);
      }
    }
    return {
      parse(css: string) {
        const parser = new OffsetParser(new Input(css));
        parser.parse();
        return parser.root;
      },
    };
  });
  return postcss;
}

export function loadPostcssScss(): Promise<PostcssScss> {
  postcssScss ??= import('postcss-scss').then((module) => ({ parse: module.parse }));
  return postcssScss;
}

export type EntityDecoderModule = typeof import('entities/decode');

let entities: Promise<EntityDecoderModule> | undefined;

/** `entities` is what parse5 decodes character references with. */
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
