/**
 * The channel adapters' entry point: one file in, one `ContentDocument` out, with exact
 * positions. The adapter is picked by channel and file format; parsers load on first use.
 * Bad input never throws: it becomes `parseProblems` on a document holding what could be read.
 */
import type { Channel } from '../core/channels.js';
import type { ContentDocument } from '../core/document.js';
import { DocumentBuilder } from './builder.js';
import { parseArticle } from './article.js';
import { parseChatbot } from './chatbot.js';
import { parseEmail } from './email.js';
import { parseLanding, type ReadFile } from './landing.js';
import { parsePrint } from './print.js';
import { parseSocial } from './social.js';

export type { LinkedStylesheet, PageDocument, ReadFile } from './landing.js';
export { parseArticle } from './article.js';
export { parseChatbot } from './chatbot.js';
export { parseEmail } from './email.js';
export { parseLanding } from './landing.js';
export { parsePrint, parseSvg } from './print.js';
export { parseSocial } from './social.js';
export { parseStylesheet } from './stylesheet.js';

export interface ParseContentInput {
  /** Display path (relative, forward slashes). */
  file: string;
  absolutePath: string;
  text: string;
  channel: Channel;
  /** Source format; default from the file extension ({@link detectFormat}). */
  format?: string;
  /** Reads linked local stylesheets of a landing page (default: from disk). URLs are never fetched. */
  readFile?: ReadFile;
}

const FORMATS: Record<string, string> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.njk': 'html',
  '.hbs': 'html',
  '.handlebars': 'html',
  '.liquid': 'html',
  '.jinja': 'html',
  '.jinja2': 'html',
  '.j2': 'html',
  '.twig': 'html',
  '.mjml': 'mjml',
  '.eml': 'eml',
  '.css': 'css',
  '.scss': 'scss',
  '.lg': 'lg',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.adoc': 'asciidoc',
  '.asciidoc': 'asciidoc',
  '.asc': 'asciidoc',
  '.txt': 'text',
  '.tweet': 'text',
  '.csv': 'csv',
  '.svg': 'svg',
  '.pdf': 'pdf',
};

/** What {@link detectFormat} says of an extension no adapter reads (`tailwind.config.js`, `intents.lu`). */
export const UNKNOWN_FORMAT = 'unknown';

/**
 * The format of a file from its extension: `html` (also Nunjucks, Jinja, Handlebars, Liquid and
 * Twig pages), `mjml`, `eml`, `css`, `scss`, `lg`, `yaml`, `json`, `markdown`, `mdx`, `asciidoc`,
 * `text` (`.txt`, `.tweet`), `csv`, `svg`, `pdf`; {@link UNKNOWN_FORMAT} for anything else (never read as HTML:
 * `tailwind.config.js` is not a page). The chatbot adapter refines `yaml`/`json` to `rasa` or
 * `bot-script` from the content.
 */
export function detectFormat(file: string): string {
  const lower = file.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
  return (dot > slash && Object.hasOwn(FORMATS, lower.slice(dot)) && FORMATS[lower.slice(dot)]) || UNKNOWN_FORMAT;
}

export async function parseContent(input: ParseContentInput): Promise<ContentDocument> {
  const format = input.format ?? detectFormat(input.file);
  const base = { file: input.file, absolutePath: input.absolutePath, text: input.text, channel: input.channel };
  try {
    // Long-form copy: every format the article adapter reads (a `.html` article is not one of them).
    if (input.channel === 'article' && format !== 'html') return await parseArticle({ ...base, format });
    switch (format) {
      case 'svg':
      case 'pdf':
        if (input.channel === 'print') return await parsePrint({ ...base, format });
        return unsupported(input, format);
      case 'mjml':
      case 'eml':
        return await parseEmail({ ...base, format });
      case 'css':
      case 'scss':
        return await parseLanding({ ...base, format });
      case 'lg':
      case 'yaml':
      case 'json':
      case 'rasa':
      case 'bot-script':
        if (input.channel === 'chatbot') return await parseChatbot({ ...base, format });
        return unsupported(input, format);
      case 'markdown':
      case 'csv':
        if (input.channel === 'social') return await parseSocial({ ...base, format });
        return unsupported(input, format);
      case UNKNOWN_FORMAT:
        return unsupported(input, format);
      case 'text':
        // A plain-text post: the whole file is one post.
        if (input.channel === 'social') return await parseSocial({ ...base, format });
        if (input.channel === 'email') return await parseEmail({ ...base, format: 'html' });
        return unsupported(input, format);
      default:
        if (input.channel === 'email') return await parseEmail({ ...base, format: 'html' });
        if (input.channel === 'landing') {
          return await parseLanding({ ...base, format: 'html', ...(input.readFile ? { readFile: input.readFile } : {}) });
        }
        return unsupported(input, format);
    }
  } catch (error) {
    // A bug met on odd input: report it on the file instead of failing the run.
    const builder = new DocumentBuilder({ ...base, format });
    builder.problem('parse/internal', `the ${input.channel} adapter could not read this file: ${error instanceof Error ? error.message : String(error)}`, null);
    return builder.document;
  }
}

function unsupported(input: ParseContentInput, format: string): ContentDocument {
  const builder = new DocumentBuilder({ file: input.file, absolutePath: input.absolutePath, text: input.text, channel: input.channel, format });
  const slash = Math.max(input.file.lastIndexOf('/'), input.file.lastIndexOf('\\'));
  const dot = input.file.lastIndexOf('.');
  const what = format === UNKNOWN_FORMAT ? (dot > slash + 1 ? `${input.file.slice(dot).toLowerCase()} files` : 'files without an extension') : `${format} files`;
  builder.problem('parse/unsupported', `no adapter reads ${what} of the ${input.channel} channel`, null);
  return builder.document;
}
