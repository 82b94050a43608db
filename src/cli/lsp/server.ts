/**
 * `brandlint lsp`: the Language Server. Each open document is linted from its text in the editor
 * (not the file on disk) as `brandlint lint <file>` would lint it in its project: the project's
 * configuration, rules and brand (prepared once per project, again when the configuration or the
 * brand's files change), its campaign siblings (open ones from the editor, the others from disk).
 * It offers diagnostics, quick fixes, "disable <rule> for this line", and hover (the rule's docs
 * line; the nearest brand color and ΔE on a color). vscode-languageserver is loaded by the
 * command only (src/cli/lsp.ts hands it over), so every type import here is erased.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as LspNode from 'vscode-languageserver/node.js';
import type { CodeAction, Connection, Hover, TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nearestBrandColor } from '../../../rules/color-off-palette/index.js';
import type { Channel } from '../../core/channels.js';
import { colorOptionsFor, findColorLiterals } from '../../core/css-color.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ContentDocument } from '../../core/document.js';
import { SourceCode } from '../../core/source-code.js';
import { CONFIG_SEARCH_PLACES } from '../../engine/config.js';
import { lintProject } from '../../engine/lint-project.js';
import { prepareRun, type PrepareOutcome, type PreparedRun } from '../../engine/prepare.js';
import { readContentFile } from '../../engine/read.js';
import type { LintResult } from '../../engine/result.js';
import { loadContentParser, type ContentReader } from '../../engine/runner.js';
import { brandForFile } from '../../tokens/contexts.js';
import { LspPositions, rangesTouch, ruleDocsHref, toLspDiagnostic, LSP_SOURCE } from './convert.js';
import { disableNextLineEdit } from './disable-comment.js';

export interface LanguageServerModules {
  lsp: typeof LspNode;
  TextDocument: typeof TextDocument;
}

export interface LanguageServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Folder used when the client names no workspace. */
  cwd: string;
  /** Keep the compiled brand between runs (as `brandlint lint` does). */
  brandCache?: { folder: string; build: string };
  /** Milliseconds to wait after a change before linting (typing produces many changes). */
  debounceMs?: number;
}

/** What the last lint of an open document found, for code actions and hover. */
interface LintedDocument {
  version: number;
  text: string;
  absolutePath: string;
  file: string;
  channel: Channel | null;
  positions: LspPositions;
  findings: Diagnostic[];
  /** The campaigns the document belongs to. */
  campaigns: Set<string>;
  project: Project;
  /** The document parsed (for hover and disable comments), made on first need. */
  parsed?: Promise<ContentDocument | null>;
}

/** Findings that directives can disable (parse, file, internal and directive problems cannot). */
function canDisable(ruleId: string): boolean {
  return !/^(internal|parse|file|brandlint)\//.test(ruleId);
}

/** One project: a workspace folder with its configuration, rules and brand. */
class Project {
  private preparing: Promise<PrepareOutcome> | null = null;
  /** Files the prepared run was built from (configuration, token files, guidelines, packs). */
  inputs = new Set<string>();
  /** Campaign siblings parsed for the prepared run, by path with their text (see lintProject). */
  siblings = new Map<string, { text: string; result: LintResult }>();

  constructor(
    readonly cwd: string,
    private readonly brandCache: LanguageServerOptions['brandCache'],
  ) {}

  prepare(): Promise<PrepareOutcome> {
    this.preparing ??= prepareRun({ cwd: this.cwd, ...(this.brandCache ? { brandCache: this.brandCache } : {}) }).then((outcome) => {
      if (outcome.ok) {
        const { run } = outcome;
        const files = [
          ...(run.configFile ? [run.configFile] : []),
          ...run.tokenFiles,
          ...(run.brandInputFiles ?? []),
          ...(run.config.guidelines ? [run.config.guidelines] : []),
          ...(run.packSources ?? []),
        ];
        this.inputs = new Set(files.map((file) => path.resolve(file)));
      }
      return outcome;
    });
    return this.preparing;
  }

  invalidate(): void {
    this.preparing = null;
    this.siblings = new Map();
  }

  /** Whether a changed file may change the configuration or the brand. */
  isBrandInput(absolutePath: string): boolean {
    if (this.inputs.has(absolutePath)) return true;
    const name = path.basename(absolutePath);
    if ((CONFIG_SEARCH_PLACES as readonly string[]).includes(name) || name === 'package.json') return true;
    const relative = path.relative(this.cwd, absolutePath).split(path.sep);
    return !relative[0]?.startsWith('..') && relative.includes('tokens');
  }
}

export function startLanguageServer(modules: LanguageServerModules, options: LanguageServerOptions): Connection {
  const { lsp } = modules;
  const connection = lsp.createConnection(new lsp.StreamMessageReader(options.input), new lsp.StreamMessageWriter(options.output));
  // stdout carries the protocol: anything else printed goes to the client's log instead.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  }
  const documents: TextDocuments<TextDocument> = new lsp.TextDocuments(modules.TextDocument);
  const debounceMs = options.debounceMs ?? 150;

  let roots: string[] = [path.resolve(options.cwd)];
  const projects = new Map<string, Project>();
  const linted = new Map<string, LintedDocument>();
  const configProblemsShown = new Set<string>();

  const projectFor = (absolutePath: string): Project => {
    const root = roots.filter((folder) => isInside(absolutePath, folder)).sort((a, b) => b.length - a.length)[0] ?? path.dirname(absolutePath);
    let project = projects.get(root);
    if (!project) {
      project = new Project(root, options.brandCache);
      projects.set(root, project);
    }
    return project;
  };

  const openPaths = (): Map<string, TextDocument> => {
    const map = new Map<string, TextDocument>();
    for (const document of documents.all()) {
      const file = filePathOf(document.uri);
      if (file) map.set(file, document);
    }
    return map;
  };

  // ----- linting, one document at a time, in the order asked -----
  const timers = new Map<string, NodeJS.Timeout>();
  const queue = new Map<string, { cascade: boolean }>();
  let running = false;

  const schedule = (uri: string, cascade: boolean, delay = debounceMs): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const queued = queue.get(uri);
        queue.set(uri, { cascade: cascade || (queued?.cascade ?? false) });
        void drain();
      }, delay),
    );
  };

  const drain = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (queue.size > 0) {
        const [uri, { cascade }] = queue.entries().next().value!;
        queue.delete(uri);
        try {
          await lintOpenDocument(uri, cascade);
        } catch (error) {
          connection.console.error(`brandlint: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    } finally {
      running = false;
    }
  };

  const lintOpenDocument = async (uri: string, cascade: boolean): Promise<void> => {
    const document = documents.get(uri);
    const absolutePath = filePathOf(uri);
    if (!document || !absolutePath) return;
    const version = document.version;
    const text = document.getText();
    const project = projectFor(absolutePath);
    const prepared = await project.prepare();
    if (!prepared.ok) {
      reportConfigProblem(project, prepared);
      linted.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    configProblemsShown.delete(project.cwd);
    if (!existsFile(absolutePath)) {
      connection.console.info(`brandlint: ${absolutePath} is not saved yet; it is linted once it is a file in the project`);
      return;
    }
    const open = openPaths();
    const read: ContentReader = async (target, readOptions) => {
      const inEditor = open.get(path.resolve(target.absolutePath));
      if (inEditor) return { kind: 'text', text: inEditor.uri === uri ? text : inEditor.getText(), bom: false };
      return readContentFile(target.absolutePath, target.file, readOptions);
    };
    const outcome = await lintProject({ cwd: project.cwd, prepared: prepared.run, paths: [absolutePath], read, campaignSiblings: true, siblingCache: project.siblings });
    if (!outcome.ok) {
      connection.console.warn(`brandlint: ${outcome.message}`);
      return;
    }
    for (const notice of outcome.notices) connection.console.info(`brandlint: ${notice.message}`);
    const result = outcome.results.find((one) => path.resolve(one.absolutePath) === absolutePath);
    const current = documents.get(uri);
    // Changed meanwhile: a newer lint is on its way.
    if (!current || current.version !== version) return;
    const positions = new LspPositions(text);
    const findings = result?.diagnostics ?? [];
    const campaigns = new Set<string>([
      ...(result?.campaign !== undefined ? [result.campaign] : []),
      ...(result?.campaignData ?? []).map((data) => data.campaign),
    ]);
    const before = linted.get(uri);
    linted.set(uri, {
      version,
      text,
      absolutePath,
      file: result?.file ?? path.relative(project.cwd, absolutePath),
      channel: result?.channel ?? null,
      positions,
      findings,
      campaigns,
      project,
    });
    await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding, index) => toLspDiagnostic(finding, positions, index)) });
    if (cascade) {
      // The campaign findings of the other open members depend on this text.
      const touched = new Set([...campaigns, ...(before?.campaigns ?? [])]);
      for (const [otherUri, other] of linted) {
        if (otherUri !== uri && other.project === project && [...other.campaigns].some((id) => touched.has(id))) schedule(otherUri, false, 0);
      }
    }
  };

  const reportConfigProblem = (project: Project, outcome: Extract<PrepareOutcome, { ok: false }>): void => {
    if (configProblemsShown.has(project.cwd)) return;
    configProblemsShown.add(project.cwd);
    const details = outcome.diagnostics.map((d) => `${d.file}${d.range ? `:${d.range.start.line}:${d.range.start.column}` : ''} ${d.message}`);
    connection.console.error(`brandlint: ${outcome.message} (${project.cwd}); nothing is linted until it is fixed\n${details.join('\n')}`);
    void connection.window.showErrorMessage(`brandlint: ${outcome.message}; nothing is linted until it is fixed (see the output of the brandlint server)`);
  };

  const relintAll = (filter: (document: LintedDocument | undefined, absolutePath: string) => boolean): void => {
    for (const document of documents.all()) {
      const absolutePath = filePathOf(document.uri);
      if (absolutePath && filter(linted.get(document.uri), absolutePath)) schedule(document.uri, false, 0);
    }
  };

  /** A file changed on disk (or was saved): the brand's inputs recompile the brand; a content file updates its campaign's open members. */
  const fileChanged = (absolutePath: string): void => {
    const project = projectFor(absolutePath);
    if (project.isBrandInput(absolutePath)) {
      project.invalidate();
      configProblemsShown.delete(project.cwd);
      relintAll((_document, file) => projectFor(file) === project);
      return;
    }
    const open = openPaths();
    if (open.has(absolutePath)) return;
    relintAll((document) => document !== undefined && document.project === project && document.campaigns.size > 0);
  };

  // ----- the document's parsed form (hover, disable comments) -----
  const parsedOf = (state: LintedDocument): Promise<ContentDocument | null> => {
    state.parsed ??= (async () => {
      if (!state.channel) return null;
      const parse = await loadContentParser();
      return parse({ file: state.file, absolutePath: state.absolutePath, text: state.text, channel: state.channel });
    })().catch(() => null);
    return state.parsed;
  };

  const currentState = (uri: string): LintedDocument | undefined => {
    const state = linted.get(uri);
    const document = documents.get(uri);
    return state && document && state.version === document.version ? state : undefined;
  };

  // ----- protocol -----
  let watchRegistration = false;
  connection.onInitialize((params) => {
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const folders = params.workspaceFolders?.map((folder) => filePathOf(folder.uri)).filter((file): file is string => file !== null) ?? [];
    const rootUri = params.rootUri ? filePathOf(params.rootUri) : null;
    if (folders.length > 0) roots = folders;
    else if (rootUri) roots = [rootUri];
    else if (params.rootPath) roots = [path.resolve(params.rootPath)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: LSP_SOURCE },
    };
  });

  connection.onInitialized(() => {
    if (!watchRegistration) return;
    void connection.client.register(lsp.DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/{brandlint.config.*,package.json}' },
        { globPattern: '**/tokens/**' },
        { globPattern: '**/*.{tokens.json,resolver.json,guidelines.yaml,guidelines.yml}' },
        { globPattern: '**/*.{html,htm,mjml,eml,css,scss,lg,yml,yaml,json,md,markdown,mdx,adoc,asciidoc,asc,txt,csv,njk,hbs,liquid}' },
      ],
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const absolutePath = filePathOf(change.uri);
      if (absolutePath) fileChanged(absolutePath);
    }
  });

  documents.onDidChangeContent((event) => schedule(event.document.uri, true, linted.has(event.document.uri) ? debounceMs : 0));
  documents.onDidSave((event) => {
    const absolutePath = filePathOf(event.document.uri);
    if (absolutePath && projectFor(absolutePath).isBrandInput(absolutePath)) fileChanged(absolutePath);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(timers.get(uri));
    queue.delete(uri);
    const state = linted.get(uri);
    linted.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Its siblings now see the text on disk.
    if (state && state.campaigns.size > 0) relintAll((document) => document !== undefined && [...document.campaigns].some((id) => state.campaigns.has(id)));
  });

  connection.onCodeAction(async (params) => {
    const state = currentState(params.textDocument.uri);
    if (!state) return [];
    const only = params.context.only;
    // Every action here is a quick fix: asked for other kinds only (source actions, refactorings), none.
    const quickFix = lsp.CodeActionKind.QuickFix;
    if (only && !only.some((kind) => kind === '' || kind === quickFix || quickFix.startsWith(`${kind}.`))) return [];
    const { uri } = params.textDocument;
    const actions: CodeAction[] = [];
    const disabled = new Set<string>();
    for (const [index, finding] of state.findings.entries()) {
      const diagnostic = toLspDiagnostic(finding, state.positions, index);
      if (!rangesTouch(diagnostic.range, params.range)) continue;
      if (finding.fix) {
        actions.push({
          title: finding.fix.description,
          kind: lsp.CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: finding.fix.edits.map((edit) => state.positions.edit(edit)) } },
        });
      }
      const line = finding.range?.start.line;
      const key = `${finding.ruleId}@${line}`;
      if (line === undefined || !canDisable(finding.ruleId) || disabled.has(key)) continue;
      disabled.add(key);
      const parsed = await parsedOf(state);
      if (!parsed) continue;
      const parse = await loadContentParser();
      const insert = await disableNextLineEdit(
        state.text,
        line,
        finding.ruleId,
        parsed.format,
        async (text) => parse({ file: state.file, absolutePath: state.absolutePath, text, channel: state.channel! }),
        parsed,
      );
      if (!insert) continue;
      const at = state.positions.position({ line, column: 1, offset: insert.offset });
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: lsp.CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: insert.text }] } },
      });
    }
    return actions;
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const state = currentState(params.textDocument.uri);
    if (!state) return null;
    const offset = state.positions.offsetAt(params.position);
    const sections: string[] = [];
    let range: Hover['range'];
    const prepared = await state.project.prepare();
    const run: PreparedRun | null = prepared.ok ? prepared.run : null;
    for (const finding of state.findings) {
      if (!finding.range || finding.range.start.offset > offset || finding.range.end.offset < offset) continue;
      const description = run?.rules.loaded.get(finding.ruleId)?.meta.description;
      const href = ruleDocsHref(finding.ruleId, finding.docsUrl);
      const title = href ? `[${finding.ruleId}](${href})` : `\`${finding.ruleId}\``;
      sections.push(`**brandlint** ${title}${description ? `: ${description}` : ''}\n\n${finding.message}`);
      range ??= state.positions.range(finding.range);
    }
    const color = run?.brand ? await colorAt(state, offset, run) : null;
    if (color) {
      sections.push(color.text);
      range = color.range;
    }
    if (sections.length === 0) return null;
    return { contents: { kind: lsp.MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
  });

  /** The color literal of a style declaration under the cursor, with the nearest brand color. */
  const colorAt = async (state: LintedDocument, offset: number, run: PreparedRun): Promise<{ text: string; range: Hover['range'] } | null> => {
    const document = await parsedOf(state);
    if (!document) return null;
    const brand = brandForFile(run.brand, state.absolutePath);
    if (!brand || brand.palette.length === 0) return null;
    let source: SourceCode | undefined;
    for (const declaration of document.styles) {
      if (declaration.valueStart > offset || declaration.valueEnd < offset) continue;
      const value = declaration.origin === 'tailwind' ? declaration.value.replace(/_/g, ' ') : declaration.value;
      for (const literal of findColorLiterals(value, colorOptionsFor(declaration, 0))) {
        source ??= new SourceCode(document);
        const literalRange = source.valueRange(declaration, literal.start, literal.end);
        if (literalRange.start.offset > offset || literalRange.end.offset < offset) continue;
        const nearest = nearestBrandColor(brand.palette, literal.color, declaration.property);
        if (!nearest) return null;
        const written = value.slice(literal.start, literal.end);
        const delta = nearest.delta.toFixed(1);
        const text =
          nearest.delta < 0.05
            ? `**${written}** is the brand color \`${nearest.token.name}\` (${nearest.token.hex})`
            : `**${written}**: nearest brand color \`${nearest.token.name}\` (${nearest.token.hex}), ΔE ${delta}`;
        return { text, range: state.positions.range(literalRange) };
      }
    }
    return null;
  };

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    queue.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The file path of a `file:` URI (null for other schemes: untitled buffers, remote files). */
function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
