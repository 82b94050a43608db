import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { ContentDocument, SourceComment } from '../../src/core/document.js';
import { LineIndex } from '../../src/core/position.js';
import { defineRule, type DocumentRule } from '../../src/core/rule.js';
import type { ContentParser } from '../../src/engine/runner.js';

/**
 * A stand-in adapter for engine tests (they must not depend on the real adapters): records
 * HTML `<!-- -->` and CSS `/* *\/` comments, and a parse error at every `<<<BROKEN`.
 */
export const testParser: ContentParser = ({ file, absolutePath, text, channel }) => {
  const lines = new LineIndex(text);
  const comments: SourceComment[] = [];
  for (const match of text.matchAll(/<!--([\s\S]*?)-->|\/\*([\s\S]*?)\*\//g)) {
    const html = match[1] !== undefined;
    const body = (html ? match[1] : match[2]) ?? '';
    const bodyStart = match.index + (html ? 4 : 2);
    comments.push({
      text: body,
      range: lines.rangeAt(bodyStart, bodyStart + body.length),
      fullRange: lines.rangeAt(match.index, match.index + match[0].length),
      syntax: html ? 'html' : 'css',
    });
  }
  const parseProblems = [...text.matchAll(/<<<BROKEN/g)].map((match) => ({
    ruleId: 'html/parse-error',
    severity: 'error' as const,
    message: 'broken markup',
    file,
    range: lines.rangeAt(match.index, match.index + match[0].length),
  }));
  const document: ContentDocument = {
    file,
    absolutePath,
    channel,
    format: path.extname(file).slice(1) || 'html',
    text,
    lines,
    metadata: {},
    messages: [],
    textRuns: [],
    styles: [],
    elements: [],
    images: [],
    links: [],
    fontSources: [],
    comments,
    templateRanges: [],
    parseProblems,
  };
  return document;
};

/** Reports every `word` outside comments (with a fix to `replacement` when given). */
export function wordRule(id: string, word: string, options: { replacement?: string; fixable?: boolean } = {}): DocumentRule<unknown> {
  return defineRule<unknown>({
    meta: {
      id,
      description: `reports "${word}"`,
      category: 'voice',
      fixable: options.fixable ?? options.replacement !== undefined,
      defaultLevel: 'error',
      messages: { found: 'found "{word}"' },
    },
    check({ document, report }) {
      const inComment = (offset: number) => document.comments.some((c) => c.fullRange.start.offset <= offset && offset < c.fullRange.end.offset);
      for (const match of document.text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))) {
        if (inComment(match.index)) continue;
        const range = document.lines.rangeAt(match.index, match.index + word.length);
        report({
          messageId: 'found',
          data: { word },
          range,
          ...(options.replacement !== undefined
            ? { fix: { description: `use ${options.replacement}`, edits: [{ range, text: options.replacement }] } }
            : {}),
        });
      }
    },
  });
}

/** A rule with options: reports lines longer than `max`. */
export const lineLength = defineRule<{ max: number }>({
  meta: {
    id: 'test/line-length',
    description: 'line length',
    category: 'limits',
    fixable: false,
    defaultLevel: 'warn',
    messages: { long: 'line is {length} characters long (max {max})' },
    options: z.strictObject({ max: z.number().int().positive().default(20) }),
  },
  check({ document, options, report }) {
    let offset = 0;
    document.text.split('\n').forEach((line) => {
      if (line.length > options.max) {
        report({ messageId: 'long', data: { length: line.length, max: options.max }, range: document.lines.rangeAt(offset, offset + line.length) });
      }
      offset += line.length + 1;
    });
  },
}) as DocumentRule<unknown>;

/** A temporary folder (real path) with files, removed by `cleanup`. */
export async function tempProject(files: Record<string, string | Uint8Array> = {}): Promise<{ dir: string; write: (files: Record<string, string | Uint8Array>) => Promise<void>; cleanup: () => Promise<void> }> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'brandlint-engine-')));
  const write = async (entries: Record<string, string | Uint8Array>): Promise<void> => {
    for (const [name, content] of Object.entries(entries)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
  };
  await write(files);
  return { dir, write, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
