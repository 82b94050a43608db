/**
 * Disable directives in comments of any syntax the adapters record (HTML, CSS, YAML, Markdown, LG):
 *
 *   brandlint-disable [rule-id, ...]              until brandlint-enable or the end of the file
 *   brandlint-enable [rule-id, ...]
 *   brandlint-disable-line [rule-id, ...]         the line(s) of the comment
 *   brandlint-disable-next-line [rule-id, ...]    the line after the comment
 *
 * Rule ids are separated by commas or spaces; no ids means every rule; ` -- ` starts a reason.
 * Vale's comments work too, on the rules of Vale styles (ids such as `Google.Will`) only:
 *
 *   vale off | vale on                            every Vale rule, until the other one
 *   vale Style.Rule = NO | YES                    one rule (or `vale Style = NO`: a whole style)
 *
 * They belong to Vale as much as to brandlint, so they are never reported as unused or unknown.
 *
 * Only rule findings can be disabled: parse problems, file and internal problems cannot.
 * Unknown rule ids (`brandlint/unknown-rule`) and directives that suppressed nothing
 * (`brandlint/unused-directive`) are reported at the comment, as ESLint's
 * `reportUnusedDisableDirectives` does.
 */
import { didYouMean } from '../core/data-file.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { SourceComment } from '../core/document.js';
import type { LineIndex, Range } from '../core/position.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface DirectiveRuleId {
  id: string;
  /** Where the id is written; the comment's range when that cannot be known. */
  range: Range;
}

export interface Directive {
  kind: DirectiveKind;
  /** Null: every rule. */
  rules: DirectiveRuleId[] | null;
  /** The text after ` -- `, if any. */
  reason?: string;
  comment: SourceComment;
  /** Offset from which a block directive applies. */
  offset: number;
  /** Lines a line directive applies to (inclusive). */
  lines?: { from: number; to: number };
  /** A Vale comment (`vale off`, `vale Google.Will = NO`): it names Vale rules only and is never reported. */
  vale?: true;
}

const VALE_DIRECTIVE = /^\s*vale\s+(?:(off|on)|([\w-]+(?:\.[\w-]+)?\s*=\s*(?:YES|NO)(?:\s*,\s*[\w-]+(?:\.[\w-]+)?\s*=\s*(?:YES|NO))*))\s*$/i;

/** A Vale rule id (`Style.Rule`), as opposed to brandlint's (`rule-id`, `pack/rule`). */
function isValeRuleId(id: string): boolean {
  return /^[^/.\s]+\.[^/\s]+$/.test(id);
}

/** The directives of a Vale comment: one per `Style.Rule = NO|YES`, or one for `vale off`/`vale on`. */
function valeDirectives(comment: SourceComment): Directive[] {
  const match = VALE_DIRECTIVE.exec(comment.text);
  if (!match) return [];
  const offset = comment.fullRange.start.offset;
  if (match[1]) return [{ kind: match[1].toLowerCase() === 'off' ? 'disable' : 'enable', rules: null, comment, offset, vale: true }];
  return [...match[2]!.matchAll(/([\w-]+(?:\.[\w-]+)?)\s*=\s*(YES|NO)/gi)].map((setting) => ({
    kind: setting[2]!.toUpperCase() === 'NO' ? 'disable' : 'enable',
    rules: [{ id: setting[1]!, range: comment.fullRange }],
    comment,
    offset,
    vale: true,
  }));
}

const DIRECTIVE = /^\s*brandlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
const REASON = /\s-{2,}(?:\s|$)/;

/** The directives in a document's comments, in file order. */
export function parseDirectives(comments: readonly SourceComment[], lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) {
      directives.push(...valeDirectives(comment));
      continue;
    }
    const kind = match[1] as DirectiveKind;
    let body = comment.text.slice(match[0].length);
    let reason: string | undefined;
    const reasonAt = REASON.exec(body);
    if (reasonAt) {
      reason = body.slice(reasonAt.index + reasonAt[0].length).trim();
      body = body.slice(0, reasonAt.index);
    }
    // Ids can be positioned exactly when the comment body maps 1:1 onto the file.
    const exact = comment.range.end.offset - comment.range.start.offset === comment.text.length;
    const rules: DirectiveRuleId[] = [];
    for (const id of body.matchAll(/[^\s,]+/g)) {
      const start = comment.range.start.offset + match[0].length + id.index;
      rules.push({ id: id[0], range: exact ? lines.rangeAt(start, start + id[0].length) : comment.fullRange });
    }
    const directive: Directive = {
      kind,
      rules: rules.length > 0 ? rules : null,
      ...(reason ? { reason } : {}),
      comment,
      offset: comment.fullRange.start.offset,
    };
    if (kind === 'disable-line') directive.lines = { from: comment.fullRange.start.line, to: comment.fullRange.end.line };
    if (kind === 'disable-next-line') directive.lines = { from: comment.fullRange.end.line + 1, to: comment.fullRange.end.line + 1 };
    directives.push(directive);
  }
  return directives.sort((a, b) => a.offset - b.offset);
}

export interface ApplyDirectivesOptions {
  file: string;
  /** Rule ids a directive may name. */
  knownIds: ReadonlySet<string>;
  /** Severity of `brandlint/unused-directive`; null: not reported. */
  unusedSeverity: Severity | null;
  /** Severity of `brandlint/unknown-rule`; null: not reported. */
  unknownSeverity: Severity | null;
  /**
   * Ids whose unused directives are not reported here: campaign rules, whose findings only come
   * after every file is linted (the campaign phase applies those directives and judges them).
   */
  deferredIds?: ReadonlySet<string>;
}

/**
 * Drops the rule findings directives disable and reports unknown and unused directives.
 * `diagnostics` must be rule findings only (things directives may disable).
 */
export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
  options: ApplyDirectivesOptions,
): { diagnostics: Diagnostic[]; problems: Diagnostic[] } {
  if (directives.length === 0) return { diagnostics: [...diagnostics], problems: [] };
  const used = new Set<string>();
  const useKey = (index: number, directive: Directive, id: string): string => {
    if (directive.rules === null) return `${index}:*`;
    // Credit the id the directive wrote: a rule pack's id for the findings of its rules.
    const named = directive.rules.find((rule) => rule.id === id) ?? directive.rules.find((rule) => id.startsWith(`${rule.id}/`) || id.startsWith(`${rule.id}.`));
    return `${index}:${named?.id ?? id}`;
  };

  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.range) {
      kept.push(diagnostic);
      continue;
    }
    const { line, offset } = diagnostic.range.start;
    const by = suppressorOf(directives, diagnostic.ruleId, line, offset);
    if (by === null) kept.push(diagnostic);
    else used.add(useKey(by, directives[by]!, diagnostic.ruleId));
  }

  const problems: Diagnostic[] = [];
  const report = (ruleId: string, severity: Severity, message: string, range: Range): void => {
    problems.push({ ruleId, severity, message, file: options.file, range });
  };
  const enabledUnused = unusedEnables(directives);
  directives.forEach((directive, index) => {
    if (directive.vale) return;
    const keyword = `brandlint-${directive.kind}`;
    const known = (directive.rules ?? []).filter((rule) => {
      if (options.knownIds.has(rule.id)) return true;
      if (options.unknownSeverity) {
        // `pack/rul` should suggest a rule of the pack, not the pack itself.
        const candidates = rule.id.includes('/') ? [...options.knownIds].filter((id) => id.includes('/')) : options.knownIds;
        const suggestion = didYouMean(rule.id, candidates);
        report(
          'brandlint/unknown-rule',
          options.unknownSeverity,
          `unknown rule "${rule.id}" in ${keyword}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
          rule.range,
        );
      }
      return false;
    });
    if (!options.unusedSeverity) return;
    if (directive.kind === 'enable') {
      for (const id of enabledUnused.get(index) ?? []) {
        if (id !== null && !options.knownIds.has(id)) continue;
        const range = (directive.rules && directive.rules.length > 1 ? directive.rules.find((r) => r.id === id)?.range : undefined) ?? directive.comment.fullRange;
        const what = id === null ? 'no rule was disabled' : `"${id}" was not disabled`;
        report('brandlint/unused-directive', options.unusedSeverity, `unused ${keyword} directive (${what})`, range);
      }
      return;
    }
    if (directive.rules === null) {
      if (!used.has(`${index}:*`)) {
        report('brandlint/unused-directive', options.unusedSeverity, `unused ${keyword} directive (no problems were reported)`, directive.comment.fullRange);
      }
      return;
    }
    for (const rule of known) {
      if (used.has(`${index}:${rule.id}`) || options.deferredIds?.has(rule.id)) continue;
      report(
        'brandlint/unused-directive',
        options.unusedSeverity,
        `unused ${keyword} directive (no problems were reported from "${rule.id}")`,
        directive.rules.length === 1 ? directive.comment.fullRange : rule.range,
      );
    }
  });
  return { diagnostics: kept, problems };
}

/** Index of the directive that disables a finding of `ruleId` at `line`/`offset`, or null. */
function suppressorOf(directives: readonly Directive[], ruleId: string, line: number, offset: number): number | null {
  // A rule pack's id (`plain-language`) names every rule of the pack (`plain-language/utilize`).
  // A Vale style (`Google`) names its rules (`Google.Will`); Vale's comments name Vale rules only.
  const names = (directive: Directive): boolean =>
    directive.vale && !isValeRuleId(ruleId)
      ? false
      : directive.rules === null || directive.rules.some((r) => r.id === ruleId || ruleId.startsWith(`${r.id}/`) || ruleId.startsWith(`${r.id}.`));
  // Line directives are the most specific: they take the credit first.
  for (let index = 0; index < directives.length; index++) {
    const directive = directives[index]!;
    if (directive.lines && line >= directive.lines.from && line <= directive.lines.to && names(directive)) return index;
  }
  // Block directives: the last one before the finding that names the rule decides.
  let by: number | null = null;
  for (let index = 0; index < directives.length; index++) {
    const directive = directives[index]!;
    if (directive.offset > offset) break;
    if (directive.lines || !names(directive)) continue;
    by = directive.kind === 'disable' ? index : null;
  }
  return by;
}

/** For each `brandlint-enable`, the ids (null: all) it names that were not disabled at that point. */
function unusedEnables(directives: readonly Directive[]): Map<number, Array<string | null>> {
  const unused = new Map<number, Array<string | null>>();
  let allDisabled = false;
  const disabled = new Set<string>();
  const exceptions = new Set<string>();
  directives.forEach((directive, index) => {
    if (directive.vale) return;
    if (directive.kind === 'disable') {
      if (directive.rules === null) {
        allDisabled = true;
        disabled.clear();
        exceptions.clear();
      } else {
        for (const { id } of directive.rules) {
          disabled.add(id);
          exceptions.delete(id);
        }
      }
    } else if (directive.kind === 'enable') {
      if (directive.rules === null) {
        if (!allDisabled && disabled.size === 0) unused.set(index, [null]);
        allDisabled = false;
        disabled.clear();
        exceptions.clear();
      } else {
        const idle: string[] = [];
        for (const { id } of directive.rules) {
          if (!((allDisabled && !exceptions.has(id)) || disabled.has(id))) idle.push(id);
          disabled.delete(id);
          if (allDisabled) exceptions.add(id);
        }
        if (idle.length > 0) unused.set(index, idle);
      }
    }
  });
  return unused;
}
