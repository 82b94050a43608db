/**
 * The format-independent half of an import: names, references, types and values of the tokens
 * the readers found, then DTCG 2025.10 files (and a resolver document when the tokens have
 * modes or sets that override each other), checked by brandlint's own DTCG loader before they
 * are handed out. A token the loader would reject is dropped with the reason, so the output
 * always validates.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { JsonNode } from '../dtcg/json.js';
import { loadTokenSet } from '../dtcg/load.js';
import type { TokenInput } from '../dtcg/load.js';
import { allInputs, parseResolverDocument, resolveInput } from '../dtcg/resolver.js';
import type { ResolverFile } from '../dtcg/resolver.js';
import type { TokenType } from '../types.js';
import { dtcgTypeOf, kindFromName, kindOfTypeName, type ImportKind } from './kinds.js';
import { IMPORT_CODES, type ImportLog } from './log.js';
import type { ComposePlan, FormatReading, GroupMetadata, ImportFile, RawToken, ReferenceSyntax } from './model.js';
import { colorFromDtcg, convertValue, isDrop, isGradientText, splitFontStack, type ConvertEnv, type Converted, type ReferenceTarget } from './values.js';
import { formatHex } from '../../core/culori.js';

export interface ImportOptions {
  /** px per em where an em length has no font size to refer to. Default 16. */
  emBase?: number;
  /** px per rem where px and rem meet in a calculation. Default 16. */
  remBase?: number;
  /** Name of the resolver document written when the tokens have modes: `<name>.resolver.json`. Default `tokens`. */
  resolverName?: string;
}

/** One file of the import's output. */
export interface OutputFile {
  /** Relative path, forward slashes (`color.tokens.json`, `tokens.resolver.json`). */
  path: string;
  text: string;
}

export interface ConvertedTokens {
  files: OutputFile[];
  /** The resolver document among `files`, when one was written. */
  resolver?: string;
  /** Tokens written (each token once, whatever the number of its modes). */
  tokenCount: number;
  /** Where each written token came from: `<output file>|<token path>` -> source. */
  sources: Map<string, { file: string; range: Diagnostic['range'] }>;
}

type Input = Readonly<Record<string, string>>;
const NO_INPUT: Input = Object.freeze(Object.create(null) as Record<string, string>);

class Entry {
  /** Path as written, joined with dots (what references name). */
  readonly key: string;
  outPath: string[] = [];
  kindState: 0 | 1 | 2 = 0;
  kind: ImportKind | null = null;
  dropped: string | undefined;
  readonly values = new Map<string, Converted>();
  readonly resolving = new Set<string>();

  constructor(
    readonly raw: RawToken,
    readonly syntax: ReferenceSyntax,
    readonly order: number,
  ) {
    this.key = raw.path.join('.');
  }

  get outName(): string {
    return this.outPath.join('.');
  }
}

/** Lower-case, with runs of spaces, `_` and `-` as one `-`: how Figma names and their keys meet. */
function normalizeName(name: string): string {
  return name
    .split('.')
    .map((segment) => segment.trim().toLowerCase().replace(/[\s_-]+/g, '-'))
    .join('.');
}

export class Importer {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private readonly byNormalized = new Map<string, Entry>();
  private readonly byOutName = new Map<string, Entry>();
  private readonly referrers = new Map<Entry, Entry[]>();
  private plan: ComposePlan | undefined;
  private readonly groups: GroupMetadata[] = [];
  private readonly emBase: number;
  private readonly remBase: number;

  constructor(
    readings: readonly FormatReading[],
    private readonly log: ImportLog,
    private readonly options: ImportOptions = {},
  ) {
    this.emBase = options.emBase ?? 16;
    this.remBase = options.remBase ?? 16;
    let order = 0;
    for (const reading of readings) {
      this.groups.push(...(reading.groups ?? []));
      if (reading.plan) this.plan = this.plan ? mergePlans(this.plan, reading.plan) : reading.plan;
      for (const raw of reading.tokens) this.register(new Entry(raw, reading.references, order++));
    }
    this.assignNames();
  }

  // ------------------------------------------------------------------ names

  private register(entry: Entry): void {
    const previous = this.byKey.get(entry.key);
    if (previous && previous.raw.stem === entry.raw.stem && !previous.dropped) {
      const { line, column } = previous.raw.file.source.range(previous.raw.keySpan).start;
      previous.dropped = 'duplicate';
      this.log.warn(entry.raw.file.source, entry.raw.keySpan, IMPORT_CODES.duplicate, `${entry.key} is defined again (first at ${previous.raw.file.file}:${line}:${column}); this later definition is kept`, entry.key);
    }
    this.entries.push(entry);
    this.byKey.set(entry.key, entry);
    this.byNormalized.set(normalizeName(entry.key), entry);
  }

  /** Output paths: names DTCG allows, unique, and `$root` for a token that is also a group. */
  private assignNames(): void {
    const renamed = new Set<string>();
    const live = this.entries.filter((entry) => !entry.dropped);
    for (const entry of live) {
      entry.outPath = entry.raw.path.map((segment) => {
        const clean = cleanSegment(segment);
        if (clean !== segment && !renamed.has(`${entry.raw.file.file}|${segment}`)) {
          renamed.add(`${entry.raw.file.file}|${segment}`);
          this.log.warn(
            entry.raw.file.source,
            entry.raw.keySpan,
            IMPORT_CODES.renamed,
            `the name ${JSON.stringify(segment)} is written as ${JSON.stringify(clean)}: DTCG names cannot contain ".", "{" or "}", nor start with "$"`,
            entry.key,
          );
        }
        return clean;
      });
    }
    const groups = new Set<string>();
    for (const entry of live) for (let i = 1; i < entry.outPath.length; i++) groups.add(entry.outPath.slice(0, i).join('.'));
    for (const entry of live) {
      if (groups.has(entry.outPath.join('.'))) entry.outPath = [...entry.outPath, '$root'];
      this.byOutName.set(entry.outName, entry);
    }
  }

  // ------------------------------------------------------------------ references

  /** The entry a whole-value reference names, `missing` for a reference to nothing, undefined for no reference. */
  lookup(text: string, syntax: ReferenceSyntax): Entry | 'missing' | undefined {
    const name = referenceName(text, syntax);
    if (name === undefined) return undefined;
    const candidates = syntax === 'theo' ? [`aliases.${name}`, name] : [name];
    for (const candidate of candidates) {
      const found = this.byKey.get(candidate) ?? this.byKey.get(candidate.replace(/\.\$?value$/, '')) ?? this.byNormalized.get(normalizeName(candidate));
      if (found) return found;
    }
    // `$a.b` (old Tokens Studio) is a reference only when it names a token.
    if (text.startsWith('$')) return undefined;
    return 'missing';
  }

  private referrersOf(target: Entry): Entry[] {
    if (this.referrers.size === 0) {
      for (const entry of this.entries) {
        const values = [entry.raw.value, ...(entry.raw.modes ? entry.raw.modes.contexts.values() : [])];
        for (const value of values) {
          if (value?.kind !== 'string') continue;
          const found = this.lookup(value.value.trim(), entry.syntax);
          if (found && found !== 'missing') this.referrers.set(found, [...(this.referrers.get(found) ?? []), entry]);
        }
      }
    }
    return this.referrers.get(target) ?? [];
  }

  // ------------------------------------------------------------------ kinds

  kindOf(entry: Entry): ImportKind | null {
    if (entry.kindState === 2) return entry.kind;
    if (entry.kindState === 1) return null;
    entry.kindState = 1;
    entry.kind = this.determineKind(entry);
    entry.kindState = 2;
    return entry.kind;
  }

  private determineKind(entry: Entry): ImportKind | null {
    const { raw } = entry;
    if (raw.kind) return raw.kind;
    const value = this.defaultValue(entry);
    if (raw.typeName && raw.typeName.name.toLowerCase() !== 'unknown') {
      const kind = kindOfTypeName(raw.typeName.name);
      if (typeof kind === 'object') {
        entry.dropped = `its type "${raw.typeName.name}" has no DTCG equivalent`;
        return null;
      }
      // A color type whose value is a gradient (Theo writes those): the gradient is kept as one.
      const target = value?.kind === 'string' ? this.lookup(value.value.trim(), entry.syntax) : undefined;
      const holdsGradient = value?.kind === 'string' && (isGradientText(value.value) || (target !== undefined && target !== 'missing' && target !== entry && this.kindOf(target) === 'gradient'));
      if (kind === 'color' && holdsGradient && value) {
        this.log.warn(raw.file.source, value, IMPORT_CODES.converted, `${entry.key} is typed "${raw.typeName.name}" but holds a gradient; it is written as a gradient token`, entry.key);
        return 'gradient';
      }
      return refineByName(kind, raw);
    }
    if (value?.kind === 'string') {
      const target = this.lookup(value.value.trim(), entry.syntax);
      if (target && target !== 'missing') {
        const kind = this.kindOf(target);
        if (kind) return kind;
      }
    }
    const inferred = value ? inferKind(value) : undefined;
    if (inferred) return raw.nameHints ? refineByName(inferred, raw) : inferred;
    if (raw.nameHints) {
      const hinted = kindFromName(raw.path);
      if (hinted) return hinted;
    }
    for (const referrer of this.referrersOf(entry)) {
      if (referrer === entry) continue;
      const kind = referrer.kindState === 1 ? null : this.kindOf(referrer);
      if (kind) return kind;
    }
    return null;
  }

  private defaultValue(entry: Entry): JsonNode | undefined {
    const { raw } = entry;
    if (raw.value) return raw.value;
    return raw.modes?.contexts.get(raw.modes.defaultContext) ?? raw.modes?.contexts.values().next().value;
  }

  // ------------------------------------------------------------------ values

  private inputKey(entry: Entry, input: Input): string {
    const modes = entry.raw.modes;
    if (!modes) return '';
    return `${modes.modifier}=${input[modes.modifier] ?? modes.defaultContext}`;
  }

  /** The token's value for an input (its modes' context, else its default), converted once. */
  convert(entry: Entry, input: Input): Converted {
    const key = this.inputKey(entry, input);
    const done = entry.values.get(key);
    if (done) return done;
    if (entry.resolving.has(key)) return { drop: 'its references form a cycle' };
    entry.resolving.add(key);
    const result = this.convertOnce(entry, input);
    entry.resolving.delete(key);
    entry.values.set(key, result);
    return result;
  }

  private convertOnce(entry: Entry, input: Input): Converted {
    if (entry.dropped) return { drop: entry.dropped };
    const kind = this.kindOf(entry);
    if (entry.dropped) return { drop: entry.dropped };
    if (!kind) {
      const value = this.defaultValue(entry);
      return { drop: value ? `its type cannot be told from ${describeShort(value)} (name a type in the source)` : 'it has no value' };
    }
    const modes = entry.raw.modes;
    const context = modes ? (input[modes.modifier] ?? modes.defaultContext) : undefined;
    const node = modes && context !== undefined ? (modes.contexts.get(context) ?? this.defaultValue(entry)) : this.defaultValue(entry);
    if (!node) return { drop: 'it has no value' };
    const contextInput: Input = modes && context !== undefined ? { ...input, [modes.modifier]: context } : input;
    const source = (context !== undefined ? modes?.files?.get(context) : undefined) ?? entry.raw.file;
    return convertValue(node, kind, this.env(entry, contextInput, source));
  }

  private env(entry: Entry, input: Input, file: ImportFile): ConvertEnv {
    const { raw } = entry;
    return {
      emBase: this.emBase,
      remBase: this.remBase,
      unitless: raw.unitless ?? 'px',
      reference: (text) => {
        const found = this.lookup(text, entry.syntax);
        if (!found || found === 'missing') return found;
        if (found === entry) return 'missing';
        return this.target(found, input);
      },
      substitute: (text) => this.substitute(text, entry, input),
      note: (span, message) => {
        if (span.start >= 0) this.log.warn(file.source, span, IMPORT_CODES.converted, message, entry.key);
      },
    };
  }

  private target(entry: Entry, input: Input): ReferenceTarget {
    return {
      name: entry.outName,
      kind: this.kindOf(entry),
      type: () => {
        const converted = this.convert(entry, input);
        if (isDrop(converted)) return null;
        const kind = this.kindOf(entry);
        return converted.type ?? (kind ? dtcgTypeOf(kind) : null);
      },
      resolved: () => this.resolved(entry, input, 0),
    };
  }

  /** A token's value with aliases followed to the end. */
  private resolved(entry: Entry, input: Input, depth: number): unknown {
    if (depth > 64) return undefined;
    const converted = this.convert(entry, input);
    if (isDrop(converted)) return undefined;
    const value = converted.value;
    if (typeof value === 'string' && /^\{[^{}]+\}$/.test(value)) {
      const next = this.byOutName.get(value.slice(1, -1));
      return next ? this.resolved(next, input, depth + 1) : undefined;
    }
    return value;
  }

  /** References inside a longer string, replaced by the CSS text of their values. */
  private substitute(text: string, entry: Entry, input: Input): string {
    const pattern = entry.syntax === 'theo' ? /\{!([^{}]+)\}|\{([^{}]+)\}/g : /\{([^{}]+)\}/g;
    if (!pattern.test(text)) return text;
    return text.replace(pattern, (match) => {
      const found = this.lookup(match, entry.syntax);
      if (!found || found === 'missing' || found === entry) return match;
      const value = this.resolved(found, input, 0);
      return value === undefined ? match : (cssText(value) ?? match);
    });
  }

  // ------------------------------------------------------------------ output

  /** Converts every token, writes the output files, and drops what DTCG validation rejects. */
  run(): ConvertedTokens {
    for (let round = 0; round < 8; round++) {
      const output = this.write();
      const problems = this.verify(output);
      if (problems.length === 0) return output;
      let dropped = 0;
      for (const problem of problems) {
        const entry = problem.tokenPath ? this.byOutName.get(problem.tokenPath) : undefined;
        if (!entry || entry.dropped) {
          this.log.add(null, problem.file, null, IMPORT_CODES.internal, 'error', `the imported tokens do not validate: ${problem.message}`);
          continue;
        }
        entry.dropped = problem.message;
        for (const [key] of entry.values) entry.values.set(key, { drop: problem.message });
        dropped++;
      }
      for (const entry of this.entries) entry.values.clear();
      if (dropped === 0) return output;
    }
    return this.write();
  }

  private write(): ConvertedTokens {
    const sources = new Map<string, { file: string; range: Diagnostic['range'] }>();
    const files = new Map<string, Record<string, unknown>>();
    const fileOf = (stem: string) => {
      let root = files.get(stem);
      if (!root) {
        root = Object.create(null) as Record<string, unknown>;
        files.set(stem, root);
      }
      return root;
    };
    const modifiers = new Map<string, { defaultContext: string; contexts: Map<string, Set<string>> }>();
    const baseStems: string[] = [];
    const addBase = (stem: string) => {
      if (!baseStems.includes(stem)) baseStems.push(stem);
    };
    const placed = new Map<string, { stem: string; entry: Entry }>();
    const overrides: string[] = [];
    const overridePairs = new Map<string, { earlier: Entry; later: Entry; count: number }>();
    let tokenCount = 0;
    const reported = new Set<Entry>();

    for (const entry of this.entries) {
      if (entry.dropped === 'duplicate') continue;
      const { raw } = entry;
      const base = this.convert(entry, NO_INPUT);
      if (isDrop(base)) {
        this.reportDrop(entry, base.drop, reported);
        continue;
      }
      const kind = this.kindOf(entry);
      const type = base.type ?? (kind ? dtcgTypeOf(kind) : null);
      if (!type) continue;
      tokenCount++;
      const token = (value: unknown): Record<string, unknown> => {
        const out: Record<string, unknown> = { $type: type, $value: value };
        if (raw.description) out.$description = raw.description;
        if (raw.deprecated !== undefined) out.$deprecated = raw.deprecated;
        if (raw.extensions && Object.keys(raw.extensions).length > 0) out.$extensions = raw.extensions;
        return out;
      };
      // The default value goes to the token's own file; each context that differs overrides it
      // from a context file, so a context that does not name the token keeps the default.
      addBase(raw.stem);
      const first = placed.get(entry.outName);
      if (first !== undefined && first.stem !== raw.stem) {
        overrides.push(entry.outName);
        const pair = `${first.stem}|${raw.stem}`;
        const known = overridePairs.get(pair);
        if (known) known.count++;
        else overridePairs.set(pair, { earlier: first.entry, later: entry, count: 1 });
      }
      placed.set(entry.outName, { stem: raw.stem, entry });
      setPath(fileOf(raw.stem), entry.outPath, token(base.value));
      sources.set(`${raw.stem}|${entry.outName}`, { file: raw.file.file, range: raw.file.source.range(raw.keySpan) });
      const modes = raw.modes;
      if (!modes) continue;
      let modifier = modifiers.get(modes.modifier);
      if (!modifier) {
        modifier = { defaultContext: modes.defaultContext, contexts: new Map([[modes.defaultContext, new Set<string>()]]) };
        modifiers.set(modes.modifier, modifier);
      }
      for (const context of modes.contexts.keys()) {
        let stems = modifier.contexts.get(context);
        if (!stems) {
          stems = new Set();
          modifier.contexts.set(context, stems);
        }
        const value = this.convert(entry, { [modes.modifier]: context });
        if (isDrop(value) || (value.type ?? type) !== type) {
          const reason = isDrop(value) ? value.drop : `it is a ${value.type}, the default a ${type}`;
          const where = modes.files?.get(context) ?? raw.file;
          this.log.warn(where.source, modes.contexts.get(context) ?? raw.keySpan, IMPORT_CODES.unmapped, `the ${context} value of ${entry.key} is not imported (${reason}); the default value applies in ${context}`, entry.key);
          continue;
        }
        if (JSON.stringify(value.value) === JSON.stringify(base.value)) continue;
        const stem = `${raw.stem}.${slug(modes.modifier)}-${slug(context)}`;
        stems.add(stem);
        setPath(fileOf(stem), entry.outPath, token(value.value));
        sources.set(`${stem}|${entry.outName}`, { file: raw.file.file, range: raw.file.source.range(raw.keySpan) });
      }
    }

    for (const group of this.groups) {
      const root = files.get(group.stem);
      let node: unknown = root;
      for (const segment of group.path.map(cleanSegment)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
      if (!node || typeof node !== 'object' || '$value' in node) continue;
      const record = node as Record<string, unknown>;
      const children = Object.entries(record);
      for (const key of Object.keys(record)) delete record[key];
      if (group.description !== undefined) record.$description = group.description;
      if (group.deprecated !== undefined) record.$deprecated = group.deprecated;
      if (group.extensions !== undefined) record.$extensions = group.extensions;
      for (const [key, value] of children) record[key] = value;
    }

    const out: OutputFile[] = [...files].map(([stem, root]) => ({ path: `${stem}.tokens.json`, text: formatJson(root) }));
    const plan = this.composePlan(baseStems, modifiers, files);
    for (const { earlier, later, count } of overridePairs.values()) {
      if (plan && !together(plan, earlier.raw.stem, later.raw.stem)) continue;
      this.log.warn(
        later.raw.file.source,
        later.raw.keySpan,
        IMPORT_CODES.duplicate,
        `${count === 1 ? `${later.key} is` : `${count} tokens (first: ${later.key}) are`} also defined in ${earlier.raw.file.file}; the resolver lists ${later.raw.file.file} later, so its values win`,
        later.key,
      );
    }
    const result: ConvertedTokens = { files: out, tokenCount, sources };
    if (plan && (plan.modifiers.length > 0 || overrides.length > 0 || this.plan)) {
      const name = `${this.options.resolverName ?? 'tokens'}.resolver.json`;
      out.push({ path: name, text: resolverText(plan) });
      result.resolver = name;
    }
    return result;
  }

  private reportDrop(entry: Entry, reason: string, reported: Set<Entry>): void {
    if (reported.has(entry)) return;
    reported.add(entry);
    const { raw } = entry;
    const at = raw.value ?? raw.keySpan;
    this.log.warn(raw.file.source, at, IMPORT_CODES.unmapped, `${entry.key} is not imported: ${reason}`, entry.key);
  }

  private composePlan(baseStems: string[], modifiers: Map<string, { defaultContext: string; contexts: Map<string, Set<string>> }>, files: Map<string, unknown>): ComposePlan | undefined {
    if (this.plan) {
      const known = (stem: string) => files.has(stem);
      return {
        base: this.plan.base.filter(known),
        modifiers: this.plan.modifiers.map((modifier) => ({
          ...modifier,
          contexts: modifier.contexts.map((context) => ({ name: context.name, stems: context.stems.filter(known) })),
        })),
      };
    }
    return {
      base: baseStems,
      modifiers: [...modifiers].map(([name, modifier]) => ({
        name,
        defaultContext: modifier.defaultContext,
        contexts: [...modifier.contexts].map(([context, stems]) => ({ name: context, stems: [...stems] })),
      })),
    };
  }

  /** What the DTCG loader says about the output (errors only): with the resolver, in every context. */
  private verify(output: ConvertedTokens): Diagnostic[] {
    const tokenFiles = output.files.filter((file) => file.path !== output.resolver);
    if (!output.resolver) {
      const inputs: TokenInput[] = tokenFiles.map((file) => ({ file: file.path, text: file.text }));
      return loadTokenSet(inputs).diagnostics.filter((d) => d.severity === 'error');
    }
    const resolverFile = output.files.find((file) => file.path === output.resolver);
    const parsed = parseResolverDocument(resolverFile?.text ?? '', output.resolver);
    if (!parsed.resolver) return parsed.diagnostics.filter((d) => d.severity === 'error');
    const map = new Map<string, ResolverFile>(tokenFiles.map((file) => [file.path, { file: file.path, text: file.text }]));
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const input of allInputs(parsed.resolver).inputs) {
      for (const diagnostic of resolveInput(parsed.resolver, input, map).diagnostics) {
        const key = `${diagnostic.tokenPath ?? ''}|${diagnostic.message}`;
        if (diagnostic.severity !== 'error' || seen.has(key)) continue;
        seen.add(key);
        out.push(diagnostic);
      }
    }
    return out;
  }
}

function mergePlans(a: ComposePlan, b: ComposePlan): ComposePlan {
  return { base: [...a.base, ...b.base], modifiers: [...a.modifiers, ...b.modifiers] };
}

function resolverText(plan: ComposePlan): string {
  const ref = (stem: string) => ({ $ref: `${stem}.tokens.json` });
  const document: Record<string, unknown> = {
    $schema: 'https://www.designtokens.org/schemas/2025.10/resolver.json',
    version: '2025.10',
  };
  const resolutionOrder: unknown[] = [];
  if (plan.base.length > 0) {
    document.sets = { base: { sources: plan.base.map(ref) } };
    resolutionOrder.push({ $ref: '#/sets/base' });
  }
  const modifiers = plan.modifiers.filter((modifier) => modifier.contexts.length >= 2);
  if (modifiers.length > 0) {
    const defined = Object.create(null) as Record<string, unknown>;
    for (const modifier of modifiers) {
      const contexts = Object.create(null) as Record<string, unknown>;
      for (const context of modifier.contexts) contexts[context.name] = context.stems.map(ref);
      defined[modifier.name] = { contexts, default: modifier.defaultContext };
      resolutionOrder.push({ $ref: `#/modifiers/${encodePointerSegment(modifier.name)}` });
    }
    document.modifiers = defined;
  }
  // A modifier with one context is a set of its own, merged after the base.
  for (const modifier of plan.modifiers.filter((candidate) => candidate.contexts.length < 2)) {
    for (const context of modifier.contexts) resolutionOrder.push({ type: 'set', name: `${modifier.name}-${context.name}`, sources: context.stems.map(ref) });
  }
  document.resolutionOrder = resolutionOrder;
  return formatJson(document);
}

function encodePointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1')).replace(/%40/g, '@').replace(/%3A/gi, ':');
}

function referenceName(text: string, syntax: ReferenceSyntax): string | undefined {
  if (syntax === 'theo') {
    const theo = /^\{!([^{}]+)\}$/.exec(text);
    if (theo) return theo[1]?.trim();
  }
  const curly = /^\{([^{}]+)\}$/.exec(text);
  if (curly) return curly[1]?.trim();
  const dollar = /^\$([A-Za-z0-9_][\w.-]*)$/.exec(text);
  return dollar?.[1];
}

function cleanSegment(segment: string): string {
  let out = segment.replace(/[{}]/g, '').replace(/\./g, '-');
  if (out.startsWith('$')) out = `_${out.slice(1)}`;
  return out === '' ? '_' : out;
}

export function slug(name: string): string {
  return name.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'context';
}

function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = root;
  for (const segment of path.slice(0, -1)) {
    let next = current[segment];
    if (!next || typeof next !== 'object' || '$value' in (next as object)) {
      next = Object.create(null) as Record<string, unknown>;
      current[segment] = next;
    }
    current = next as Record<string, unknown>;
  }
  current[path[path.length - 1] ?? '_'] = value;
}

function describeShort(node: JsonNode): string {
  if (node.kind === 'string') return JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 37)}...` : node.value);
  if (node.kind === 'number' || node.kind === 'boolean') return String(node.value);
  return `a value of kind ${node.kind}`;
}

/** The kind a value's shape tells, when it tells one. */
export function inferKind(node: JsonNode): ImportKind | undefined {
  switch (node.kind) {
    case 'number':
      return 'number';
    case 'string': {
      const text = node.value.trim();
      if (isGradientText(text)) return 'gradient';
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)(px|rem|em|pt)$/i.test(text)) return 'dimension';
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)(ms|s)$/i.test(text)) return 'duration';
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(text)) return 'number';
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return 'number';
      if (/^cubic-bezier\(/i.test(text)) return 'cubicBezier';
      if (colorFromDtcg(text) && !/^(inherit|initial|unset|currentcolor)$/i.test(text)) return 'color';
      if (/,/.test(text) && splitFontStack(text).length > 1) return 'fontFamily';
      return undefined;
    }
    case 'object': {
      const keys = new Set(node.members.map((member) => member.key));
      if (keys.has('colorSpace')) return 'color';
      if (keys.has('fontFamily') || keys.has('fontSize')) return 'typography';
      if ((keys.has('x') || keys.has('offsetX')) && keys.has('color')) return 'shadow';
      if (keys.has('width') && keys.has('color')) return 'border';
      if (keys.has('duration')) return 'transition';
      if (keys.has('value') && keys.has('unit')) {
        const unit = node.members.find((member) => member.key === 'unit')?.value;
        return unit?.kind === 'string' && /^m?s$/.test(unit.value) ? 'duration' : 'dimension';
      }
      if (['r', 'g', 'b'].every((key) => keys.has(key))) return 'color';
      return undefined;
    }
    case 'array': {
      if (node.items.length === 4 && node.items.every((item) => item.kind === 'number')) return 'cubicBezier';
      const first = node.items[0];
      if (first?.kind === 'object' && first.members.some((member) => member.key === 'x' || member.key === 'offsetX')) return 'shadow';
      if (first?.kind === 'object' && first.members.some((member) => member.key === 'position')) return 'gradient';
      if (node.items.length > 0 && node.items.every((item) => item.kind === 'string')) return 'fontFamily';
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A general kind made specific by the name (`number` named `lineHeight` is a line height). */
function refineByName(kind: ImportKind, raw: RawToken): ImportKind {
  const hint = kindFromName(raw.path);
  if (!hint) return kind;
  if (kind === 'number' && ['lineHeight', 'opacity', 'fontWeight', 'dimension', 'fontSize', 'letterSpacing', 'duration'].includes(hint)) {
    return raw.nameHints ? hint : hint === 'lineHeight' || hint === 'opacity' || hint === 'fontWeight' ? hint : kind;
  }
  if (kind === 'dimension' && (hint === 'fontSize' || hint === 'letterSpacing' || hint === 'lineHeight')) return hint;
  return kind;
}

/** A resolved DTCG value as CSS text (to put a referenced value into a CSS-like string). */
function cssText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value.map((item) => (/\s/.test(item) ? `'${item}'` : item)).join(', ') : undefined;
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.value === 'number' && typeof record.unit === 'string') return `${record.value}${record.unit}`;
  const color = colorFromDtcg(value);
  if (color) {
    const hex = typeof record.hex === 'string' ? record.hex : formatHex(color);
    const alpha = typeof record.alpha === 'number' ? record.alpha : 1;
    if (alpha >= 1) return hex;
    const digits = hex.replace('#', '');
    const channel = (index: number) => Number.parseInt(digits.slice(index * 2, index * 2 + 2), 16);
    return `rgba(${channel(0)}, ${channel(1)}, ${channel(2)}, ${alpha})`;
  }
  return undefined;
}


/** JSON with 2-space indentation, arrays of plain values on one line (`"components": [0.1, 0.3, 0.2]`). */
export function formatJson(value: unknown): string {
  const write = (node: unknown, indent: string): string => {
    if (Array.isArray(node)) {
      if (node.every((item) => item === null || typeof item !== 'object')) return `[${node.map((item) => JSON.stringify(item)).join(', ')}]`;
      const inner = `${indent}  `;
      return `[\n${node.map((item) => `${inner}${write(item, inner)}`).join(',\n')}\n${indent}]`;
    }
    if (node && typeof node === 'object') {
      const entries = Object.entries(node);
      if (entries.length === 0) return '{}';
      const inner = `${indent}  `;
      return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(node);
  };
  return `${write(value, '')}\n`;
}

/** Whether two output files are merged into one resolution (so a token in both is overridden). */
function together(plan: ComposePlan, a: string, b: string): boolean {
  const groups = [plan.base, ...plan.modifiers.flatMap((modifier) => modifier.contexts.map((context) => [...plan.base, ...context.stems]))];
  return groups.some((group) => group.includes(a) && group.includes(b));
}
