/**
 * Lints one text in memory: the way rule tests (and editor integrations) run a document through
 * rules without files, discovery or a configuration file.
 */
import { SourceCode } from '../core/source-code.js';
import path from 'node:path';
import type { Channel } from '../core/channels.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ContentDocument } from '../core/document.js';
import { formatDiagnosticLine } from '../core/diagnostic.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { configSchema, resolveConfig, type BrandlintConfig } from './config.js';
import { fixUntilStable } from './fix.js';
import { compareDiagnostics } from './result.js';
import { prepareRules, type RuleSource } from './rules.js';
import { lintDocument, loadContentParser, type ContentParser } from './runner.js';

export interface LintTextOptions {
  text: string;
  /** Display path; its extension and folders do not pick the channel (`channel` does). Default `test.html`. */
  file?: string;
  channel: Channel;
  /** The brand to check against; null (the default) like a run without a brand. */
  brand?: BrandModel | null;
  /**
   * The rules to run: rule objects or a catalogue of loaders. Every rule given runs at its
   * configured level, else its default level, else (default `off`) at `error`.
   */
  rules: RuleSource;
  /** Rule settings and overrides, as in brandlint.config (paths relative to `cwd`). */
  config?: Pick<BrandlintConfig, 'rules' | 'overrides'>;
  /** Apply fixes until stable and return the fixed text as `output`. */
  fix?: boolean;
  /** The adapter to parse with; default the channel adapters (`parseContent`). */
  parse?: ContentParser;
  /** Folder the file lives in (for overrides). Default `process.cwd()`. */
  cwd?: string;
  /** The configured locale (`locale` in brandlint.config): content that does not say is in it. Default `en`. */
  locale?: string;
}

export interface LintTextResult {
  /** Sorted by line, column, rule id. */
  diagnostics: Diagnostic[];
  /** The document of the (final) text. */
  document: ContentDocument;
  /** The fixed text with `fix`, else the input text. */
  output: string;
  /** `rule id: reason` of every rule that did not apply to (part of) the final text, sorted. */
  notApplied: string[];
}

/** The configuration given to {@link lintText} is invalid (unknown rule, bad options). */
export class LintConfigError extends Error {
  override name = 'LintConfigError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`invalid configuration:\n${diagnostics.map(formatDiagnosticLine).join('\n')}`);
  }
}

/**
 * Parses `text` once and runs the rules on it, applying directives (and fixes with `fix`).
 * Throws {@link LintConfigError} for an invalid configuration.
 *
 * ```ts
 * const { diagnostics, output } = await lintText({
 *   file: 'emails/welcome.html', text: '<p style="color:#f00">Hi</p>', channel: 'email',
 *   brand, rules: [colorOffPalette], config: { rules: { 'color-off-palette': ['error', { allow: [] }] } }, fix: true,
 * });
 * ```
 */
export async function lintText(options: LintTextOptions): Promise<LintTextResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = options.file ?? 'test.html';
  const parsedConfig = configSchema.safeParse({ rules: options.config?.rules ?? {}, overrides: options.config?.overrides ?? [] });
  if (!parsedConfig.success) throw new Error(`invalid configuration: ${parsedConfig.error.message}`);
  const config = await resolveConfig(parsedConfig.data, cwd);
  const prepared = await prepareRules(config, options.rules, { forceEnabled: true });
  if (prepared.diagnostics.some((d) => d.severity === 'error')) throw new LintConfigError(prepared.diagnostics);

  const parse = options.parse ?? (await loadContentParser());
  if (!parse) throw new Error('no channel adapters are available (src/channels/index.ts exports no parseContent)');
  const absolutePath = path.resolve(cwd, file);
  const brand = options.brand ?? null;
  const run = async (text: string) => {
    const document = await parse({ file, absolutePath, text, channel: options.channel });
    if (document.metadata.locale === undefined && options.locale !== undefined) document.metadata.locale = options.locale;
    const notApplied = new Set<string>();
    return {
      document,
      diagnostics: lintDocument(document, { rules: prepared.rules, brand, source: new SourceCode(document, options.locale), onNotApplied: (ruleId, reason) => notApplied.add(`${ruleId}: ${reason}`) }),
      parseErrors: document.parseProblems.filter((d) => d.severity === 'error').length,
      notApplied,
    };
  };
  const first = await run(options.text);
  const final = options.fix ? await fixUntilStable(options.text, first, run) : { text: options.text, lint: first };
  return {
    diagnostics: final.lint.diagnostics.sort(compareDiagnostics),
    document: final.lint.document,
    output: final.text,
    notApplied: [...final.lint.notApplied].sort(),
  };
}
