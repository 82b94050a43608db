/**
 * From the rule catalogue and the configuration to the rules that run on one file, with their
 * severity and validated options. Configuration problems (unknown rule ids, bad options) are
 * positioned diagnostics; the CLI exits 2 on them.
 */
import type { z } from 'zod';
import type { Channel } from '../core/channels.js';
import { didYouMean, noLocate, zodIssuesToDiagnostics, type DataPath, type Locate } from '../core/data-file.js';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { isCampaignRule, type CampaignRule, type DocumentRule, type Rule, type RuleLevel } from '../core/rule.js';
import { globMatcher } from './channels.js';
import { toPosix, type ResolvedConfig, type RuleSetting } from './config.js';

/** A rule (document or campaign rule) with its options type erased; the engine validates options with the rule's own schema. */
export type AnyRule = Rule<unknown>;

/** Rule id -> lazy loader, like `RULE_LOADERS` of rules/index.ts. */
export type RuleCatalogue = Readonly<Record<string, () => Promise<AnyRule>>>;

/** What the engine accepts as rules: a catalogue of loaders, or rule objects (tests). */
export type RuleSource = RuleCatalogue | readonly AnyRule[];

/**
 * Problems the engine itself reports. They have levels like rules (configurable under `rules`),
 * and may be named in directives.
 */
export const ENGINE_RULE_LEVELS: Readonly<Record<string, RuleLevel>> = {
  /** A directive that suppressed nothing. */
  'brandlint/unused-directive': 'warn',
  /** A directive naming a rule id that does not exist. */
  'brandlint/unknown-rule': 'error',
};

/** A rule that runs on a file: level resolved, options validated. */
export interface ActiveRule {
  id: string;
  rule: DocumentRule<unknown>;
  severity: Severity;
  options: unknown;
}

/** Where a setting came from, to position option errors: `['rules', id]` or `['overrides', i, 'rules', id]`. */
interface PlacedSetting extends RuleSetting {
  at: DataPath;
  /** Options after validation (defaults applied); only when the setting has options. */
  parsed?: unknown;
}

interface PreparedOverride {
  matches: (file: string) => boolean;
  channels: readonly Channel[] | undefined;
  rules: Record<string, PlacedSetting>;
}

export interface PrepareRulesOptions {
  /** Display path of the configuration file, for diagnostics. */
  configFile?: string | null;
  /** Locator into the configuration file (from `loadConfig`), for positions. */
  locate?: Locate;
  /**
   * Rules that run even when the configuration does not enable them (at `error` when their
   * default level is `off`); `lintText` uses this for the rules a test names.
   */
  forceEnabled?: boolean;
}

/** The rules of a run, ready to answer "which rules, at which level, for this file". */
export class RuleSet {
  private readonly cache = new Map<string, ActiveRule[]>();

  /** @internal use {@link prepareRules}. */
  constructor(
    private readonly rules: ReadonlyMap<string, AnyRule>,
    private readonly top: Record<string, PlacedSetting>,
    private readonly overrides: readonly PreparedOverride[],
    private readonly defaults: ReadonlyMap<string, { level: RuleLevel; options: unknown }>,
    /** Every rule id a directive may name. */
    readonly knownIds: ReadonlySet<string>,
  ) {}

  /** Loaded rules by id (the enabled ones and those an override may enable). */
  get loaded(): ReadonlyMap<string, AnyRule> {
    return this.rules;
  }

  /** Ids of the loaded campaign rules (their findings come after every file is linted). */
  get campaignRuleIds(): ReadonlySet<string> {
    return new Set([...this.rules].filter(([, rule]) => isCampaignRule(rule)).map(([id]) => id));
  }

  /** The level of any rule id (engine ids included) for a file. */
  levelFor(id: string, absolutePath: string, channel: Channel): RuleLevel {
    return this.settingFor(id, toPosix(absolutePath), channel).level;
  }

  /**
   * The campaign rules that may run (enabled at the top level, by default or in some override),
   * sorted by id, with their top-level options; whether a finding is kept, and at which
   * severity, is decided per file with {@link levelFor}.
   */
  campaignRules(): Array<{ id: string; rule: CampaignRule<unknown>; options: unknown }> {
    const active: Array<{ id: string; rule: CampaignRule<unknown>; options: unknown }> = [];
    for (const [id, rule] of this.rules) {
      if (!isCampaignRule(rule)) continue;
      const top = this.top[id];
      const fallback = this.defaults.get(id);
      const enabled =
        (top?.level ?? fallback?.level ?? 'off') !== 'off' || this.overrides.some((override) => (override.rules[id]?.level ?? 'off') !== 'off');
      if (!enabled) continue;
      active.push({ id, rule, options: top?.options !== undefined ? top.parsed : fallback?.options });
    }
    return active;
  }

  /** The document rules to run on a file of a channel, sorted by id. */
  rulesFor(absolutePath: string, channel: Channel): ActiveRule[] {
    const file = toPosix(absolutePath);
    const key = `${channel}\0${file}`;
    const perFile = this.overrides.length > 0 || this.hasFileLevels;
    const cached = perFile ? this.cache.get(key) : this.cache.get(channel);
    if (cached) return cached;
    const active: ActiveRule[] = [];
    for (const [id, rule] of this.rules) {
      if (isCampaignRule(rule)) continue;
      if (rule.meta.channels && !rule.meta.channels.includes(channel)) continue;
      const setting = this.settingFor(id, file, channel);
      if (setting.level === 'off') continue;
      active.push({ id, rule, severity: setting.level === 'error' ? 'error' : 'warning', options: setting.options });
    }
    this.cache.set(perFile ? key : channel, active);
    return active;
  }

  /** Whether some rule sets its own level per file (`meta.levelFor`). */
  private get hasFileLevels(): boolean {
    return (this.fileLevels ??= [...this.rules.values()].some((rule) => rule.meta.levelFor !== undefined));
  }
  private fileLevels: boolean | undefined;

  private settingFor(id: string, file: string, channel: Channel): { level: RuleLevel; options: unknown } {
    const fallback = this.defaults.get(id) ?? { level: ENGINE_RULE_LEVELS[id] ?? 'off', options: undefined };
    const own = this.rules.get(id)?.meta.levelFor;
    let level = own ? own(file) : fallback.level;
    let options = fallback.options;
    const apply = (setting: PlacedSetting | undefined): void => {
      if (!setting) return;
      level = setting.level;
      if (setting.options !== undefined) options = setting.parsed;
    };
    // A rule pack's setting (`plain-language: off`) applies to its rules; the rule's own wins.
    const group = groupOf(id);
    if (group) apply(this.top[group]);
    apply(this.top[id]);
    for (const override of this.overrides) {
      if (override.channels && !override.channels.includes(channel)) continue;
      if (!override.matches(file)) continue;
      if (group) apply(override.rules[group]);
      apply(override.rules[id]);
    }
    return { level, options };
  }
}

export interface PreparedRules {
  rules: RuleSet;
  /** Configuration errors (unknown rule ids, invalid options); any error means exit 2. */
  diagnostics: Diagnostic[];
}

/** Turns rule objects into a catalogue. */
export function catalogueOf(source: RuleSource): RuleCatalogue {
  if (!Array.isArray(source)) return source as RuleCatalogue;
  return Object.fromEntries((source as readonly AnyRule[]).map((rule) => [rule.meta.id, async () => rule]));
}

/**
 * Loads the rules a configuration may enable and checks the configuration against them:
 * unknown rule ids (with a did-you-mean) and options that fail a rule's schema are errors
 * positioned in the configuration file.
 */
export async function prepareRules(
  config: Pick<ResolvedConfig, 'rules' | 'overrides'>,
  source: RuleSource,
  options: PrepareRulesOptions = {},
): Promise<PreparedRules> {
  const catalogue = catalogueOf(source);
  const file = options.configFile ?? 'configuration';
  const locate = options.locate ?? noLocate;
  const diagnostics: Diagnostic[] = [];
  const knownIds = new Set([...Object.keys(catalogue), ...Object.keys(ENGINE_RULE_LEVELS)]);
  // Rule packs (`plain-language/utilize`): the pack id names all its rules in settings and directives.
  const groups = new Set(Object.keys(catalogue).map(groupOf).filter((group): group is string => group !== null));
  for (const group of groups) knownIds.add(group);

  const place = (rules: Record<string, RuleSetting>, at: DataPath): Record<string, PlacedSetting> => {
    const placed: Record<string, PlacedSetting> = {};
    for (const [id, setting] of Object.entries(rules)) {
      if (!knownIds.has(id)) {
        const suggestion = didYouMean(id, id.includes('/') ? [...knownIds].filter((known) => known.includes('/')) : knownIds);
        diagnostics.push({
          ruleId: 'config/unknown-rule',
          severity: 'error',
          message: `unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
          file,
          range: locate([...at, id], { key: true }),
        });
        continue;
      }
      if (groups.has(id) && setting.options !== undefined) {
        diagnostics.push({
          ruleId: 'config/invalid-options',
          severity: 'error',
          message: `"${id}" is a rule pack: set its level only (options belong to single rules)`,
          file,
          range: locate([...at, id, 1]),
        });
        continue;
      }
      placed[id] = { ...setting, at: [...at, id] };
    }
    return placed;
  };
  const top = place(config.rules, ['rules']);
  const overrides = config.overrides.map((override, index) => ({
    matches: globMatcher(override.files),
    channels: override.channels,
    rules: place(override.rules, ['overrides', index, 'rules']),
  }));

  // Load every rule that may run: all but those turned off at the top and enabled by no override.
  const loaded = new Map<string, AnyRule>();
  const defaults = new Map<string, { level: RuleLevel; options: unknown }>();
  for (const id of Object.keys(catalogue).sort()) {
    const group = groupOf(id);
    const settingIn = (rules: Record<string, PlacedSetting>): PlacedSetting | undefined => rules[id] ?? (group ? rules[group] : undefined);
    const enabledSomewhere = settingIn(top)?.level !== 'off' || overrides.some((o) => (settingIn(o.rules)?.level ?? 'off') !== 'off');
    if (!enabledSomewhere) continue;
    let rule: AnyRule;
    try {
      rule = await catalogue[id]!();
    } catch (error) {
      diagnostics.push(internal(`rule "${id}" cannot be loaded: ${messageOf(error)}`));
      continue;
    }
    if (rule.meta.id !== id) {
      diagnostics.push(internal(`rule registered as "${id}" calls itself "${rule.meta.id}" in its meta`));
      continue;
    }
    loaded.set(id, rule);

    const settings = [top[id], ...overrides.map((o) => o.rules[id])].filter((s): s is PlacedSetting => s !== undefined);
    for (const setting of settings) {
      if (setting.options === undefined) continue;
      const parsed = parseOptions(rule, setting.options);
      if (parsed.ok) setting.parsed = parsed.value;
      else diagnostics.push(...optionDiagnostics(rule, parsed, setting.at, file, locate));
    }
    const defaultOptions = parseOptions(rule, undefined);
    if (!defaultOptions.ok && top[id]?.options === undefined) {
      // A rule whose schema has no defaults for every option must be configured with them.
      diagnostics.push({
        ruleId: 'config/invalid-options',
        severity: 'error',
        message: `rule "${id}" needs options: ${defaultOptions.issues.map((issue) => issue.message).join('; ')}`,
        file,
        range: settings[0] ? locate(settings[0].at, { key: true }) : null,
      });
    }
    let level = rule.meta.defaultLevel;
    // A rule with its own per-file levels (a Vale rule and its `.vale.ini`) keeps them.
    if (options.forceEnabled && level === 'off' && !top[id] && !rule.meta.levelFor) level = 'error';
    defaults.set(id, { level, options: defaultOptions.ok ? defaultOptions.value : undefined });
  }

  return { rules: new RuleSet(loaded, top, overrides, defaults, knownIds), diagnostics };
}

type ParsedOptions = { ok: true; value: unknown } | { ok: false; issues: z.core.$ZodIssue[]; noSchema?: true };

function parseOptions(rule: AnyRule, options: Record<string, unknown> | undefined): ParsedOptions {
  const schema = rule.meta.options;
  if (!schema) {
    if (options === undefined || Object.keys(options).length === 0) return { ok: true, value: {} };
    return { ok: false, issues: [], noSchema: true };
  }
  // Parsed once per run: zod's compiled fast path (built with `new Function`, which V8's code cache
  // cannot keep) costs more to build than it saves on one parse.
  const result = schema.safeParse(options ?? {}, { reportInput: true, jitless: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
}

function optionDiagnostics(
  rule: AnyRule,
  parsed: Extract<ParsedOptions, { ok: false }>,
  at: DataPath,
  file: string,
  locate: Locate,
): Diagnostic[] {
  const optionsPath = [...at, 1];
  if (parsed.noSchema) {
    return [
      {
        ruleId: 'config/invalid-options',
        severity: 'error',
        message: `rule "${rule.meta.id}" takes no options`,
        file,
        range: locate(optionsPath),
      },
    ];
  }
  const issues = parsed.issues.map((issue) => ({ ...issue, path: [...optionsPath, ...issue.path] }));
  // The messages name the path (`rules["id"][1].max: ...`), so they say which rule.
  return zodIssuesToDiagnostics(issues, locate, file, 'config', {});
}

/** The pack of a pack rule (`plain-language` of `plain-language/utilize`); null for other rules and engine ids. */
export function groupOf(id: string): string | null {
  if (id in ENGINE_RULE_LEVELS) return null;
  const slash = id.indexOf('/');
  if (slash > 0) return id.slice(0, slash);
  // A Vale style (`Google`) names its rules (`Google.WordList`).
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : null;
}

function internal(message: string): Diagnostic {
  return { ruleId: 'internal/rule-load', severity: 'error', message, file: 'brandlint', range: null };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
