/** Standalone stylesheets: `.css` (postcss) and `.scss` (postcss-scss: `//` comments, `$var` declarations). */
import type { ContentDocument } from '../core/document.js';
import { DocumentBuilder, identity, type DocumentInput } from './builder.js';
import { walkCss } from './css.js';
import { loadPostcss, loadPostcssScss } from './deps.js';
import { findTemplateSpans } from './template.js';

export type StylesheetInput = Omit<DocumentInput, 'format'> & { format?: 'css' | 'scss' };

export async function parseStylesheet(input: StylesheetInput): Promise<ContentDocument> {
  const format = input.format ?? (input.file.toLowerCase().endsWith('.scss') ? 'scss' : 'css');
  const builder = new DocumentBuilder({ ...input, format });
  await readStylesheet(builder, format);
  return builder.document;
}

/** Adds the declarations of the builder's text, read as CSS or SCSS. */
export async function readStylesheet(builder: DocumentBuilder, format: 'css' | 'scss'): Promise<void> {
  const postcss = await loadPostcss();
  const scss = format === 'scss' ? await loadPostcssScss() : undefined;
  const { text } = builder;
  for (const span of findTemplateSpans(text)) builder.document.templateRanges.push(builder.range(span.start, span.end));
  walkCss(builder, scss ? { postcss, scss } : { postcss }, {
    css: text,
    map: identity,
    origin: 'stylesheet',
    // Custom properties are fine in a stylesheet, except one that email HTML links.
    customPropertiesAllowed: builder.document.channel !== 'email',
    comments: true,
    reportProblems: true,
  });
}
