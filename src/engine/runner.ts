/**
 * The lint run: read each file, parse it once with its channel's adapter, run every enabled rule
 * on the same document, apply disable directives, and (with `fix`) apply fixes until stable.
 * Nothing a file or a rule does stops the run: problems become diagnostics on that file.
 */
import { groupRepeatedFindings } from './repeats.js';
import type { Channel } from '../core/channels.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ContentDocument } from '../core/document.js';
import { SourceCode } from '../core/source-code.js';
import { formatMessage, type RuleContext, type RuleReport } from '../core/rule.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { brandForFile } from '../tokens/contexts.js';
import { hasAdapter as defaultHasAdapter } from './channels.js';
import { applyDirectives, parseDirectives, type Directive } from './directives.js';
import { fixUntilStable, withoutFixesInDecodedText, writeFileAtomic, type LintOfText } from './fix.js';
import { noteFileLinted } from '../core/thread-activity.js';
import { dropOverlappingVoiceFindings } from './overlap.js';
import { addTiming, timingEnabled } from './rule-timing.js';
import type { LintCache } from './cache.js';
import { isPdfFile, readContentFile, type ContentFileRead } from './read.js';
import { contentUnits } from './score.js';
import { createResult, hasFixes, type LintNotice, type LintResult } from './result.js';
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

/** How long the rules may take on one file (a slow pattern in a pack on a huge file) before it is stopped. */
export const FILE_TIME_LIMIT_MS = 60_000;

export interface LintDocumentOptions {
  rules: RuleSet;
  brand: BrandModel | null;
  /** Time the rules may take on one document; default {@link FILE_TIME_LIMIT_MS}. */
  timeLimitMs?: number;
  /** Called when a rule says it did not apply (`context.notApplied`), e.g. English-only rules on German text. */
  onNotApplied?: (ruleId: string, reason: string) => void;
}

/** The rules' findings on one document, before its disable directives are applied. */
export interface DocumentFindings {
  /** Parse problems and internal errors: never disabled by directives. */
  problems: Diagnostic[];
  /** What the rules reported. */
  findings: Diagnostic[];
  /** The document's disable directives, parsed once. */
  directives: Directive[];
}

/** Runs the enabled rules on one document (through its source object) and parses its directives. */
export function runRules(source: SourceCode, options: LintDocumentOptions): DocumentFindings {
  const { document } = source;
  // A file the configuration maps to a context (a sub-brand) is checked against that context's palette.
  const brand = brandForFile(options.brand, document.absolutePath);
  const findings: Diagnostic[] = [];
  const internal: Diagnostic[] = [];
  const active = options.rules.rulesFor(document.absolutePath, document.channel);
  if (active.length > 0) noteFileLinted();
  const limit = options.timeLimitMs ?? FILE_TIME_LIMIT_MS;
  // process.hrtime, not the global `performance`: its first use loads perf_hooks (milliseconds of a one-file run).
  const started = process.hrtime.bigint();
  const timing = timingEnabled();
  let previous = 0;
  for (let index = 0; index < active.length; index++) {
    const outcome = runRule(active[index]!, source, brand, options.onNotApplied);
    if (outcome.ok) findings.push(...outcome.diagnostics);
    else internal.push(outcome.diagnostic);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (timing) {
      addTiming(active[index]!.id, elapsed - previous);
      previous = elapsed;
    }
    if (elapsed >= limit && index < active.length - 1) {
      // Checked between rules: a run of worker threads also ends a rule that never returns.
      const skipped = active.slice(index + 1).map((rule) => rule.id);
      internal.push({
        ruleId: 'internal/timeout',
        severity: 'error',
        message: `linting this file stopped after ${Math.round(elapsed / 1000)} s (the limit per file is ${Math.round(limit / 1000)} s); ${describeRuleIds(skipped)} did not run. Split the file, or report the rule that is slow on it`,
        file: document.file,
        range: null,
      });
      break;
    }
  }
  // Text decoded from an encoded email part is not where a fix could edit it: findings there keep no fix.
  const fixable = withoutFixesInDecodedText(findings, document.decodedRanges);
  return { problems: [...document.parseProblems, ...internal], findings: fixable, directives: parseDirectives(document.comments, document.lines) };
}

/** Where findings are settled: the file, for rule levels of the directive problems. */
export interface SettleTarget {
  file: string;
  absolutePath: string;
  channel: Channel;
}

/**
 * Applies a file's directives once to all its findings (the rules', and the campaign rules' when
 * the file belongs to a campaign), reports unknown and unused directives, and keeps one finding
 * per phrase among word-choice rules (see overlap.ts). Unsorted.
 */
export function settleFindings(findings: readonly Diagnostic[], directives: readonly Directive[], target: SettleTarget, rules: RuleSet): Diagnostic[] {
  const level = (id: string) => {
    const value = rules.levelFor(id, target.absolutePath, target.channel);
    return value === 'off' ? null : value === 'error' ? 'error' : 'warning';
  };
  const applied = applyDirectives(findings, directives, {
    file: target.file,
    knownIds: rules.knownIds,
    unusedSeverity: level('brandlint/unused-directive'),
    unknownSeverity: level('brandlint/unknown-rule'),
  });
  return [...dropOverlappingVoiceFindings(applied.diagnostics), ...applied.problems];
}

/**
 * Runs the enabled rules on one document and applies its directives: the parse problems, the
 * findings that survived the directives (one per phrase among word-choice rules, see
 * overlap.ts), directive problems and internal errors (unsorted). For a document on its own
 * (rule tests, editors); a lint run settles campaign members' findings after the campaign phase.
 */
export function lintDocument(document: ContentDocument, options: LintDocumentOptions & { source?: SourceCode }): Diagnostic[] {
  const found = runRules(options.source ?? new SourceCode(document), options);
  return [...found.problems, ...settleFindings(found.findings, found.directives, document, options.rules)];
}

/** The findings that directives leave, without judging the directives (what `--fix` may fix before the campaign phase). */
function undisabled(found: DocumentFindings, knownIds: ReadonlySet<string>, file: string): Diagnostic[] {
  if (found.directives.length === 0) return found.findings;
  return applyDirectives(found.findings, found.directives, { file, knownIds, unusedSeverity: null, unknownSeverity: null }).diagnostics;
}

type RuleOutcome = { ok: true; diagnostics: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

/** Runs one rule; a throw (or a broken contract) becomes one `internal/rule-error` diagnostic. */
function runRule(
  active: ActiveRule,
  source: SourceCode,
  brand: BrandModel | null,
  onNotApplied?: (ruleId: string, reason: string) => void,
): RuleOutcome {
  const { id, rule, severity } = active;
  const { document } = source;
  const diagnostics: Diagnostic[] = [];
  const context: RuleContext<unknown> = {
    document,
    source,
    brand,
    options: active.options,
    report(report: RuleReport) {
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new RuleContractError(`reported an unknown message id "${report.messageId}"`);
      if (report.fix && !rule.meta.fixable) throw new RuleContractError('reported a fix, but its meta says it is not fixable');
      // Keys set one after another in this order (a diagnostic's keys are in it everywhere), not spread in.
      const diagnostic: Diagnostic = { ruleId: id, severity, message: formatMessage(template, report.data), file: document.file, range: report.range };
      if (report.actual !== undefined) diagnostic.actual = report.actual;
      if (report.expected !== undefined) diagnostic.expected = report.expected;
      if (report.fix) diagnostic.fix = report.fix;
      if (report.related) diagnostic.related = report.related;
      diagnostic.docsUrl = rule.meta.docsUrl ?? ruleDocsUrl(id);
      if (report.data) diagnostic.data = { ...report.data };
      diagnostics.push(diagnostic);
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
  /**
   * Let the event loop run after each file (files are read synchronously, so a run otherwise holds
   * the thread until it ends): the main thread, linting beside worker threads, then hands a worker
   * its next batch as soon as the worker's reply arrives instead of after its own batch.
   */
  yieldBetweenFiles?: boolean;
  /**
   * Receives each file's result as soon as it is done, with its index in `files`; the run then
   * returns no results of its own (the caller keeps them, e.g. in a ResultStore).
   */
  onResult?: (index: number, result: LintResult) => void;
}

/** Where the text of a file to lint comes from. */
export type ContentReader = (target: LintTarget, options: { maxFileSize?: number }) => Promise<ContentFileRead>;

export interface LintRun {
  /** One per linted file (skipped files have none), in the order of `files`. */
  results: LintResult[];
  notices: LintNotice[];
  /** The notices of each file of `files` (also in `notices`, after those of files without an adapter). */
  noticesByFile: LintNotice[][];
}

export async function lintFiles(options: LintFilesOptions): Promise<LintRun> {
  const hasAdapter = options.hasAdapter ?? defaultHasAdapter;
  const notices: LintNotice[] = [];
  const withoutAdapter = new Map<Channel, string[]>();
  /** The files with an adapter, each with its place in `files`. */
  const targets: Array<{ target: LintTarget; index: number }> = [];
  options.files.forEach((target, index) => {
    if (options.parse && hasAdapter(target.channel)) targets.push({ target, index });
    else withoutAdapter.set(target.channel, [...(withoutAdapter.get(target.channel) ?? []), target.file]);
  });
  for (const [channel, files] of withoutAdapter) {
    const what = files.length === 1 ? files[0]! : `${files.length} ${channel} files`;
    notices.push({ kind: 'no-adapter', message: `${what}: no adapter yet for the ${channel} channel; skipped` });
  }

  const results: Array<LintResult | undefined> = new Array(targets.length);
  const noticesByFile: LintNotice[][] = options.files.map(() => []);
  const fileNotices = targets.map(({ index }) => noticesByFile[index]!);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const at = next++;
      const { target, index } = targets[at]!;
      const result = await lintFile(target, options, fileNotices[at]!);
      // Handed on as soon as it is done (the store spills it), or kept for the caller.
      if (result && options.onResult) options.onResult(index, result);
      else results[at] = result;
      options.onProgress?.(++done, targets.length);
      if (options.yieldBetweenFiles) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  // Timed runs lint one file at a time: a parse's clock would otherwise count the other files' rules.
  const lanes = timingEnabled() ? 1 : Math.max(1, options.concurrency ?? 4);
  await Promise.all(Array.from({ length: lanes }, worker));
  notices.push(...fileNotices.flat());
  return { results: results.filter((r): r is LintResult => r !== undefined), notices, noticesByFile };
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
  if (cached && !(options.fix && hasFixes(cached.result))) {
    notices.push(...cached.notices);
    return { ...cached.result, source: cached.result.source ?? read.text };
  }

  interface FileLint extends LintOfText {
    document: ContentDocument | null;
    source: SourceCode | null;
    /** The rules' findings before directives (a campaign member's are settled after the campaign phase). */
    found: DocumentFindings | null;
    /** Reason -> ids of the rules that did not apply for it. */
    notApplied: Map<string, Set<string>>;
  }
  const lintText = async (text: string): Promise<FileLint> => {
    let document: ContentDocument;
    const parseStarted = timingEnabled() ? process.hrtime.bigint() : 0n;
    try {
      document = await options.parse!({ ...base, text });
      if (parseStarted !== 0n) addTiming(`(parse ${target.channel})`, Number(process.hrtime.bigint() - parseStarted) / 1e6);
    } catch (error) {
      const diagnostic: Diagnostic = {
        ruleId: 'internal/adapter-error',
        severity: 'error',
        message: `the ${target.channel} adapter failed on this file: ${messageOf(error)}`,
        file: target.file,
        range: null,
      };
      return { document: null, source: null, found: null, diagnostics: [diagnostic], parseErrors: 1, notApplied: new Map() };
    }
    if (document.metadata.campaign === undefined) {
      const campaign = options.campaignOf?.(target.absolutePath);
      if (campaign !== undefined) document.metadata.campaign = campaign;
    }
    if (document.metadata.locale === undefined && options.defaultLocale !== undefined) document.metadata.locale = options.defaultLocale;
    const source = new SourceCode(document, options.defaultLocale);
    const notApplied = new Map<string, Set<string>>();
    const onNotApplied = (ruleId: string, reason: string): void => {
      notApplied.set(reason, (notApplied.get(reason) ?? new Set()).add(ruleId));
    };
    const parseErrors = document.parseProblems.filter((d) => d.severity === 'error').length;
    if (options.referenceOnly) return { document, source, found: null, diagnostics: [], parseErrors, notApplied };
    const found = runRules(source, { ...options, onNotApplied });
    // A campaign member's directives are judged once its campaign findings are known; until then
    // they only keep disabled findings out of the fixes.
    const diagnostics = isInCampaign(document)
      ? [...found.problems, ...undisabled(found, options.rules.knownIds, target.file)]
      : [...found.problems, ...settleFindings(found.findings, found.directives, target, options.rules)];
    return { document, source, found, diagnostics, parseErrors, notApplied };
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
  const campaignFacts = final.source ? await extractCampaignFacts(final.source, options.brand) : null;
  const pending = campaignFacts && final.found ? { findings: final.found.findings, directives: final.found.directives } : undefined;
  const result = createResult(
    {
      ...base,
      // A PDF's findings point into the text read from it, which is what reports show.
      source: output ?? (final.document && isPdfFile(target.file) ? final.document.text : read.text),
      ...(campaign !== undefined ? { campaign } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(campaignFacts ? { facts: campaignFacts.facts, campaignData: campaignFacts.campaigns } : {}),
      ...(pending ? { pending } : {}),
      ...(final.document ? { contentUnits: contentUnits(final.document) } : {}),
    },
    pending ? final.found!.problems : groupRepeatedFindings(final.diagnostics),
  );
  cacheResult(options, target, result, read.text, notices);
  return result;
}

function isInCampaign(document: ContentDocument): boolean {
  return document.metadata.campaign !== undefined || document.messages.some((message) => message.campaign !== undefined);
}

/**
 * The facts, tone and visual samples of a document that belongs to a campaign (null otherwise),
 * for the campaign phase after all files are linted. Imported lazily: runs without campaigns
 * never load the extractors.
 */
async function extractCampaignFacts(source: SourceCode, brand: BrandModel | null) {
  if (!isInCampaign(source.document)) return null;
  const { extractCampaignData } = await import('../consistency/extract.js');
  return extractCampaignData(source, brand);
}

/**
 * Remembers a file's result under the text now on disk: the fixed text once --fix wrote it; not
 * at all after --fix-dry-run changed it (the result is of text that is not on disk).
 */
function cacheResult(options: LintFilesOptions, target: LintTarget, result: LintResult, readText: string, notices: readonly LintNotice[]): void {
  // Reference-only results (campaign siblings) have no findings: they must never stand in for a full lint.
  if (!options.cache || options.referenceOnly) return;
  if (result.output !== undefined && options.fix !== 'write') return;
  const { source: _source, output: _output, ...rest } = result;
  const stored: Omit<LintResult, 'source' | 'output'> & { source?: string } = rest;
  // A PDF's text is not the file's: it is kept with the result, as no report could read it again.
  if (isPdfFile(target.file) && result.source !== undefined) stored.source = result.source;
  options.cache.set(target, result.output ?? readText, { result: stored, notices: notices.filter((notice) => notice.kind === 'not-applied') });
}

/**
 * The adapters' `parseContent`, imported lazily so that a run pays for the adapters only when
 * it has files.
 */
export async function loadContentParser(): Promise<ContentParser> {
  return (await import('../channels/index.js')).parseContent;
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
