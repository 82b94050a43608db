import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { BIN, REPO_ROOT, tempDir } from './helpers.js';

/**
 * `brandlint lsp --stdio` driven by a real LSP client (vscode-languageserver-protocol over the
 * spawned built binary's stdin and stdout), on a temporary copy of the example brand and fixtures.
 */
const cleanups: Array<() => void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A project: the example brand (config, tokens) and the fixture files named. */
function project(files: readonly string[]): string {
  const { dir, cleanup } = tempDir('brandlint-lsp-');
  cleanups.push(cleanup);
  cpSync(path.join(REPO_ROOT, 'brandlint.config.yaml'), path.join(dir, 'brandlint.config.yaml'));
  cpSync(path.join(REPO_ROOT, 'tokens'), path.join(dir, 'tokens'), { recursive: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
  }
  return dir;
}

interface Client {
  connection: ProtocolConnection;
  /** The next diagnostics published for `uri` that satisfy `accept` (also ones already received). */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(file: string, text?: string): { uri: string; text: string };
  stderr: () => string;
}

async function startServer(cwd: string): Promise<Client> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'lsp', '--stdio'], {
    cwd,
    env: { ...process.env, BRANDLINT_NO_BRAND_CACHE: '1', NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const received: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const waiter = waiters.find((one) => one.uri === params.uri && one.accept(params));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(params);
    } else received.push(params);
  });
  connection.listen();
  cleanups.push(async () => {
    try {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    connection.dispose();
    child.kill();
  });
  const root = pathToFileURL(cwd).href;
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'project' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    stderr: () => stderr,
    diagnostics(uri, accept = () => true) {
      const index = received.findIndex((params) => params.uri === uri && accept(params));
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0]!);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    open(file, text) {
      const absolute = path.join(cwd, file);
      const content = text ?? readFileSync(absolute, 'utf8');
      if (text !== undefined) writeFileSync(absolute, text);
      const uri = pathToFileURL(absolute).href;
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'html', version: 1, text: content } });
      return { uri, text: content };
    },
  };
}

/**
 * The LSP range of the first `needle` in `text` after its first line (a fixture's first line is a
 * comment describing it), counted here independently: 0-based lines, UTF-16 characters.
 */
function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle, text.indexOf('\n'));
  if (offset < 0) throw new Error(`${needle} not in the text`);
  const at = (index: number) => {
    const before = text.slice(0, index);
    const line = before.split('\n').length - 1;
    return { line, character: index - (before.lastIndexOf('\n') + 1) };
  };
  return { start: at(offset), end: at(offset + needle.length) };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'html', 0, text), [...edits]);
}

const EMAIL = 'fixtures/email/color-off-palette.fail.html';

describe('brandlint lsp', () => {
  it('diagnostics at the right ranges (UTF-16 columns), a fix through a code action, updated diagnostics after the change', async () => {
    const cwd = project([EMAIL]);
    const client = await startServer(cwd);
    // An emoji (two UTF-16 code units) before the color on the same line: columns must count code units.
    const original = readFileSync(path.join(cwd, EMAIL), 'utf8').replace('<a href="https://www.northwind.example/spring"', '<a title="🥾 trail" href="https://www.northwind.example/spring"');
    const { uri, text } = client.open(EMAIL, original);

    const first = await client.diagnostics(uri);
    expect(first.version).toBe(1);
    const offPalette = first.diagnostics.filter((d) => d.code === 'color-off-palette');
    const ranges = offPalette.map((d) => d.range);
    expect(ranges).toContainEqual(rangeOf(text, '#1f5136'));
    expect(ranges).toContainEqual(rangeOf(text, '#1d4ed8'));
    expect(ranges).toContainEqual(rangeOf(text, '#dddddd'));
    const pine = offPalette.find((d) => d.range.start.line === rangeOf(text, '#1f5136').start.line)!;
    expect(pine).toMatchObject({ severity: 1, source: 'brandlint', code: 'color-off-palette' });
    expect(pine.message).toContain('#1f5136 is not a brand color');
    const href = pine.codeDescription!.href;
    expect(href).toMatch(/^file:\/\/.*\/rules\/color-off-palette\/README\.md$/);
    expect(existsSync(fileURLToPath(href))).toBe(true);

    // The quick fix of the near miss, and "disable for this line".
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: pine.range,
      context: { diagnostics: [pine] },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Disable color-off-palette for this line');
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix.title).toMatch(/^Use .+ \(#1f5135\)$/);
    const fixed = applyEdits(text, fix.edit!.changes![uri]!);
    expect(fixed).toBe(text.replace('background-color: #1f5136', 'background-color: #1f5135'));

    // Sent as an incremental change, the way editors do.
    const edit = fix.edit!.changes![uri]![0]!;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    const second = await client.diagnostics(uri, (params) => params.version === 2);
    const after = second.diagnostics.filter((d) => d.code === 'color-off-palette').map((d) => d.range);
    expect(after).toHaveLength(offPalette.length - 1);
    expect(after).not.toContainEqual(pine.range);
    expect(after).toContainEqual(rangeOf(fixed, '#1d4ed8'));
  });

  it('"disable for this line" inserts a directive the adapter reads: the finding goes, no unused-directive appears', async () => {
    const cwd = project([EMAIL, 'fixtures/chatbot/chatbot-buttons.fail.yml']);
    const client = await startServer(cwd);
    const { uri, text } = client.open(EMAIL);
    const first = await client.diagnostics(uri);
    const link = first.diagnostics.find((d) => d.code === 'color-off-palette' && d.message.startsWith('#1d4ed8'))!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: link.range, context: { diagnostics: [link] } })) as CodeAction[];
    const disable = actions.find((action) => action.title === 'Disable color-off-palette for this line')!;
    const [insert] = disable.edit!.changes![uri]!;
    expect(insert!.newText).toMatch(/^\s*<!-- brandlint-disable-next-line color-off-palette -->\n$/);
    const changed = applyEdits(text, [insert!]);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] });
    const second = await client.diagnostics(uri, (params) => params.version === 2);
    expect(second.diagnostics.some((d) => d.message.startsWith('#1d4ed8'))).toBe(false);
    expect(second.diagnostics.filter((d) => d.code === 'color-off-palette')).toHaveLength(first.diagnostics.filter((d) => d.code === 'color-off-palette').length - 1);
    expect(second.diagnostics.some((d) => d.code === 'brandlint/unused-directive')).toBe(false);

    // In YAML the directive is a # comment.
    const bot = client.open('fixtures/chatbot/chatbot-buttons.fail.yml');
    const botFirst = await client.diagnostics(bot.uri);
    const finding = botFirst.diagnostics.find((d) => typeof d.code === 'string' && !d.code.includes('/'))!;
    const botActions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: bot.uri }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
    const botDisable = botActions.find((action) => action.title === `Disable ${finding.code} for this line`);
    expect(botDisable?.edit!.changes![bot.uri]![0]!.newText).toMatch(new RegExp(`^\\s*# brandlint-disable-next-line ${finding.code}\\n$`));
  });

  it('hover: the rule and its docs line on a finding; the nearest brand token and ΔE on a color', async () => {
    const cwd = project([EMAIL]);
    const client = await startServer(cwd);
    const { uri, text } = client.open(EMAIL);
    await client.diagnostics(uri);
    const link = rangeOf(text, '#1d4ed8');
    const onFinding = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: link.start.line, character: link.start.character + 2 } })) as Hover;
    const value = (onFinding.contents as MarkupContent).value;
    expect(value).toContain('color-off-palette');
    expect(value).toContain('Every color in styles is a brand palette color.');
    expect(value).toMatch(/\*\*#1d4ed8\*\*: nearest brand color `[^`]+` \(#[0-9a-f]{6}\), ΔE \d+\.\d/);
    expect(onFinding.range).toEqual(link);

    // A brand color: no finding, the token it is.
    const brandColor = rangeOf(text, '#1e5aa8');
    const onBrand = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: brandColor.start })) as Hover;
    expect((onBrand.contents as MarkupContent).value).toMatch(/\*\*#1e5aa8\*\* is the brand color `[^`]+` \(#1e5aa8\)/);

    // Plain text: nothing to say.
    const plain = rangeOf(text, 'Our spring range');
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: plain.start })).toBeNull();
  });

  it('a change in one open campaign file updates the campaign findings of its open siblings', async () => {
    const cwd = project(['fixtures/campaigns']);
    // The four web and chat channels only: the print poster's short lines would hold the median
    // of "the others" where the email's edit cannot move it.
    rmSync(path.join(cwd, 'fixtures/campaigns/spring-sale/poster.print.svg'));
    const client = await startServer(cwd);
    const landing = client.open('fixtures/campaigns/spring-sale/landing.html');
    const before = await client.diagnostics(landing.uri);
    const drift = before.diagnostics.find((d) => d.code === 'channel-tone-drift')!;
    expect(drift.message).toMatch(/others 9\.1/);
    const email = client.open('fixtures/campaigns/spring-sale/newsletter.email.html');
    await client.diagnostics(email.uri);
    // The email loses its contractions: the landing page's comparison with "the others" changes.
    const formal = email.text.replace("You'll", 'You will').replace("It's", 'It is').replace("don't", 'do not');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: email.uri, version: 2 }, contentChanges: [{ text: formal }] });
    const after = await client.diagnostics(landing.uri, (params) => params.diagnostics.find((d) => d.code === 'channel-tone-drift')?.message !== drift.message);
    const driftAfter = after.diagnostics.find((d) => d.code === 'channel-tone-drift');
    expect(driftAfter?.message ?? '').not.toMatch(/others 9\.1/);
  });

  it('a change of the brand tokens recompiles the brand and re-lints the open documents', async () => {
    const cwd = project([EMAIL]);
    const client = await startServer(cwd);
    const { uri } = client.open(EMAIL);
    const first = await client.diagnostics(uri);
    expect(first.diagnostics.some((d) => d.message.startsWith('#1d4ed8'))).toBe(true);
    // The screenshot blue becomes a brand color.
    const tokenFile = path.join(cwd, 'tokens', 'color.tokens.json');
    const tokens = JSON.parse(readFileSync(tokenFile, 'utf8')) as { color: Record<string, unknown> };
    tokens.color['screenshot-blue'] = { $type: 'color', $value: { colorSpace: 'srgb', components: [0x1d / 255, 0x4e / 255, 0xd8 / 255], hex: '#1d4ed8' } };
    writeFileSync(tokenFile, JSON.stringify(tokens, null, 2));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(tokenFile).href, type: FileChangeType.Changed }] });
    const second = await client.diagnostics(uri, (params) => !params.diagnostics.some((d: Diagnostic) => d.message.startsWith('#1d4ed8')));
    expect(second.diagnostics.filter((d) => d.code === 'color-off-palette').length).toBe(first.diagnostics.filter((d) => d.code === 'color-off-palette').length - 1);
  });
});
