/**
 * `lint --print-config FILE`: the configuration in effect for one file, as ESLint's
 * `--print-config` shows it: the rules that run on it with their levels and options (top level,
 * rule packs and overrides applied), its channel, the brand context and campaign the
 * configuration gives it, the locale and the rule packs. The file need not exist.
 */
import path from 'node:path';
import type { Channel } from '../core/channels.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath } from '../core/paths.js';
import { findContext } from '../core/style-context.js';
import { brandForFile } from '../tokens/contexts.js';
import { campaignResolver } from './campaign-resolver.js';
import { createChannelResolver, explicitChannelOf } from './channels.js';
import type { RuleLevel } from './config.js';
import { prepareRun } from './prepare.js';
import type { RuleSource } from './rules.js';

export interface EffectiveConfig {
  /** The file asked about, relative to the working folder. */
  file: string;
  /** The configuration file used (relative), or null when none was found (defaults apply). */
  configFile: string | null;
  /** The channel the configuration (else the file's extension) gives the file; null: none, it is not linted. */
  channel: Channel | null;
  /** The brand context `contexts.files` maps the file to (a sub-brand, dark mode), or null. */
  brandContext: { name: string; input: Record<string, string> } | null;
  /** The campaign `campaigns.assign` gives the file, or null (a file may still name its campaign itself). */
  campaign: string | null;
  /** Locale of content that does not say. */
  locale: string;
  /** Rule pack files and globs the configuration adds (the shipped packs always load). */
  packs: string[];
  /** Every rule that runs on the file, by id: `[level]` or `[level, options]`. Campaign rules included. */
  rules: Record<string, [Exclude<RuleLevel, 'off'>] | [Exclude<RuleLevel, 'off'>, unknown]>;
}

export type EffectiveConfigOutcome =
  | { ok: true; config: EffectiveConfig; warnings: Diagnostic[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

export async function effectiveConfigFor(options: { cwd: string; file: string; configFile?: string; rules?: RuleSource }): Promise<EffectiveConfigOutcome> {
  const { cwd } = options;
  const prepared = await prepareRun({
    cwd,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  if (!prepared.ok) return { ok: false, message: prepared.message, diagnostics: prepared.diagnostics };
  const { config, rules, brand, configFile } = prepared.run;
  const absolute = path.resolve(cwd, options.file);
  const channel = createChannelResolver(config, cwd)(absolute) ?? explicitChannelOf(absolute);

  const settings: EffectiveConfig['rules'] = {};
  if (channel) {
    const entries: Array<[string, Exclude<RuleLevel, 'off'>, unknown]> = rules.rulesFor(absolute, channel).map((rule) => [rule.id, rule.severity === 'error' ? 'error' : 'warn', rule.options]);
    for (const rule of rules.campaignRules()) {
      const level = rules.levelFor(rule.id, absolute, channel);
      if (level !== 'off') entries.push([rule.id, level, rule.options]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [id, level, ruleOptions] of entries) settings[id] = ruleOptions === undefined ? [level] : [level, plainData(ruleOptions)];
  }

  let brandContext: EffectiveConfig['brandContext'] = null;
  const checkedAgainst = brandForFile(brand, absolute);
  const active = checkedAgainst !== brand ? checkedAgainst?.contexts?.active : undefined;
  if (active && brand?.contexts) brandContext = { name: findContext(brand.contexts, active)?.name ?? '', input: { ...active } };

  return {
    ok: true,
    warnings: prepared.run.warnings,
    config: {
      file: displayPath(absolute, cwd),
      configFile: configFile ? displayPath(configFile, cwd) : null,
      channel,
      brandContext,
      campaign: campaignResolver(config)(absolute) ?? null,
      locale: config.locale,
      packs: config.packs.map((pattern) => (path.isAbsolute(pattern) ? displayPath(pattern, cwd) : pattern)),
      rules: settings,
    },
  };
}

/** Options as JSON can hold them: patterns as their source, sets as arrays, maps as objects; functions dropped. */
function plainData(value: unknown, depth = 0): unknown {
  if (depth > 20) return null;
  if (value instanceof RegExp) return value.source;
  if (value instanceof Set) return [...value].map((item) => plainData(item, depth + 1));
  if (value instanceof Map) return plainData(Object.fromEntries(value), depth);
  if (Array.isArray(value)) return value.map((item) => plainData(item, depth + 1));
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = plainData(item, depth + 1);
      if (plain !== undefined) Object.defineProperty(out, key, { value: plain, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
