/**
 * The email adapter: HTML emails (`.html`/`.htm`), MJML (`.mjml`) and raw messages (`.eml`). One
 * message per file; subject, preheader, campaign and locale in the metadata.
 */
import type { ContentDocument, LocatedText, TextRun } from '../core/document.js';
import { DocumentBuilder, identity, shifted, type DocumentInput, type OffsetMap } from './builder.js';
import { loadPostalMime } from './deps.js';
import { walkHtml, type HtmlFacts } from './html.js';
import { findPart, readMimePart, type MimePart } from './mime.js';
import { TextBuffer } from './text-buffer.js';

export type EmailFormat = 'html' | 'mjml' | 'eml';
export type EmailInput = Omit<DocumentInput, 'format' | 'channel'> & { format?: EmailFormat; channel?: DocumentInput['channel'] };

const MESSAGE_ID = 'email';

export async function parseEmail(input: EmailInput): Promise<ContentDocument> {
  const format = input.format ?? emailFormatOf(input.file);
  const builder = new DocumentBuilder({ ...input, channel: input.channel ?? 'email', format });
  addMessage(builder);
  if (format === 'eml') await readEml(builder);
  else await readEmailHtml(builder, { html: builder.text, map: identity, mjml: format === 'mjml', exact: true });
  return builder.document;
}

export function emailFormatOf(file: string): EmailFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.mjml')) return 'mjml';
  if (lower.endsWith('.eml')) return 'eml';
  return 'html';
}

function addMessage(builder: DocumentBuilder): void {
  builder.document.messages.push({ id: MESSAGE_ID, kind: 'email', range: builder.range(0, builder.text.length) });
}

async function readEmailHtml(
  builder: DocumentBuilder,
  options: { html: string; map: OffsetMap; mjml: boolean; exact: boolean },
): Promise<HtmlFacts> {
  const facts = await walkHtml(builder, {
    html: options.html,
    map: options.map,
    mode: 'email',
    mjml: options.mjml,
    messageId: MESSAGE_ID,
    reportProblems: options.exact,
  });
  const { metadata } = builder.document;
  const metaSubject = facts.metas.get('subject');
  const subject: LocatedText | undefined = metaSubject
    ? { text: metaSubject.text.trim(), range: builder.document.lines.rangeAt(metaSubject.start, metaSubject.end) }
    : (facts.mjTitle ?? facts.title);
  if (subject && metadata.subject === undefined) metadata.subject = subject;
  if (facts.title) metadata.title = facts.title;
  const preheader = facts.mjPreview ?? facts.preheader;
  if (preheader) metadata.preheader = preheader;
  if (facts.lang) metadata.locale = facts.lang;
  applyCampaign(builder, facts);
  return facts;
}

/** `<meta name="campaign">`, else the `utm_campaign` of the links when they all agree. */
export function applyCampaign(builder: DocumentBuilder, facts: HtmlFacts): void {
  const { metadata } = builder.document;
  const meta = facts.metas.get('campaign');
  if (meta && meta.text.trim() !== '') {
    metadata.campaign = meta.text.trim();
    metadata.campaignRange = builder.document.lines.rangeAt(meta.start, meta.end);
    return;
  }
  const [first, ...rest] = facts.utmCampaigns;
  if (first && first.value !== '' && rest.every((other) => other.value === first.value)) {
    metadata.campaign = first.value;
    metadata.campaignRange = builder.document.lines.rangeAt(first.start, first.end);
  }
}

/** Bodies read as they are written: offsets are exact. Others are decoded and mapped to the part's start. */
const PLAIN_ENCODINGS = new Set(['7bit', '8bit', 'binary', '']);

async function readEml(builder: DocumentBuilder): Promise<void> {
  const { text } = builder;
  const root = readMimePart(text);
  if (!root) {
    builder.problem('parse/eml', 'not an email message: no header block (expected lines like "Subject: ...")', builder.range(0, Math.min(1, text.length)));
    return;
  }
  let decoded: { subject?: string; html?: string; text?: string } = {};
  try {
    const PostalMime = await loadPostalMime();
    decoded = await PostalMime.parse(text);
  } catch (error) {
    builder.problem('parse/eml', `cannot read the message: ${error instanceof Error ? error.message : String(error)}`, builder.range(0, 0));
  }

  const subjectHeader = root.headers.find((header) => header.name === 'subject');
  if (subjectHeader) {
    const raw = text.slice(subjectHeader.valueStart, subjectHeader.valueEnd);
    const subject = (decoded.subject ?? raw).trim();
    const exact = subject === raw.trim();
    const start = subjectHeader.valueStart + (exact ? raw.length - raw.trimStart().length : 0);
    const end = exact ? start + subject.length : subjectHeader.valueEnd;
    if (!exact) decodedPart(builder, subjectHeader.valueStart, subjectHeader.valueEnd);
    builder.document.metadata.subject = { text: subject, range: builder.range(start, end) };
    const run = runOf(builder, subject, start, end, exact, 'subject');
    if (run) builder.document.textRuns.push(run);
  }

  // RFC 3282 `Content-Language: de-DE` (the first of a list); an `<html lang>` in the body wins.
  const language = root.headers.find((header) => header.name === 'content-language');
  const locale = language ? text.slice(language.valueStart, language.valueEnd).split(',')[0]!.trim() : '';
  if (locale !== '') builder.document.metadata.locale = locale;

  const html = findPart(root, 'text/html');
  if (html) {
    const exact = isExact(html);
    if (!exact) decodedPart(builder, html.bodyStart, html.bodyEnd);
    await readEmailHtml(builder, {
      html: exact ? text.slice(html.bodyStart, html.bodyEnd) : (decoded.html ?? ''),
      map: exact ? shifted(identity, html.bodyStart) : () => html.bodyStart,
      mjml: false,
      exact,
    });
    return;
  }
  const plain = findPart(root, 'text/plain');
  if (plain) readPlainText(builder, plain, decoded.text ?? '');
}

/** Marks a part whose text was decoded: no fix may edit it (its offsets are not those of the file). */
function decodedPart(builder: DocumentBuilder, start: number, end: number): void {
  (builder.document.decodedRanges ??= []).push(builder.range(start, end));
}

function isExact(part: MimePart): boolean {
  const charset = (part.params['charset'] ?? 'utf-8').toLowerCase();
  return PLAIN_ENCODINGS.has(part.encoding) && (charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii');
}

/** A text-only message: each paragraph is a body run. */
function readPlainText(builder: DocumentBuilder, part: MimePart, decoded: string): void {
  const exact = isExact(part);
  if (!exact) decodedPart(builder, part.bodyStart, part.bodyEnd);
  const body = exact ? builder.text.slice(part.bodyStart, part.bodyEnd) : decoded;
  const paragraphs = /[^\r\n]+(?:\r?\n[^\r\n]+)*/g;
  for (let match = paragraphs.exec(body); match; match = paragraphs.exec(body)) {
    const start = exact ? part.bodyStart + match.index : part.bodyStart;
    const end = exact ? start + match[0].length : part.bodyStart;
    const run = runOf(builder, match[0], start, end, exact, 'body');
    if (run) builder.document.textRuns.push(run);
  }
}

function runOf(builder: DocumentBuilder, text: string, start: number, end: number, exact: boolean, scope: TextRun['scope']): TextRun | null {
  const buffer = new TextBuffer();
  buffer.append({ text, anchors: exact ? [] : [[text.length, end - start]] }, start, end, (offset) => offset);
  return buffer.toRun(builder.document.lines, { scope, messageId: MESSAGE_ID });
}
