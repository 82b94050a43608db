/**
 * Turns parsed JSON files into one tree of groups and tokens (Format §5, §6): names, metadata,
 * `$type` declarations, the token/group distinction, and duplicates across files.
 * Values are not looked at here.
 */
import { TOKEN_TYPES } from '../types.js';
import type { TokenType } from '../types.js';
import { describeNode, toPlain } from './json.js';
import type { JsonMember, JsonNode, JsonObject, Span } from './json.js';
import { newGroup, newResolution } from './model.js';
import type { GroupDecl, GroupNode, TokenNode, TreeNode, TypeDecl } from './model.js';
import { CODES, DiagnosticSink, FileReporter } from './report.js';
import type { Reporter, SourceFile } from './report.js';

const TYPE_SET: ReadonlySet<string> = new Set(TOKEN_TYPES);

export interface ParsedFile {
  source: SourceFile;
  root: JsonNode;
}

export interface BuildTreeOptions {
  /**
   * Later files override earlier ones (DTCG resolver semantics: "the last occurrence wins")
   * instead of a token defined twice being an error.
   */
  override?: boolean;
}

/** Builds the merged tree of every file, reporting structural problems. */
export function buildTree(files: readonly ParsedFile[], sink: DiagnosticSink, options: BuildTreeOptions = {}): GroupNode {
  const root = newGroup([], null);
  for (const { source, root: node } of files) {
    if (node.kind !== 'object') {
      new FileReporter(sink, source).error(
        node,
        CODES.invalidStructure,
        `a token file must contain a JSON object at the top level, got ${describeNode(node)}`,
      );
      continue;
    }
    const local = new DiagnosticSink();
    const builder = new TreeBuilder(local, source, options.override === true);
    builder.group(root, node, undefined);
    const first = builder.foreign[0];
    if (builder.tokens === 0 && first && (builder.legacy || builder.foreign.length > 1)) {
      // A file in another format would otherwise produce one finding per value.
      const { line } = source.range(first).start;
      const count = builder.foreign.length;
      new FileReporter(sink, source).error(
        { start: node.start, end: node.start + 1 },
        CODES.legacyFormat,
        `not a DTCG token file: no token has "$value", and ${count} value${count === 1 ? ' is' : 's are'} written in another format (first at line ${line})`,
      );
      continue;
    }
    sink.merge(local);
  }
  return root;
}

/** `"$type"`, `"$value"`, ... are properties; anything else names a token or group. */
export function isProperty(key: string): boolean {
  return key.startsWith('$');
}

/** Why a key cannot name a token or group (Format §5.1.1), if it cannot. */
/**
 * Names every JavaScript object already has (`constructor`, `toString`, `__proto__`, ...): valid
 * DTCG, and data to brandlint, but style-dictionary drops tokens and groups of these names.
 */
export const JS_OBJECT_PROPERTY_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function nameProblem(key: string): string | undefined {
  if (key === '') return 'token and group names must not be empty';
  if (key.startsWith('$')) return `name ${JSON.stringify(key)} must not start with "$" (reserved for format properties)`;
  if (/[{}.]/.test(key)) return `name ${JSON.stringify(key)} must not contain "{", "}" or "." (they are alias syntax)`;
  return undefined;
}

/** Each key's last member: of duplicate keys the last counts. */
function lastMembers(object: JsonObject): Map<string, JsonMember> {
  const last = new Map<string, JsonMember>();
  for (const member of object.members) last.set(member.key, member);
  return last;
}

/** An object is a token when it has `$value`, or a `$ref` and no children. */
export function isTokenObject(object: JsonObject): boolean {
  let hasRef = false;
  let hasChildren = false;
  for (const member of object.members) {
    if (member.key === '$value') return true;
    if (member.key === '$ref') hasRef = true;
    else if (!isProperty(member.key)) hasChildren = true;
  }
  return hasRef && !hasChildren;
}

export function locationText(source: SourceFile, span: Span): string {
  const { start } = source.range(span);
  return `${source.file}:${start.line}:${start.column}`;
}

class TreeBuilder {
  /** Tokens defined by this file. */
  tokens = 0;
  /** Values written in a non-DTCG way (plain values, "value" properties). */
  readonly foreign: Span[] = [];
  /** A pre-DTCG "value" property was seen. */
  legacy = false;

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly source: SourceFile,
    private readonly override = false,
  ) {}

  group(group: GroupNode, object: JsonObject, keySpan: Span | undefined): void {
    const decl: GroupDecl = { source: this.source, object };
    if (keySpan) decl.keySpan = keySpan;
    group.decls.push(decl);
    const report = new FileReporter(this.sink, this.source, group.name || undefined);
    const isFileRoot = group.parent === null;
    const legacy = object.members.find((member) => member.key === 'value' && member.value.kind !== 'object');
    if (legacy) {
      this.legacy = true;
      this.foreign.push(legacy.keySpan);
      report.error(
        legacy.keySpan,
        CODES.legacyFormat,
        `"value" is not a DTCG property; DTCG tokens are written with "$value" (this looks like a pre-DTCG token file)`,
      );
    }
    const seen = new Set<string>();
    const last = lastMembers(object);
    for (const member of object.members) {
      const { key } = member;
      const repeated = seen.has(key);
      seen.add(key);
      if (isProperty(key)) {
        // Of duplicate properties the last counts, as with JSON.parse; it says so.
        if (last.get(key) !== member) continue;
        if (repeated) this.reportOverridden(object, member, report);
        this.groupProperty(group, decl, member, report, isFileRoot);
        continue;
      }
      const problem = nameProblem(key);
      if (problem) {
        report.error(member.keySpan, CODES.invalidName, problem);
        continue;
      }
      if (JS_OBJECT_PROPERTY_NAMES.has(key)) {
        report.warn(
          member.keySpan,
          CODES.unportableName,
          `name ${JSON.stringify(key)} is a property every JavaScript object has: style-dictionary and other JavaScript tools lose such tokens, so \`brandlint build\` refuses it; rename it`,
          { tokenPath: [...group.path, key].join('.') },
        );
      }
      if (member.value.kind !== 'object') {
        if (legacy) continue;
        this.foreign.push(member.value);
        report.error(
          member.value,
          CODES.invalidStructure,
          `"${key}" must be an object (a token with "$value" or a group), got ${describeNode(member.value)}`,
          { tokenPath: [...group.path, key].join('.') },
        );
        continue;
      }
      this.child(group, key, member, member.value, report, repeated);
    }
  }

  private groupProperty(group: GroupNode, decl: GroupDecl, member: JsonMember, report: Reporter, isFileRoot: boolean): void {
    const { key, value } = member;
    switch (key) {
      case '$type':
        decl.type = readType(value, report);
        return;
      case '$description': {
        const description = readDescription(value, report);
        if (description !== undefined) decl.description = description;
        return;
      }
      case '$deprecated': {
        const deprecated = readDeprecated(value, report);
        if (deprecated !== undefined) decl.deprecated = deprecated;
        return;
      }
      case '$extensions': {
        const extensions = readExtensions(value, report);
        if (extensions !== undefined) decl.extensions = extensions;
        return;
      }
      case '$extends':
      case '$ref':
        // A group-level "$ref" is the JSON Schema spelling of "$extends" (Format §6.4.1).
        if (decl.extendsNode) {
          report.error(member.keySpan, CODES.invalidExtends, 'a group can extend only one group; use either "$extends" or "$ref"');
          return;
        }
        decl.extendsNode = value;
        return;
      case '$root':
        if (value.kind !== 'object' || !isTokenObject(value)) {
          report.error(
            member.keySpan,
            CODES.invalidStructure,
            `"$root" must be a token (an object with "$value"), got ${value.kind === 'object' ? 'a group' : describeNode(value)}`,
          );
          return;
        }
        this.child(group, key, member, value, report, false);
        return;
      case '$schema':
        if (isFileRoot && value.kind === 'string') return;
        report.warn(member.keySpan, CODES.unknownProperty, '"$schema" is only meaningful at the top level of a file; it is ignored');
        return;
      default:
        if (value.kind === 'object') {
          report.error(
            member.keySpan,
            CODES.invalidName,
            `name ${JSON.stringify(key)} must not start with "$" (reserved for format properties)`,
          );
        } else {
          report.warn(member.keySpan, CODES.unknownProperty, `unknown group property "${key}" is ignored`);
        }
    }
  }

  /** A duplicate property: this last one is used, the earlier ones are ignored (at the last, naming the first). */
  private reportOverridden(object: JsonObject, member: JsonMember, report: Reporter): void {
    const first = object.members.find((candidate) => candidate.key === member.key)!;
    report.warn(
      member.keySpan,
      CODES.duplicateKey,
      `duplicate property "${member.key}"; this last one is used, as JSON.parse does (the one at ${locationText(this.source, first.keySpan)} is ignored)`,
      { related: [{ file: this.source.file, range: this.source.range(first.keySpan), message: 'ignored duplicate' }] },
    );
  }

  private child(group: GroupNode, key: string, member: JsonMember, object: JsonObject, report: Reporter, repeated: boolean): void {
    const path = [...group.path, key];
    const name = path.join('.');
    let existing = group.children.get(key);
    const isToken = isTokenObject(object);
    if (existing && this.override && !repeated && (isToken || existing.kind === 'token')) {
      // A later source replaces what an earlier one defined at this path.
      group.children.delete(key);
      existing = undefined;
    }
    if (existing && (isToken || existing.kind === 'token')) {
      const first = firstDefinition(existing);
      const what = existing.kind === 'token' ? 'token' : 'group';
      report.error(member.keySpan, CODES.duplicateToken, `${name} is already defined as a ${what} at ${locationText(first.source, first.span)}`, {
        tokenPath: name,
        related: [{ file: first.source.file, range: first.source.range(first.span), message: 'first definition' }],
      });
      return;
    }
    if (isToken) {
      group.children.set(key, this.token(group, path, member, object));
      this.tokens++;
      return;
    }
    if (repeated) {
      report.warn(member.keySpan, CODES.duplicateKey, `group "${key}" appears twice in this object; the two are merged`, { tokenPath: name });
    }
    const child = existing ?? newGroup(path, group);
    if (!existing) group.children.set(key, child);
    this.group(child as GroupNode, object, member.keySpan);
  }

  private token(parent: GroupNode, path: string[], member: JsonMember, object: JsonObject): TokenNode {
    const name = path.join('.');
    const report = new FileReporter(this.sink, this.source, name);
    const token: TokenNode = {
      kind: 'token',
      path,
      name,
      parent,
      source: this.source,
      object,
      keySpan: member.keySpan,
      resolution: newResolution(),
    };
    let refMember: JsonMember | undefined;
    const seen = new Set<string>();
    const last = lastMembers(object);
    for (const property of object.members) {
      const { key, value } = property;
      // Of duplicate properties the last counts, as with JSON.parse; it says so.
      if (last.get(key) !== property) {
        seen.add(key);
        continue;
      }
      if (seen.has(key)) this.reportOverridden(object, property, report);
      seen.add(key);
      switch (key) {
        case '$value':
          token.value = value;
          break;
        case '$ref':
          token.ref = value;
          refMember = property;
          break;
        case '$type':
          token.type = readType(value, report);
          break;
        case '$description': {
          const description = readDescription(value, report);
          if (description !== undefined) token.description = description;
          break;
        }
        case '$deprecated': {
          const deprecated = readDeprecated(value, report);
          if (deprecated !== undefined) token.deprecated = deprecated;
          break;
        }
        case '$extensions': {
          const extensions = readExtensions(value, report);
          if (extensions !== undefined) token.extensions = extensions;
          break;
        }
        case '$extends':
          report.error(property.keySpan, CODES.invalidExtends, '"$extends" is only allowed on groups, not on tokens');
          break;
        default:
          if (key === '$root' || (!isProperty(key) && value.kind === 'object')) {
            report.error(
              property.keySpan,
              CODES.tokenAndGroup,
              `${name} has "$value", so it is a token and cannot also contain "${key}" (an object is either a token or a group)`,
            );
          } else if (isProperty(key)) {
            report.warn(property.keySpan, CODES.unknownProperty, `unknown token property "${key}" is ignored`);
          } else {
            report.error(
              property.keySpan,
              CODES.unknownProperty,
              `"${key}" is not a token property; tokens have $value, $type, $description, $deprecated and $extensions`,
            );
          }
      }
    }
    if (token.value && refMember) {
      report.error(refMember.keySpan, CODES.invalidReference, 'a token has either "$value" or "$ref", not both');
      delete token.ref;
    }
    if (token.value?.kind === 'null') {
      report.error(token.value, CODES.invalidValue, '$value must not be null');
      token.broken = true;
    }
    return token;
  }
}

function firstDefinition(node: TreeNode): { source: SourceFile; span: Span } {
  if (node.kind === 'token') return { source: node.source, span: node.keySpan };
  const decl = node.decls[0];
  if (!decl) throw new Error('group without declaration');
  return { source: decl.source, span: decl.keySpan ?? decl.object };
}

function suggestType(value: string): string | undefined {
  const lower = value.toLowerCase();
  const exact = TOKEN_TYPES.find((type) => type.toLowerCase() === lower);
  if (exact) return exact;
  const legacy: Record<string, TokenType> = {
    sizing: 'dimension',
    spacing: 'dimension',
    size: 'dimension',
    borderradius: 'dimension',
    borderwidth: 'dimension',
    fontsize: 'dimension',
    fontsizes: 'dimension',
    letterspacing: 'dimension',
    lineheight: 'number',
    lineheights: 'number',
    fontweights: 'fontWeight',
    fontfamilies: 'fontFamily',
    boxshadow: 'shadow',
    opacity: 'number',
  };
  return Object.hasOwn(legacy, lower) ? legacy[lower] : undefined;
}

export function readType(node: JsonNode, report: Reporter): TypeDecl {
  if (node.kind !== 'string') {
    report.error(node, CODES.invalidType, `$type must be a string naming a token type, got ${describeNode(node)}`);
    return { broken: true };
  }
  if (!TYPE_SET.has(node.value)) {
    const suggestion = suggestType(node.value);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    report.error(node, CODES.unknownType, `unknown $type "${node.value}"${hint}; expected one of ${TOKEN_TYPES.join(', ')}`, {
      actual: node.value,
      expected: [...TOKEN_TYPES],
    });
    return { broken: true };
  }
  return { type: node.value as TokenType, node };
}

function readDescription(node: JsonNode, report: Reporter): string | undefined {
  if (node.kind === 'string') return node.value;
  report.error(node, CODES.invalidMetadata, `$description must be a string, got ${describeNode(node)}`);
  return undefined;
}

function readDeprecated(node: JsonNode, report: Reporter): boolean | string | undefined {
  if (node.kind === 'boolean' || node.kind === 'string') return node.value;
  report.error(node, CODES.invalidMetadata, `$deprecated must be true, false or a string explaining the deprecation, got ${describeNode(node)}`);
  return undefined;
}

function readExtensions(node: JsonNode, report: Reporter): Record<string, unknown> | undefined {
  if (node.kind === 'object') return toPlain(node) as Record<string, unknown>;
  report.error(node, CODES.invalidMetadata, `$extensions must be an object keyed by vendor (e.g. "com.example.tool"), got ${describeNode(node)}`);
  return undefined;
}
