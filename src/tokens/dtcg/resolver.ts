/**
 * DTCG Resolver Module 2025.10: a resolver document composes token sources into sets and
 * modifiers (light/dark, brand/sub-brand, ...) and lists them in `resolutionOrder`. An input
 * picks one context of every modifier; the sources of the sets and of the picked contexts are
 * merged in order (the last occurrence of a token wins) and only then are aliases resolved.
 *
 * This module parses and checks a resolver document (every MUST of the specification is an
 * error with its position), lists the contexts it can produce, and resolves one of them into a
 * token set. Reading referenced files is the caller's business (see `loadResolverFile`).
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { TokenLoadResult } from '../types.js';
import { describeNode, memberOf } from './json.js';
import type { JsonMember, JsonNode, JsonObject, JsonString, Span } from './json.js';
import { loadTokenSet, parseTokenText } from './load.js';
import type { TokenInput } from './load.js';
import { parsePointer } from './references.js';
import { CODES, DiagnosticSink, FileReporter, SourceFile } from './report.js';

export const RESOLVER_VERSION = '2025.10';

/** Where a set or context takes tokens from. */
export type ResolverSource =
  /** Tokens written in the resolver document itself. */
  | { kind: 'inline'; node: JsonObject }
  /** A token file, relative to the resolver document. */
  | { kind: 'file'; path: string; ref: JsonString };

export interface ResolverSet {
  kind: 'set';
  name: string;
  sources: ResolverSource[];
}

export interface ResolverModifier {
  kind: 'modifier';
  name: string;
  /** Context name -> its sources, in document order. */
  contexts: Map<string, ResolverSource[]>;
  /** The `default` context, when the document names one. */
  defaultContext?: string;
}

export interface ResolverDocument {
  file: string;
  text: string;
  name?: string;
  description?: string;
  /** `resolutionOrder`, with references followed and nested set references flattened. */
  order: Array<ResolverSet | ResolverModifier>;
}

/** One value per modifier (modifier name -> context name). */
export type ResolverInput = Record<string, string>;

export interface ResolverParseResult {
  /** Null when the document is unusable (its structure is invalid). */
  resolver: ResolverDocument | null;
  diagnostics: Diagnostic[];
}

/** Whether a parsed document looks like a resolver (has `resolutionOrder`), not a token file. */
export function isResolverNode(root: JsonNode): boolean {
  return root.kind === 'object' && root.members.some((member) => member.key === 'resolutionOrder');
}

/** Resolver documents by name: `*.resolver.json`, `*.resolver.yaml`, `*.resolver.yml`. */
export function isResolverFileName(file: string): boolean {
  return /\.resolver\.(json|jsonc|json5|ya?ml)$/i.test(file);
}

const ROOT_KEYS = ['$schema', 'name', 'version', 'description', 'sets', 'modifiers', 'resolutionOrder', '$defs'];
const SET_KEYS = ['description', 'sources', '$extensions'];
const MODIFIER_KEYS = ['description', 'contexts', 'default', '$extensions'];

/** Parses and checks a resolver document. Never throws on bad input. */
export function parseResolverDocument(text: string, file: string): ResolverParseResult {
  const sink = new DiagnosticSink();
  const source = new SourceFile(file, text, 0);
  const report = new FileReporter(sink, source);
  const parsed = parseTokenText(text, file);
  if (!parsed.ok) {
    const start = Math.min(parsed.error.offset, text.length);
    sink.add(source, { start, end: Math.min(start + 1, text.length) }, CODES.jsonSyntax, 'error', parsed.error.message);
    return { resolver: null, diagnostics: sink.sorted() };
  }
  const resolver = new ResolverParser(source, report, parsed.root).parse();
  const diagnostics = sink.sorted();
  return { resolver: diagnostics.some((d) => d.severity === 'error') ? null : resolver, diagnostics };
}

class ResolverParser {
  private sets = new Map<string, JsonMember>();
  private modifiers = new Map<string, JsonMember>();
  /** Sets whose sources are being expanded (cycle detection). */
  private readonly expanding: string[] = [];
  private readonly expanded = new Map<string, ResolverSource[]>();
  /** `resolutionOrder` array node (nothing may point into it). */
  private orderNode: JsonNode | undefined;

  constructor(
    private readonly source: SourceFile,
    private readonly report: FileReporter,
    private readonly root: JsonNode,
  ) {}

  parse(): ResolverDocument | null {
    const root = this.root;
    if (root.kind !== 'object') {
      this.report.error(root, CODES.invalidResolver, `a resolver document is an object with "version" and "resolutionOrder", got ${describeNode(root)}`);
      return null;
    }
    const members = this.uniqueMembers(root);
    for (const [key, member] of members) {
      if (!ROOT_KEYS.includes(key)) {
        this.report.error(member.keySpan, CODES.invalidResolver, `unknown resolver property "${key}"; expected ${ROOT_KEYS.join(', ')}`);
      }
    }
    const version = members.get('version');
    if (!version) this.report.error(keyOrStart(root), CODES.invalidResolver, `the resolver has no "version"; it must be "${RESOLVER_VERSION}"`);
    else if (version.value.kind !== 'string' || version.value.value !== RESOLVER_VERSION) {
      this.report.error(version.value, CODES.invalidResolver, `"version" must be "${RESOLVER_VERSION}", got ${describeNode(version.value)}`);
    }
    const name = this.optionalString(members.get('name'), 'name');
    const description = this.optionalString(members.get('description'), 'description');
    const schema = members.get('$schema');
    if (schema && schema.value.kind !== 'string') this.report.error(schema.value, CODES.invalidResolver, `"$schema" must be a string, got ${describeNode(schema.value)}`);

    this.sets = this.definitions(members.get('sets'), 'sets');
    this.modifiers = this.definitions(members.get('modifiers'), 'modifiers');
    for (const [setName, member] of this.sets) this.setSources(setName, member);
    const modifiers = new Map<string, ResolverModifier>();
    for (const [modifierName, member] of this.modifiers) {
      const modifier = this.modifier(modifierName, member.value, MODIFIER_KEYS);
      if (modifier) modifiers.set(modifierName, modifier);
    }

    const order = members.get('resolutionOrder');
    if (!order) {
      this.report.error(keyOrStart(root), CODES.invalidResolver, 'the resolver has no "resolutionOrder" (the sets and modifiers to merge, in order)');
      return null;
    }
    this.orderNode = order.value;
    if (order.value.kind !== 'array') {
      this.report.error(order.value, CODES.invalidResolver, `"resolutionOrder" must be an array, got ${describeNode(order.value)}`);
      return null;
    }
    if (order.value.items.length === 0) {
      this.report.error(order.value, CODES.invalidResolver, '"resolutionOrder" must list at least one set or modifier');
      return null;
    }
    const items: Array<ResolverSet | ResolverModifier> = [];
    const names = new Map<string, JsonNode>();
    for (const item of order.value.items) {
      const entry = this.orderItem(item, modifiers);
      if (!entry) continue;
      const first = names.get(entry.name);
      if (first) {
        const { line, column } = this.source.range(first).start;
        this.report.error(item, CODES.invalidResolver, `"${entry.name}" appears twice in resolutionOrder (first at ${line}:${column}); names there must be unique`);
        continue;
      }
      names.set(entry.name, item);
      items.push(entry);
    }
    const document: ResolverDocument = { file: this.source.file, text: this.source.text, order: items };
    if (name !== undefined) document.name = name;
    if (description !== undefined) document.description = description;
    return document;
  }

  /** Members by key; a repeated key is a warning and the last one counts (as `JSON.parse` reads it). */
  private uniqueMembers(object: JsonObject): Map<string, JsonMember> {
    const out = new Map<string, JsonMember>();
    for (const member of object.members) {
      if (out.has(member.key)) this.report.warn(member.keySpan, CODES.duplicateKey, `duplicate property "${member.key}"; the last one is used`);
      out.set(member.key, member);
    }
    return out;
  }

  private optionalString(member: JsonMember | undefined, key: string): string | undefined {
    if (!member) return undefined;
    if (member.value.kind === 'string') return member.value.value;
    this.report.error(member.value, CODES.invalidResolver, `"${key}" must be a string, got ${describeNode(member.value)}`);
    return undefined;
  }

  private definitions(member: JsonMember | undefined, key: 'sets' | 'modifiers'): Map<string, JsonMember> {
    const out = new Map<string, JsonMember>();
    if (!member) return out;
    if (member.value.kind !== 'object') {
      this.report.error(member.value, CODES.invalidResolver, `"${key}" must be an object of named ${key}, got ${describeNode(member.value)}`);
      return out;
    }
    for (const [name, definition] of this.uniqueMembers(member.value)) {
      if (name === '') {
        this.report.error(definition.keySpan, CODES.invalidResolver, `${key} names must not be empty`);
        continue;
      }
      out.set(name, definition);
    }
    return out;
  }

  private checkKeys(object: JsonObject, allowed: readonly string[], what: string): void {
    for (const member of object.members) {
      if (!allowed.includes(member.key)) {
        this.report.error(member.keySpan, CODES.invalidResolver, `unknown ${what} property "${member.key}"; expected ${allowed.join(', ')}`);
      }
    }
    const extensions = memberOf(object, '$extensions');
    if (extensions && extensions.value.kind !== 'object') {
      this.report.error(extensions.value, CODES.invalidResolver, `"$extensions" must be an object keyed by vendor, got ${describeNode(extensions.value)}`);
    }
    const description = memberOf(object, 'description');
    if (description && description.value.kind !== 'string') {
      this.report.error(description.value, CODES.invalidResolver, `"description" must be a string, got ${describeNode(description.value)}`);
    }
  }

  /** The flattened sources of a root-level set (memoised; cycles reported). */
  private setSources(name: string, member: JsonMember): ResolverSource[] | undefined {
    const done = this.expanded.get(name);
    if (done) return done;
    if (this.expanding.includes(name)) return undefined;
    const node = member.value;
    if (node.kind !== 'object') {
      this.report.error(node, CODES.invalidResolver, `set "${name}" must be an object with "sources", got ${describeNode(node)}`);
      this.expanded.set(name, []);
      return [];
    }
    this.checkKeys(node, SET_KEYS, 'set');
    this.expanding.push(name);
    const sources = this.sourcesOf(node, `set "${name}"`, 'set');
    this.expanding.pop();
    this.expanded.set(name, sources);
    return sources;
  }

  private sourcesOf(owner: JsonObject, label: string, ownerKind: 'set' | 'modifier'): ResolverSource[] {
    const member = memberOf(owner, 'sources');
    if (!member) {
      this.report.error(keyOrStart(owner), CODES.invalidResolver, `${label} has no "sources" (an array of token files and inline tokens)`);
      return [];
    }
    return this.sourceList(member.value, label, ownerKind);
  }

  private sourceList(node: JsonNode, label: string, ownerKind: 'set' | 'modifier'): ResolverSource[] {
    if (node.kind !== 'array') {
      this.report.error(node, CODES.invalidResolver, `the sources of ${label} must be an array, got ${describeNode(node)}`);
      return [];
    }
    const out: ResolverSource[] = [];
    for (const item of node.items) out.push(...this.sourceItem(item, label, ownerKind));
    return out;
  }

  private sourceItem(item: JsonNode, label: string, ownerKind: 'set' | 'modifier'): ResolverSource[] {
    if (item.kind !== 'object') {
      this.report.error(item, CODES.invalidResolver, `a source of ${label} must be a {"$ref": ...} object or inline tokens, got ${describeNode(item)}`);
      return [];
    }
    const ref = memberOf(item, '$ref');
    if (!ref) return [{ kind: 'inline', node: item }];
    this.warnBesideRef(item);
    if (ref.value.kind !== 'string') {
      this.report.error(ref.value, CODES.resolverReference, `"$ref" must be a string, got ${describeNode(ref.value)}`);
      return [];
    }
    const target = ref.value;
    const text = target.value;
    if (text.startsWith('#')) {
      const pointer = parsePointer(text);
      if (!pointer.ok) {
        this.report.error(target, CODES.resolverReference, pointer.message);
        return [];
      }
      const [head, name, ...rest] = pointer.segments;
      if (head === 'modifiers') {
        this.report.error(target, CODES.resolverReference, `${label} references modifier ${JSON.stringify(text)}; only resolutionOrder may reference modifiers (a ${ownerKind} may reference sets and token files)`);
        return [];
      }
      if (head === 'resolutionOrder') {
        this.report.error(target, CODES.resolverReference, `${JSON.stringify(text)} points into resolutionOrder, which nothing may reference`);
        return [];
      }
      if (head === 'sets' && name !== undefined && rest.length === 0) {
        const definition = this.sets.get(name);
        if (!definition) {
          this.report.error(target, CODES.resolverReference, `set "${name}" is not defined in "sets"${this.hint(name, this.sets)}`);
          return [];
        }
        if (this.expanding.includes(name)) {
          const cycle = [...this.expanding.slice(this.expanding.indexOf(name)), name].join(' → ');
          this.report.error(target, CODES.referenceCycle, `set reference cycle: ${cycle}`);
          return [];
        }
        return this.setSources(name, definition) ?? [];
      }
      const found = this.pointerTarget(pointer.segments);
      if (!found) {
        this.report.error(target, CODES.resolverReference, `${JSON.stringify(text)} does not point at anything in this document`);
        return [];
      }
      if (found.kind !== 'object') {
        this.report.error(target, CODES.resolverReference, `${JSON.stringify(text)} points at ${describeNode(found)}; a source must be a tokens object`);
        return [];
      }
      if (found.start <= item.start && item.end <= found.end) {
        this.report.error(target, CODES.referenceCycle, `${JSON.stringify(text)} points at an object that contains the reference itself`);
        return [];
      }
      return [{ kind: 'inline', node: found }];
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
      this.report.error(target, CODES.resolverReference, `remote reference ${JSON.stringify(text)} is not supported: brandlint reads only local files (download it next to the resolver)`);
      return [];
    }
    const hash = text.indexOf('#');
    if (hash >= 0 && hash < text.length - 1) {
      this.report.error(target, CODES.resolverReference, `${JSON.stringify(text)} points into part of a file; only whole token files can be referenced ("${text.slice(0, hash)}")`);
      return [];
    }
    const path = hash >= 0 ? text.slice(0, hash) : text;
    if (path.trim() === '') {
      this.report.error(target, CODES.resolverReference, 'empty "$ref"; expected a token file path or "#/sets/<name>"');
      return [];
    }
    return [{ kind: 'file', path, ref: target }];
  }

  /** Keys beside `$ref` would be overrides; brandlint does not apply them, and says so. */
  private warnBesideRef(item: JsonObject): void {
    for (const member of item.members) {
      if (member.key !== '$ref') this.report.warn(member.keySpan, CODES.resolverReference, `"${member.key}" beside "$ref" is ignored (overrides next to a reference are not supported)`);
    }
  }

  private pointerTarget(segments: readonly string[]): JsonNode | undefined {
    let current: JsonNode = this.root;
    for (const segment of segments) {
      if (current.kind === 'object') {
        const next = [...current.members].reverse().find((member) => member.key === segment);
        if (!next) return undefined;
        current = next.value;
      } else if (current.kind === 'array' && /^(0|[1-9]\d*)$/.test(segment)) {
        const next = current.items[Number(segment)];
        if (!next) return undefined;
        current = next;
      } else return undefined;
      if (current === this.orderNode) return undefined;
    }
    return current;
  }

  private hint(name: string, known: ReadonlyMap<string, unknown>): string {
    const lower = name.toLowerCase();
    const match = [...known.keys()].find((key) => key.toLowerCase() === lower);
    return match ? ` (names are case-sensitive: did you mean "${match}"?)` : known.size > 0 ? `; defined: ${[...known.keys()].join(', ')}` : '';
  }

  private modifier(name: string, node: JsonNode, allowed: readonly string[]): ResolverModifier | undefined {
    if (node.kind !== 'object') {
      this.report.error(node, CODES.invalidResolver, `modifier "${name}" must be an object with "contexts", got ${describeNode(node)}`);
      return undefined;
    }
    this.checkKeys(node, allowed, 'modifier');
    const contextsMember = memberOf(node, 'contexts');
    if (!contextsMember) {
      this.report.error(keyOrStart(node), CODES.invalidResolver, `modifier "${name}" has no "contexts" (a map of context names to token sources)`);
      return undefined;
    }
    const contextsNode = contextsMember.value;
    if (contextsNode.kind !== 'object') {
      this.report.error(contextsNode, CODES.invalidResolver, `"contexts" of modifier "${name}" must be an object, got ${describeNode(contextsNode)}`);
      return undefined;
    }
    const contexts = new Map<string, ResolverSource[]>();
    for (const [contextName, member] of this.uniqueMembers(contextsNode)) {
      contexts.set(contextName, this.sourceList(member.value, `context "${contextName}" of modifier "${name}"`, 'modifier'));
    }
    if (contexts.size === 0) {
      this.report.error(contextsNode, CODES.invalidResolver, `modifier "${name}" has no contexts; it needs at least two`);
      return undefined;
    }
    if (contexts.size === 1) {
      this.report.error(
        contextsNode,
        CODES.invalidResolver,
        `modifier "${name}" has only one context; a modifier chooses between at least two (one context is a set: move it to "sets")`,
      );
      return undefined;
    }
    const modifier: ResolverModifier = { kind: 'modifier', name, contexts };
    const defaultMember = memberOf(node, 'default');
    if (defaultMember) {
      const value = defaultMember.value;
      if (value.kind !== 'string') {
        this.report.error(value, CODES.invalidResolver, `"default" of modifier "${name}" must be a context name, got ${describeNode(value)}`);
      } else if (!contexts.has(value.value)) {
        this.report.error(value, CODES.invalidResolver, `"default" of modifier "${name}" is "${value.value}", which is not one of its contexts (${[...contexts.keys()].join(', ')})`);
      } else modifier.defaultContext = value.value;
    }
    return modifier;
  }

  private orderItem(item: JsonNode, modifiers: ReadonlyMap<string, ResolverModifier>): ResolverSet | ResolverModifier | undefined {
    if (item.kind !== 'object') {
      this.report.error(item, CODES.invalidResolver, `resolutionOrder items are {"$ref": "#/sets/..."}, {"$ref": "#/modifiers/..."} or inline sets and modifiers, got ${describeNode(item)}`);
      return undefined;
    }
    const ref = memberOf(item, '$ref');
    if (ref) return this.orderReference(item, ref.value, modifiers);
    const type = memberOf(item, 'type');
    const nameMember = memberOf(item, 'name');
    const guess = memberOf(item, 'contexts') ? 'modifier' : 'set';
    if (!type) {
      this.report.error(keyOrStart(item), CODES.invalidResolver, `an inline ${guess} in resolutionOrder needs "type": "${guess}" (and a "name")`);
      return undefined;
    }
    if (type.value.kind !== 'string' || (type.value.value !== 'set' && type.value.value !== 'modifier')) {
      this.report.error(type.value, CODES.invalidResolver, `"type" must be "set" or "modifier", got ${describeNode(type.value)}`);
      return undefined;
    }
    const kind = type.value.value;
    if (!nameMember) {
      this.report.error(keyOrStart(item), CODES.invalidResolver, `an inline ${kind} in resolutionOrder needs a "name"`);
      return undefined;
    }
    if (nameMember.value.kind !== 'string' || nameMember.value.value === '') {
      this.report.error(nameMember.value, CODES.invalidResolver, `"name" must be a non-empty string, got ${describeNode(nameMember.value)}`);
      return undefined;
    }
    const name = nameMember.value.value;
    if (kind === 'set') {
      this.checkKeys(item, [...SET_KEYS, 'name', 'type'], 'inline set');
      return { kind: 'set', name, sources: this.sourcesOf(item, `set "${name}"`, 'set') };
    }
    return this.modifier(name, item, [...MODIFIER_KEYS, 'name', 'type']);
  }

  private orderReference(item: JsonObject, value: JsonNode, modifiers: ReadonlyMap<string, ResolverModifier>): ResolverSet | ResolverModifier | undefined {
    this.warnBesideRef(item);
    if (value.kind !== 'string') {
      this.report.error(value, CODES.resolverReference, `"$ref" must be a string, got ${describeNode(value)}`);
      return undefined;
    }
    const pointer = value.value.startsWith('#') ? parsePointer(value.value) : undefined;
    if (!pointer) {
      this.report.error(value, CODES.resolverReference, `resolutionOrder references ${JSON.stringify(value.value)}; only "#/sets/<name>" and "#/modifiers/<name>" of this document are supported there`);
      return undefined;
    }
    if (!pointer.ok) {
      this.report.error(value, CODES.resolverReference, pointer.message);
      return undefined;
    }
    const [head, name, ...rest] = pointer.segments;
    if (head === 'resolutionOrder') {
      this.report.error(value, CODES.resolverReference, `${JSON.stringify(value.value)} points into resolutionOrder itself; inline sets and modifiers cannot be referenced`);
      return undefined;
    }
    if (name === undefined || rest.length > 0 || (head !== 'sets' && head !== 'modifiers')) {
      this.report.error(value, CODES.resolverReference, `resolutionOrder references ${JSON.stringify(value.value)}; expected "#/sets/<name>" or "#/modifiers/<name>"`);
      return undefined;
    }
    if (head === 'sets') {
      const definition = this.sets.get(name);
      if (!definition) {
        this.report.error(value, CODES.resolverReference, `set "${name}" is not defined in "sets"${this.hint(name, this.sets)}`);
        return undefined;
      }
      return { kind: 'set', name, sources: this.setSources(name, definition) ?? [] };
    }
    const modifier = modifiers.get(name);
    if (!modifier) {
      if (!this.modifiers.has(name)) this.report.error(value, CODES.resolverReference, `modifier "${name}" is not defined in "modifiers"${this.hint(name, this.modifiers)}`);
      return undefined;
    }
    return modifier;
  }
}

function keyOrStart(node: JsonObject): Span {
  return { start: node.start, end: Math.min(node.start + 1, node.end) };
}

// ---------------------------------------------------------------------------------------------
// Inputs and contexts
// ---------------------------------------------------------------------------------------------

export function modifiersOf(resolver: ResolverDocument): ResolverModifier[] {
  return resolver.order.filter((item): item is ResolverModifier => item.kind === 'modifier');
}

/** Every modifier at its `default`, else at its first context. */
export function defaultInput(resolver: ResolverDocument): ResolverInput {
  const input: ResolverInput = Object.create(null) as ResolverInput;
  for (const modifier of modifiersOf(resolver)) {
    const first = modifier.defaultContext ?? modifier.contexts.keys().next().value;
    if (first !== undefined) input[modifier.name] = first;
  }
  return input;
}

/** The canonical name of a resolution: `theme=dark,size=large` (modifiers in resolution order); `default` without modifiers. */
export function inputName(resolver: ResolverDocument, input: ResolverInput): string {
  const parts = modifiersOf(resolver).map((modifier) => `${modifier.name}=${input[modifier.name] ?? ''}`);
  return parts.length === 0 ? 'default' : parts.join(',');
}

/**
 * The inputs the resolver can take: every combination of contexts when there are at most
 * `limit`, else the default input and each context of each modifier with the others at default.
 */
export function allInputs(resolver: ResolverDocument, limit = 64): { inputs: ResolverInput[]; complete: boolean } {
  const modifiers = modifiersOf(resolver);
  const total = modifiers.reduce((product, modifier) => product * modifier.contexts.size, 1);
  if (total <= limit) {
    let inputs: ResolverInput[] = [Object.create(null) as ResolverInput];
    for (const modifier of modifiers) {
      inputs = inputs.flatMap((input) => [...modifier.contexts.keys()].map((context) => ({ ...input, [modifier.name]: context })));
    }
    return { inputs: inputs.map((input) => Object.assign(Object.create(null) as ResolverInput, input)), complete: true };
  }
  const base = defaultInput(resolver);
  const inputs = [base];
  for (const modifier of modifiers) {
    for (const context of modifier.contexts.keys()) {
      if (context !== base[modifier.name]) inputs.push(Object.assign(Object.create(null) as ResolverInput, base, { [modifier.name]: context }));
    }
  }
  return { inputs, complete: false };
}

/** Problems of an input (Resolver §Inputs): unknown modifiers, unknown contexts, missing values. */
export function checkInput(resolver: ResolverDocument, input: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const modifiers = new Map(modifiersOf(resolver).map((modifier) => [modifier.name, modifier]));
  for (const [key, value] of Object.entries(input)) {
    const modifier = modifiers.get(key);
    if (!modifier) problems.push(`unknown modifier "${key}"${modifiers.size > 0 ? ` (the resolver has ${[...modifiers.keys()].join(', ')})` : ' (the resolver has none)'}`);
    else if (typeof value !== 'string') problems.push(`the value of modifier "${key}" must be a string, got ${typeof value}`);
    else if (!modifier.contexts.has(value)) problems.push(`invalid context "${value}" for modifier "${key}" (expected ${[...modifier.contexts.keys()].join(', ')})`);
  }
  for (const modifier of modifiers.values()) {
    if (!Object.hasOwn(input, modifier.name) && modifier.defaultContext === undefined) {
      problems.push(`missing modifier "${modifier.name}" (it has no default; expected one of ${[...modifier.contexts.keys()].join(', ')})`);
    }
  }
  return problems;
}

/** Token files the resolver references (relative to it), once each, in order of appearance. */
export function referencedFiles(resolver: ResolverDocument): string[] {
  const out = new Set<string>();
  const add = (sources: readonly ResolverSource[]) => {
    for (const source of sources) if (source.kind === 'file') out.add(source.path);
  };
  for (const item of resolver.order) {
    if (item.kind === 'set') add(item.sources);
    else for (const sources of item.contexts.values()) add(sources);
  }
  return [...out];
}

/** A referenced file as read by the caller: its text (name as reported), or why it could not be read. */
export type ResolverFile = { file: string; text: string } | { diagnostic: Diagnostic };

/**
 * The token set of one input: the sources of the sets and of the chosen contexts, merged in
 * resolution order (later tokens override earlier ones), then resolved. `files` maps each
 * referenced path (as written in the resolver) to what was read.
 */
export function resolveInput(resolver: ResolverDocument, input: ResolverInput, files: ReadonlyMap<string, ResolverFile>): TokenLoadResult {
  const inputs: TokenInput[] = [];
  const problems: Diagnostic[] = [];
  const reported = new Set<string>();
  const add = (sources: readonly ResolverSource[]) => {
    for (const source of sources) {
      if (source.kind === 'inline') {
        inputs.push({ file: resolver.file, text: resolver.text, root: source.node });
        continue;
      }
      const read = files.get(source.path);
      if (read && 'text' in read) inputs.push({ file: read.file, text: read.text });
      else if (!reported.has(source.path)) {
        reported.add(source.path);
        const reason = read ? read.diagnostic.message : 'it was not read';
        problems.push(referenceProblem(resolver, source.ref, `token file ${JSON.stringify(source.path)} cannot be loaded: ${reason}`));
      }
    }
  };
  for (const item of resolver.order) {
    if (item.kind === 'set') add(item.sources);
    else {
      const context = input[item.name] ?? item.defaultContext;
      const sources = context === undefined ? undefined : item.contexts.get(context);
      if (sources) add(sources);
    }
  }
  const loaded = loadTokenSet(inputs, { override: true });
  return { set: { ...loaded.set, files: [resolver.file, ...loaded.set.files.filter((file) => file !== resolver.file)] }, diagnostics: [...problems, ...loaded.diagnostics] };
}

function referenceProblem(resolver: ResolverDocument, node: JsonString, message: string): Diagnostic {
  const sink = new DiagnosticSink();
  sink.add(new SourceFile(resolver.file, resolver.text, 0), node, CODES.resolverReference, 'error', message);
  return sink.diagnostics[0] as Diagnostic;
}

/** Diagnostics met in several resolutions are reported once. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.file}|${diagnostic.range?.start.offset ?? -1}|${diagnostic.range?.end.offset ?? -1}|${diagnostic.ruleId}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/**
 * Every problem of one resolver document checked on its own (as the conformance suite treats its
 * inputs): its structure, and the tokens of every resolution it can produce. Referenced files
 * are not read here; each is reported as not loaded.
 */
export function validateResolverDocument(text: string, file: string): Diagnostic[] {
  const parsed = parseResolverDocument(text, file);
  if (!parsed.resolver) return parsed.diagnostics;
  const resolver = parsed.resolver;
  const { inputs } = allInputs(resolver);
  const diagnostics = [...parsed.diagnostics];
  for (const input of inputs) diagnostics.push(...resolveInput(resolver, input, new Map()).diagnostics);
  return uniqueDiagnostics(diagnostics);
}
