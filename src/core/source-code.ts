/**
 * One source object per document (as ESLint's `SourceCode`): the views that rules and the
 * campaign extraction derive from a `ContentDocument` (its prose grouped per message and masked,
 * each message's assembled text, which spans hold template syntax, where a character of a style
 * value sits in the file), each computed on first use and then shared by every reader of the
 * document. Rules keep no caches of their own keyed by documents.
 */
import type { ContentDocument, Message, ProseScope, StyleDeclaration, TextRun } from './document.js';
import { textOffsetOf } from './document.js';
import { IntervalIndex } from './intervals.js';
import { assembleMessageText, type MessageText } from './message-text.js';
import type { Range } from './position.js';
import { DEFAULT_LOCALE, findMasks, isCodeElement, maskText, ProseRun, resolveLocale, type MessageProse, type ProseMask } from './prose.js';
import { TEMPLATE_TEXT } from './template.js';

export class SourceCode {
  #prose: MessageProse[] | undefined;
  readonly #masks = new Map<TextRun, readonly ProseMask[]>();
  readonly #messageTexts = new Map<string, readonly MessageText[]>();
  readonly #views = new Map<symbol, unknown>();
  #codeSpans: IntervalIndex<number> | undefined;
  #templates: IntervalIndex<number> | undefined;
  #langSpans: IntervalIndex<{ start: number; end: number; locale: string }> | undefined;
  #hidingGroups: Set<number> | undefined;

  /**
   * @param defaultLocale The configured locale (`locale` in the configuration): what rules whose
   *   entries apply by default only to the brand's own language compare a run's language with.
   */
  constructor(
    readonly document: ContentDocument,
    readonly defaultLocale: string = DEFAULT_LOCALE,
  ) {}

  /** Shorthand for the document's text. */
  get text(): string {
    return this.document.text;
  }

  // ----- prose -----

  /**
   * The prose of every message, in message order; runs keep document order. Runs whose message
   * id names no message are grouped under a synthetic message of the document.
   */
  get prose(): readonly MessageProse[] {
    this.#prose ??= this.#buildProse();
    return this.#prose;
  }

  /**
   * The spans of a run that are not prose (code elements, template syntax, URLs, addresses,
   * hashtags, mentions), in text order and not overlapping. Shared by the prose extraction and
   * the channel-limit rules' message texts.
   */
  masksOf(run: TextRun): readonly ProseMask[] {
    let masks = this.#masks.get(run);
    if (!masks) {
      masks = findMasks(run.text, this.#knownMasks(run));
      this.#masks.set(run, masks);
    }
    return masks;
  }

  /** The runs of `scopes` grouped by message, each message's text assembled (document order). */
  messageTexts(scopes: readonly ProseScope[]): readonly MessageText[] {
    const key = [...new Set(scopes)].sort().join(' ');
    let texts = this.#messageTexts.get(key);
    if (!texts) {
      texts = this.#assembleMessageTexts(new Set(scopes));
      this.#messageTexts.set(key, texts);
    }
    return texts;
  }

  // ----- template syntax -----

  /**
   * Whether `[start, end)` of the file overlaps template syntax, or `text` contains some. Such a
   * value is filled in at send time: rules never judge it.
   */
  touchesTemplate(start: number, end: number, text: string): boolean {
    return TEMPLATE_TEXT.test(text) || this.#templateIndex().overlaps(start, end);
  }

  // ----- style values -----

  /**
   * File range of `[start, end)` of a declaration's value (offsets into `declaration.value`),
   * exact also where the value was decoded from entities or escapes (its `valueMap`).
   */
  valueRange(declaration: StyleDeclaration, start: number, end: number): Range {
    const from = valueOffsetOf(declaration, start);
    const to = end > start ? valueOffsetOf(declaration, end) : from;
    return this.document.lines.rangeAt(from, Math.max(from, to));
  }

  /**
   * Whether a declaration's value stands in the file exactly as `value` (no entity or escape
   * decoded): only then can a fix replace part of it with new text.
   */
  isVerbatim(declaration: StyleDeclaration): boolean {
    if (declaration.valueMap) return false;
    const { valueStart, valueEnd } = declaration;
    return valueEnd - valueStart === declaration.value.length && this.text.startsWith(declaration.value, valueStart);
  }

  /**
   * Groups (CSS rules, the `style=""` of one element) that hide what they apply to: a
   * `display: none` or `mso-hide: all` among their declarations. What is set there is never seen.
   */
  get hidingGroups(): ReadonlySet<number> {
    if (!this.#hidingGroups) {
      const groups = new Set<number>();
      for (const declaration of this.document.styles) {
        const { property } = declaration;
        if (property !== 'display' && property !== 'mso-hide') continue;
        const value = declaration.value.trim().toLowerCase();
        if ((property === 'display' && value === 'none') || (property === 'mso-hide' && value === 'all')) groups.add(declaration.groupId);
      }
      this.#hidingGroups = groups;
    }
    return this.#hidingGroups;
  }

  // ----- views of other layers -----

  /**
   * A view that a family of rules derives from the document and shares (Vale's blocks): computed
   * by `build` on first use for `key` (a symbol of the module that owns the view), then kept with
   * this source object for as long as the document is linted.
   */
  view<View>(key: symbol, build: (source: SourceCode) => View): View {
    if (this.#views.has(key)) return this.#views.get(key) as View;
    const view = build(this);
    this.#views.set(key, view);
    return view;
  }

  // ----- internals -----

  #buildProse(): MessageProse[] {
    const { document } = this;
    const groups = new Map<string, MessageProse>();
    for (const message of document.messages) {
      groups.set(message.id, { message, locale: resolveLocale(document, null, message), runs: [] });
    }
    for (const run of document.textRuns) {
      let group = groups.get(run.messageId);
      if (!group) {
        const message: Message = { id: run.messageId, kind: 'document', range: run.range };
        group = { message, locale: resolveLocale(document, null, null), runs: [] };
        groups.set(run.messageId, group);
      }
      const locale = resolveLocale(document, run, group.message);
      const masks = this.masksOf(run);
      for (const part of this.#localeParts(run, locale)) {
        // A part in another language (`<span lang="fr">`) is its own prose run over the same text,
        // with everything outside the part masked: offsets stay those of the run.
        const whole = part.start === 0 && part.end === run.text.length;
        const inside = whole ? [...masks] : masks.filter((mask) => mask.start >= part.start && mask.end <= part.end);
        const hidden = whole ? inside : [...inside, ...outsideOf(run.text, part.start, part.end)].sort((x, y) => x.start - y.start);
        group.runs.push(new ProseRun(run, run.scope, part.locale, maskText(run.text, hidden), inside));
      }
    }
    return [...groups.values()];
  }

  /** Code elements, then the adapter's template ranges, overlapping a run: as text offsets of the run. */
  #knownMasks(run: TextRun): ProseMask[] {
    const runStart = run.range.start.offset;
    const runEnd = run.range.end.offset;
    const known: ProseMask[] = [];
    const add = (kind: ProseMask['kind'], from: number, to: number): void => {
      // Inline `<code>` inside a paragraph is part of the paragraph's run: mask its span.
      const start = textOffsetOf(run, from);
      const end = textOffsetOf(run, to);
      if (end > start) known.push({ kind, start, end, text: run.text.slice(start, end) });
    };
    const { elements, templateRanges } = this.document;
    for (const id of this.#codeIndex().overlapping(runStart, runEnd)) {
      const element = elements[id]!;
      add('code', element.range.start.offset, element.range.end.offset);
    }
    for (const index of this.#templateIndex().overlapping(runStart, runEnd)) {
      const range = templateRanges[index]!;
      add('template', range.start.offset, range.end.offset);
    }
    return known;
  }

  /**
   * A run split by the inline elements inside it that carry their own `lang` (a French phrase in
   * an English paragraph): the run's locale around them, theirs inside. One part when there are none.
   */
  #localeParts(run: TextRun, locale: string): Array<{ start: number; end: number; locale: string }> {
    const runStart = run.range.start.offset;
    const runEnd = run.range.end.offset;
    const inner: Array<{ start: number; end: number; locale: string }> = [];
    for (const element of this.#langIndex().overlapping(runStart, runEnd)) {
      const { start, end } = element;
      // Elements around the whole run gave the run its locale already.
      if (start <= runStart && end >= runEnd) continue;
      const part = { start: textOffsetOf(run, Math.max(start, runStart)), end: textOffsetOf(run, Math.min(end, runEnd)), locale: element.locale };
      if (part.end > part.start && part.locale !== '' && !inner.some((other) => other.start < part.end && part.start < other.end)) inner.push(part);
    }
    if (inner.length === 0) return [{ start: 0, end: run.text.length, locale }];
    inner.sort((a, b) => a.start - b.start);
    const parts: Array<{ start: number; end: number; locale: string }> = [];
    let at = 0;
    for (const part of inner) {
      if (part.start > at) parts.push({ start: at, end: part.start, locale });
      parts.push(part);
      at = part.end;
    }
    if (at < run.text.length) parts.push({ start: at, end: run.text.length, locale });
    return parts;
  }

  #codeIndex(): IntervalIndex<number> {
    this.#codeSpans ??= new IntervalIndex(
      this.document.elements
        .filter((element) => isCodeElement(element.tag))
        .map((element) => ({ start: element.range.start.offset, end: element.range.end.offset, value: element.id })),
    );
    return this.#codeSpans;
  }

  #templateIndex(): IntervalIndex<number> {
    this.#templates ??= new IntervalIndex(this.document.templateRanges.map((range, index) => ({ start: range.start.offset, end: range.end.offset, value: index })));
    return this.#templates;
  }

  #langIndex(): IntervalIndex<{ start: number; end: number; locale: string }> {
    this.#langSpans ??= new IntervalIndex(
      this.document.elements.flatMap((element) => {
        const lang = element.attributes['lang'] ?? element.attributes['xml:lang'];
        if (!lang) return [];
        const span = { start: element.range.start.offset, end: element.range.end.offset };
        return [{ ...span, value: { ...span, locale: lang.trim() } }];
      }),
    );
    return this.#langSpans;
  }

  #assembleMessageTexts(wanted: ReadonlySet<ProseScope>): MessageText[] {
    const { document } = this;
    const byMessage = new Map<string, TextRun[]>();
    for (const run of document.textRuns) {
      if (!wanted.has(run.scope)) continue;
      const list = byMessage.get(run.messageId);
      if (list) list.push(run);
      else byMessage.set(run.messageId, [run]);
    }
    const messages = new Map(document.messages.map((message) => [message.id, message]));
    return [...byMessage].map(([messageId, runs]) => assembleMessageText(this, messageId, messages.get(messageId), runs));
  }
}

/** Masks for the text of a run outside `[start, end)`. */
function outsideOf(text: string, start: number, end: number): ProseMask[] {
  const out: ProseMask[] = [];
  if (start > 0) out.push({ kind: 'code', start: 0, end: start, text: text.slice(0, start) });
  if (end < text.length) out.push({ kind: 'code', start: end, end: text.length, text: text.slice(end) });
  return out;
}

/** File offset of an offset into a declaration's value. */
function valueOffsetOf(declaration: StyleDeclaration, offset: number): number {
  const base = declaration.valueStart;
  const map = declaration.valueMap;
  if (!map || map.length === 0) return base + offset;
  // Anchors `[valueOffset, fileOffset]`, ascending: the last one at or before `offset` decides.
  let low = 0;
  let high = map.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (map[mid]![0] <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return base + offset;
  const [valueOffset, fileOffset] = map[found]!;
  return fileOffset + (offset - valueOffset);
}
