/**
 * Finds, reads and validates rule packs: the packs shipped in rules/packs/*.yml, the files the
 * configuration's `packs:` globs name, and the brand pack (rules/packs/brand.ts). A pack that
 * does not validate is a configuration error positioned in the pack file (the CLI exits 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { noLocate, parseDataFile, zodIssuesToDiagnostics, type DataPath, type Locate } from '../../src/core/data-file.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { packageRoot } from '../../src/core/package-info.js';
import { describeHazard, findBacktrackingHazard } from '../../src/core/regex-safety.js';
import { readTextFile } from '../../src/core/text-file.js';
import { BRAND_PACK_ID, brandPackRules } from './brand.js';
import { compilePack, type PackDocumentRule } from './compile.js';
import { packSchema, RULE_SCHEMAS, type RuleKind, type RulePack } from './schema.js';

export interface ParsedPack {
  pack: RulePack | null;
  diagnostics: Diagnostic[];
  /** Finds a value of the pack file by its path (for checks after validation). */
  locate: Locate;
}

/**
 * Parses and validates one pack file's text. Rule ids of problems: `pack/syntax`,
 * `pack/unknown-key`, `pack/invalid-value`, `pack/invalid-regex`, `pack/duplicate`, ...
 */
export function parsePack(text: string, file: string): ParsedPack {
  const parsed = parseDataFile(text, file, { ruleIdPrefix: 'pack', ...(/\.json$/i.test(file) ? {} : { format: 'yaml' as const }) });
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { pack: null, diagnostics: parsed.diagnostics, locate: noLocate };
  const result = packSchema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return { pack: result.data, diagnostics: parsed.diagnostics, locate: parsed.locate };
  const diagnostics = result.error.issues.flatMap((issue) => zodIssuesToDiagnostics([issue], parsed.locate, file, 'pack', { schema: schemaFor(issue.path, parsed.data) }));
  return { pack: null, diagnostics: [...parsed.diagnostics, ...sortByPosition(diagnostics)], locate: parsed.locate };
}

/** The regular expressions of a pack, each with where it is written and the flags it is compiled with (see compile.ts). */
function packPatterns(pack: RulePack): Array<{ source: string; flags: string; path: DataPath }> {
  return pack.rules.flatMap((rule, index) => {
    switch (rule.kind) {
      case 'existence':
        return rule.patterns.map((entry, at) =>
          typeof entry === 'string'
            ? { source: entry, flags: rule.ignoreCase ? 'giu' : 'gu', path: ['rules', index, 'patterns', at] }
            : { source: entry.pattern, flags: rule.ignoreCase ? 'giu' : 'gu', path: ['rules', index, 'patterns', at, 'pattern'] },
        );
      case 'occurrence':
        return rule.pattern ? [{ source: rule.pattern, flags: 'gu', path: ['rules', index, 'pattern'] }] : [];
      case 'require':
        return [
          ...(rule.pattern ? [{ source: rule.pattern, flags: rule.ignoreCase ? 'iu' : 'u', path: ['rules', index, 'pattern'] }] : []),
          ...(rule.linkPattern ? [{ source: rule.linkPattern, flags: rule.ignoreCase ? 'iu' : 'u', path: ['rules', index, 'linkPattern'] }] : []),
        ];
      default:
        return [];
    }
  });
}

/**
 * `pack/unsafe-regex` errors for the patterns of a pack that can backtrack catastrophically
 * (src/core/regex-safety.ts), each at the pattern in the pack file.
 */
export async function unsafePatternDiagnostics(pack: RulePack, locate: Locate, file: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const { source, flags, path: at } of packPatterns(pack)) {
    const hazard = await findBacktrackingHazard(source, flags);
    if (hazard) diagnostics.push({ ruleId: 'pack/unsafe-regex', severity: 'error', message: describeHazard(source, hazard), file, range: locate(at) });
  }
  return diagnostics;
}

/** The pack schema with the rule at `path` narrowed to its kind, when the rule names a known kind. */
function schemaFor(path: ReadonlyArray<PropertyKey>, data: unknown): z.ZodType {
  const [top, index] = path;
  if (top !== 'rules' || typeof index !== 'number') return packSchema;
  const rules = (data as { rules?: unknown } | null)?.rules;
  const kind = Array.isArray(rules) ? (rules[index] as { kind?: unknown } | null)?.kind : undefined;
  const schema = typeof kind === 'string' && kind in RULE_SCHEMAS ? RULE_SCHEMAS[kind as RuleKind] : undefined;
  return schema ? z.object({ rules: z.array(schema) }) : packSchema;
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.range?.start.offset ?? Infinity) - (b.range?.start.offset ?? Infinity));
}

/** Where the shipped packs live: rules/packs of brandlint's package (whether run from source, dist/ or the bundle). */
export function shippedPacksFolder(): string {
  return path.join(packageRoot(), 'rules', 'packs');
}

export interface LoadRulePacksOptions {
  /** Absolute globs of extra pack files (the configuration's `packs`). */
  files?: readonly string[];
  /** Include the shipped packs (default true). */
  shipped?: boolean;
  /** Rule ids that exist already (a pack id may not shadow them). */
  reservedIds?: Iterable<string>;
}

export interface LoadedRulePacks {
  /** `<pack>/<rule>` (Vale: `<Style>.<Rule>`) -> loader, ready to merge into the rule catalogue. */
  catalogue: Record<string, () => Promise<PackDocumentRule>>;
  packs: Array<{ id: string; file: string | null; ruleIds: string[] }>;
  /** Problems in pack files; any error fails the run, warnings are shown (rules Vale styles have that brandlint cannot run). */
  diagnostics: Diagnostic[];
  /** Every file read for the packs (pack files, Vale rule files, `.vale.ini`, vocabularies): what a cache key must hash. */
  sources: string[];
}

export async function loadRulePacks(options: LoadRulePacksOptions = {}): Promise<LoadedRulePacks> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  if (options.shipped !== false) {
    const folder = shippedPacksFolder();
    files.push(...readdirSync(folder).filter((name) => name.endsWith('.yml')).sort().map((name) => path.join(folder, name)));
  }
  const shipped = new Set(files);
  // Vale style folders and `.vale.ini` files (see vale/load.ts); the rest are pack files or globs.
  const { isValeSource } = await import('./vale/detect.js');
  const valeSources = (options.files ?? []).filter((entry) => !/[*?[{]/.test(entry) && isValeSource(entry));
  const packFiles = (options.files ?? []).filter((entry) => !valeSources.includes(entry));
  if (packFiles.length > 0) {
    const { glob } = await import('tinyglobby');
    const found = await glob(
      packFiles.map((pattern) => pattern.split(path.sep).join('/')),
      { absolute: true, onlyFiles: true },
    );
    for (const file of found.sort()) if (!files.includes(file)) files.push(file);
    for (const pattern of packFiles) {
      if (!/[*?[{]/.test(pattern) && !existsSync(pattern)) {
        diagnostics.push({ ruleId: 'pack/not-found', severity: 'error', message: `rule pack "${pattern}" does not exist`, file: pattern, range: null });
      }
    }
  }

  const reserved = new Set(options.reservedIds ?? []);
  const result: LoadedRulePacks = { catalogue: {}, packs: [], diagnostics, sources: [...files] };
  const add = (id: string, file: string | null, rules: PackDocumentRule[]): void => {
    result.packs.push({ id, file, ruleIds: rules.map((rule) => rule.meta.id) });
    for (const rule of rules) result.catalogue[rule.meta.id] = async () => rule;
  };
  add(BRAND_PACK_ID, null, brandPackRules());

  for (const file of files) {
    const read = await readTextFile(file);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    // Shipped packs were parsed and validated when brandlint was built: the same text needs neither again.
    const ready = shipped.has(file) ? precompiledPacks().get(packTextHash(read.text)) : undefined;
    const parsed: ParsedPack = ready ? { pack: ready, diagnostics: [], locate: () => null } : parsePack(read.text, file);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.pack) continue;
    // The shipped packs are checked by their tests; a user's pack on every load.
    if (!shipped.has(file)) {
      const unsafe = await unsafePatternDiagnostics(parsed.pack, parsed.locate, file);
      diagnostics.push(...unsafe);
      if (unsafe.length > 0) continue;
    }
    const { id } = parsed.pack;
    const taken = result.packs.find((pack) => pack.id === id);
    if (taken || reserved.has(id)) {
      const where = taken ? (taken.file ? `by ${taken.file}` : 'by the brand pack') : 'by a rule';
      diagnostics.push({
        ruleId: 'pack/duplicate-id',
        severity: 'error',
        message: `pack id "${id}" is already used ${where}`,
        file,
        range: parseDataFile(read.text, file, { format: 'yaml' }).locate(['id']),
      });
      continue;
    }
    add(id, file, compilePack(parsed.pack));
  }

  for (const source of valeSources) {
    const { loadValeSource } = await import('./vale/load.js');
    const vale = await loadValeSource(source);
    diagnostics.push(...vale.diagnostics);
    result.sources.push(...vale.files);
    // One pack per style, so that `Google: off` and a second copy of a style are handled like packs.
    const byStyle = new Map<string, PackDocumentRule[]>();
    for (const rule of vale.rules) {
      const style = rule.meta.id.slice(0, rule.meta.id.indexOf('.'));
      byStyle.set(style, [...(byStyle.get(style) ?? []), rule]);
    }
    for (const [style, rules] of byStyle) {
      const taken = result.packs.find((pack) => pack.id === style);
      if (taken || reserved.has(style)) {
        diagnostics.push({ ruleId: 'pack/duplicate-id', severity: 'error', message: `Vale style "${style}" is already loaded${taken?.file ? ` from ${taken.file}` : ''}`, file: source, range: null });
        continue;
      }
      add(style, source, rules);
    }
  }
  return result;
}

/** The key of a pack's text among the precompiled packs. */
export function packTextHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where `npm run build` (the `prepare` step) writes the shipped packs, parsed and validated. */
export function precompiledPacksFile(): string {
  return path.join(packageRoot(), 'dist', 'packs.json');
}

let precompiled: Map<string, RulePack> | undefined;

/**
 * The shipped packs as the build validated them, by the hash of their text; empty when there is
 * no build (tests run from source) or it is of another format. A pack whose text changed since
 * the build simply misses and is parsed as usual.
 */
function precompiledPacks(): Map<string, RulePack> {
  if (precompiled) return precompiled;
  precompiled = new Map();
  try {
    const data = JSON.parse(readFileSync(precompiledPacksFile(), 'utf8')) as { format?: unknown; packs?: Array<{ sha256: string; pack: RulePack }> };
    if (data.format === PRECOMPILED_FORMAT && Array.isArray(data.packs)) for (const entry of data.packs) precompiled.set(entry.sha256, entry.pack);
  } catch {
    // No build: parse the packs.
  }
  return precompiled;
}

export const PRECOMPILED_FORMAT = 1;
