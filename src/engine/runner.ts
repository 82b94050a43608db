/**
 * The lint run: read each file, parse it once with its channel's adapter, run every enabled rule
 * on the same document, apply disable directives, and (with `fix`) apply fixes until stable.
 * Nothing a file or a rule does stops the run: problems become diagnostics on that file.
 */
import type { Channel } from '../core/channels.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ContentDocument } from '../core/document.js';
import { formatMessage, type RuleContext, type RuleReport } from '../core/rule.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { hasAdapter as defaultHasAdapter } from './channels.js';
import { applyDirectives, parseDirectives, type Directive } from './directives.js';
import { fixUntilStable, withoutFixesInDecodedText, writeFileAtomic, type LintOfText } from './fix.js';
import { dropOverlappingVoiceFindings } from './overlap.js';
import type { LintCache } from './cache.js';
import { readContentFile, type ContentFileRead } from './read.js';
import { createResult, type LintNotice, type LintResult } from './result.js';
import type { ActiveRule, RuleSet } from './rules.js';

/** What an adapter needs to turn a file into a document. */
export interface ParseInput {
  /** Display path. */
  file: string;
  absolutePath: string;
  text: string;
  channel: Channel;
}

/** A channel adapter entry point: `parseContent` of src/channels/index.ts has this shape. */
export type ContentParser = (input: ParseInput) => ContentDocument | Promise<ContentDocument>;

/** Where the docs of a rule live: `rules/<id>/README.md` in the repository. */
export const RULE_DOCS_BASE_URL = 'https://github.com/brandlint/brandlint/blob/main/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}/README.md`;
}

/** A rule broke its contract (a fix from a non-fixable rule, an unknown message id): a bug in the rule. */
export class RuleContractError extends Error {
  override name = 'RuleContractError';
}

export interface LintDocumentOptions {
  rules: RuleSet;
  brand: BrandModel | null;
  /** Called when a rule says it did not apply (`context.notApplied`), e.g. English-only rules on German text. */
  onNotApplied?: (ruleId: string, reason: string) => void;
}

/**
 * Runs the enabled rules on one document and applies its directives. Returns the parse problems,
 * the findings that survived the directives (one per phrase among word-choice rules, see overlap.ts),
 * directive problems and internal errors (unsorted).
 */
export function lintDocument(document: ContentDocument, options: LintDocumentOptions): Diagnostic[] {
  const { rules, brand } = options;
  const findings: Diagnostic[] = [];
  const internal: Diagnostic[] = [];
  for (const active of rules.rulesFor(document.absolutePath, document.channel)) {
    const outcome = runRule(active, document, brand, options.onNotApplied);
    if (outcome.ok) findings.push(...outcome.diagnostics);
    else internal.push(outcome.diagnostic);
  }
  const level = (id: string) => {
    const value = rules.levelFor(id, document.absolutePath, document.channel);
    return value === 'off' ? null : value === 'error' ? 'error' : 'warning';
  };
  const directives = parseDirectives(document.comments, document.lines);
  const inCampaign = document.metadata.campaign !== undefined || document.messages.some((message) => message.campaign !== undefined);
  const filtered = applyDirectives(findings, directives, {
    file: document.file,
    knownIds: rules.knownIds,
    unusedSeverity: level('brandlint/unused-directive'),
    unknownSeverity: level('brandlint/unknown-rule'),
    // Campaign findings come later (src/engine/campaigns.ts): directives naming campaign rules are judged there.
    ...(inCampaign ? { deferredIds: rules.campaignRuleIds } : {}),
  });
  const kept = withoutFixesInDecodedText(dropOverlappingVoiceFindings(filtered.diagnostics), document.decodedRanges);
  return [...document.parseProblems, ...internal, ...kept, ...filtered.problems];
}

type RuleOutcome = { ok: true; diagnostics: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

/** Runs one rule; a throw (or a broken contract) becomes one `internal/rule-error` diagnostic. */
function runRule(
  active: ActiveRule,
  document: ContentDocument,
  brand: BrandModel | null,
  onNotApplied?: (ruleId: string, reason: string) => void,
): RuleOutcome {
  const { id, rule, severity } = active;
  const diagnostics: Diagnostic[] = [];
  const context: RuleContext<unknown> = {
    document,
    brand,
    options: active.options,
    report(report: RuleReport) {
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new RuleContractError(`reported an unknown message id "${report.messageId}"`);
      if (report.fix && !rule.meta.fixable) throw new RuleContractError('reported a fix, but its meta says it is not fixable');
      diagnostics.push({
        ruleId: id,
        severity,
        message: formatMessage(template, report.data),
        file: document.file,
        range: report.range,
        ...(report.actual !== undefined ? { actual: report.actual } : {}),
        ...(report.expected !== undefined ? { expected: report.expected } : {}),
        ...(report.fix ? { fix: report.fix } : {}),
        ...(report.related ? { related: report.related } : {}),
        docsUrl: rule.meta.docsUrl ?? ruleDocsUrl(id),
        ...(report.data ? { data: { ...report.data } } : {}),
      });
    },
    notApplied(reason: string) {
      onNotApplied?.(id, reason);
    },
  };
  try {
    rule.check(context);
  } catch (error) {
    const reason = error instanceof RuleContractError ? `${error.message} (a bug in the rule)` : `threw ${messageOf(error)}`;
    return {
      ok: false,
      diagnostic: {
        ruleId: 'internal/rule-error',
        severity: 'error',
        message: `rule "${id}" failed on this file: ${reason}`,
        file: document.file,
        range: null,
        docsUrl: ruleDocsUrl(id),
      },
    };
  }
  return { ok: true, diagnostics };
}

/** A file to lint (what discovery yields). */
export interface LintTarget {
  absolutePath: string;
  file: string;
  channel: Channel;
}

export interface LintFilesOptions extends LintDocumentOptions {
  files: readonly LintTarget[];
  /** The adapters' entry point; null when no adapter is available at all. */
  parse: ContentParser | null;
  /** `write`: apply fixes and write the files; `dry-run`: compute the fixed text only. */
  fix?: 'write' | 'dry-run';
  maxFileSize?: number;
  /** Whether a channel has an adapter (default: `CHANNEL_ADAPTERS`). */
  hasAdapter?: (channel: Channel) => boolean;
  /** Campaign the configuration assigns to a file, used when the document names none. */
  campaignOf?: (absolutePath: string) => string | undefined;
  /** Locale of documents that do not say (the configuration's `locale`). */
  defaultLocale?: string;
  /**
   * Parse and extract campaign data only: no rules, no fixes. For the campaign siblings a partial
   * run (path arguments, `--staged`) loads as reference for the consistency rules.
   */
  referenceOnly?: boolean;
  /** Files linted at the same time (reading overlaps rule work). Default 4. */
  concurrency?: number;
  /** Reads a file to lint (default: from disk); `--staged` reads the git index instead. */
  read?: ContentReader;
  /** Results of files whose text has not changed since an earlier run (`--cache`). */
  cache?: LintCache;
  /** Called after each file is done (progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/** Where the text of a file to lint comes from. */
export type ContentReader = (target: LintTarget, options: { maxFileSize?: number }) => Promise<ContentFileRead>;

export interface LintRun {
  /** One per linted file (skipped files have none), in the order of `files`. */
  results: LintResult[];
  notices: LintNotice[];
}

export async function lintFiles(options: LintFilesOptions): Promise<LintRun> {
  const hasAdapter = options.hasAdapter ?? defaultHasAdapter;
  const notices: LintNotice[] = [];
  const withoutAdapter = new Map<Channel, string[]>();
  const targets: LintTarget[] = [];
  for (const target of options.files) {
    if (options.parse && hasAdapter(target.channel)) targets.push(target);
    else withoutAdapter.set(target.channel, [...(withoutAdapter.get(target.channel) ?? []), target.file]);
  }
  for (const [channel, files] of withoutAdapter) {
    const what = files.length === 1 ? files[0]! : `${files.length} ${channel} files`;
    notices.push({ kind: 'no-adapter', message: `${what}: no adapter yet for the ${channel} channel; skipped` });
  }

  const results: Array<LintResult | undefined> = new Array(targets.length);
  const fileNotices: Array<LintNotice[]> = targets.map(() => []);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      results[index] = await lintFile(targets[index]!, options, fileNotices[index]!);
      options.onProgress?.(++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  notices.push(...fileNotices.flat());
  return { results: results.filter((r): r is LintResult => r !== undefined), notices };
}

async function lintFile(target: LintTarget, options: LintFilesOptions, notices: LintNotice[]): Promise<LintResult | undefined> {
  const base = { file: target.file, absolutePath: target.absolutePath, channel: target.channel };
  const readOptions = options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {};
  const read = options.read ? await options.read(target, readOptions) : await readContentFile(target.absolutePath, target.file, readOptions);
  if (read.kind === 'skipped') {
    notices.push({ kind: 'skipped', file: target.file, message: `${read.reason}; skipped` });
    return undefined;
  }
  if (read.kind === 'failed') return createResult(base, [read.diagnostic]);
  const cached = options.cache?.get(target, read.text);
  // A cached result with fixes must be linted again under --fix (the fixes have to be applied).
  if (cached && !(options.fix && cached.result.fixableCount > 0)) {
    notices.push(...cached.notices);
    return { ...cached.result, source: read.text };
  }

  interface FileLint extends LintOfText {
    document: ContentDocument | null;
    /** Reason -> ids of the rules that did not apply for it. */
    notApplied: Map<string, Set<string>>;
  }
  const lintText = async (text: string): Promise<FileLint> => {
    let document: ContentDocument;
    try {
      document = await options.parse!({ ...base, text });
    } catch (error) {
      const diagnostic: Diagnostic = {
        ruleId: 'internal/adapter-error',
        severity: 'error',
        message: `the ${target.channel} adapter failed on this file: ${messageOf(error)}`,
        file: target.file,
        range: null,
      };
      return { document: null, diagnostics: [diagnostic], parseErrors: 1, notApplied: new Map() };
    }
    if (document.metadata.campaign === undefined) {
      const campaign = options.campaignOf?.(target.absolutePath);
      if (campaign !== undefined) document.metadata.campaign = campaign;
    }
    if (document.metadata.locale === undefined && options.defaultLocale !== undefined) document.metadata.locale = options.defaultLocale;
    const notApplied = new Map<string, Set<string>>();
    const onNotApplied = (ruleId: string, reason: string): void => {
      notApplied.set(reason, (notApplied.get(reason) ?? new Set()).add(ruleId));
    };
    const diagnostics = options.referenceOnly ? [] : lintDocument(document, { ...options, onNotApplied });
    return { document, diagnostics, parseErrors: document.parseProblems.filter((d) => d.severity === 'error').length, notApplied };
  };

  const first = await lintText(read.text);
  let final = first;
  let output: string | undefined;
  if (options.fix) {
    const fixed = await fixUntilStable(read.text, first, lintText);
    final = fixed.lint;
    if (fixed.blocked) notices.push({ kind: 'not-fixed', file: target.file, message: fixed.blocked });
    if (fixed.notConverged) notices.push({ kind: 'not-fixed', file: target.file, message: fixed.notConverged.message });
    if (fixed.text !== read.text) {
      output = fixed.text;
      if (options.fix === 'write') {
        try {
          await writeFileAtomic(target.absolutePath, fixed.text, { bom: read.bom, ...(read.encoding ? { encoding: read.encoding } : {}) });
        } catch (error) {
          output = undefined;
          final = first;
          notices.push({ kind: 'not-fixed', file: target.file, message: `cannot write the fixed file: ${messageOf(error)}` });
        }
      }
    }
  }
  for (const [reason, ids] of final.notApplied) {
    notices.push({ kind: 'not-applied', file: target.file, message: `${describeRuleIds(ids)} did not apply: ${reason}` });
  }
  const campaign = final.document?.metadata.campaign;
  const campaignFacts = final.document ? await extractCampaignFacts(final.document, options.brand) : null;
  const result = createResult(
    {
      ...base,
      source: output ?? read.text,
      ...(campaign !== undefined ? { campaign } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(campaignFacts ? { facts: campaignFacts.facts, campaignData: campaignFacts.campaigns } : {}),
      ...(campaignFacts && final.document ? campaignDirectivesOf(final.document) : {}),
    },
    final.diagnostics,
  );
  cacheResult(options, target, result, read.text, notices);
  return result;
}

/** The document's disable directives, kept for the campaign phase (which disables campaign findings with them). */
function campaignDirectivesOf(document: ContentDocument): { directives?: Directive[] } {
  const directives = parseDirectives(document.comments, document.lines);
  return directives.length > 0 ? { directives } : {};
}

/**
 * The facts, tone and visual samples of a document that belongs to a campaign (null otherwise),
 * for the campaign phase after all files are linted. Imported lazily: runs without campaigns
 * never load the extractors.
 */
async function extractCampaignFacts(document: ContentDocument, brand: BrandModel | null) {
  const inCampaign = document.metadata.campaign !== undefined || document.messages.some((message) => message.campaign !== undefined);
  if (!inCampaign) return null;
  const { extractCampaignData } = await import('../consistency/extract.js');
  return extractCampaignData(document, brand);
}

/**
 * Remembers a file's result under the text now on disk: the fixed text once --fix wrote it; not
 * at all after --fix-dry-run changed it (the result is of text that is not on disk).
 */
function cacheResult(options: LintFilesOptions, target: LintTarget, result: LintResult, readText: string, notices: readonly LintNotice[]): void {
  // Reference-only results (campaign siblings) have no findings: they must never stand in for a full lint.
  if (!options.cache || options.referenceOnly) return;
  if (result.output !== undefined && options.fix !== 'write') return;
  const { source: _source, output: _output, ...stored } = result;
  options.cache.set(target, result.output ?? readText, { result: stored, notices: notices.filter((notice) => notice.kind === 'not-applied') });
}

/**
 * The adapters' `parseContent`, imported lazily so that a run pays for the adapters only when
 * it has files. Null while src/channels/index.ts does not exist (or exports no `parseContent`).
 */
export async function loadContentParser(): Promise<ContentParser | null> {
  const specifier: string = '../channels/index.js';
  let module: { parseContent?: unknown };
  try {
    module = (await import(specifier)) as { parseContent?: unknown };
  } catch (error) {
    // Only the adapters' module itself missing means "no adapters yet"; anything else is a bug to surface.
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('channels/index');
    if (missing) return null;
    throw error;
  }
  return typeof module.parseContent === 'function' ? (module.parseContent as ContentParser) : null;
}

/** `a, b and c`; more than three rules of one pack are shown as `pack/* (n rules)`. */
export function describeRuleIds(ids: Iterable<string>): string {
  const byPack = new Map<string, string[]>();
  for (const id of [...ids].sort()) {
    const pack = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
    byPack.set(pack, [...(byPack.get(pack) ?? []), id]);
  }
  const parts = [...byPack].flatMap(([pack, members]) => (members.length > 3 ? [`${pack}/* (${members.length} rules)`] : members));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
