// The brandlint extension: starts `brandlint lsp --stdio` (the workspace's own brandlint, else the
// one on the PATH) and hands it the files brandlint lints. Everything else (diagnostics, quick
// fixes, "disable for this line", hover) comes from the server.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** Files of brandlint's channels (its adapters decide what they read; other files get no findings). */
const DOCUMENT_SELECTOR = [
  'html', 'css', 'scss', 'markdown', 'mdx', 'yaml', 'json', 'asciidoc', 'plaintext', 'handlebars', 'liquid', 'nunjucks', 'jinja', 'twig',
].map((language) => ({ scheme: 'file', language })).concat([
  { scheme: 'file', pattern: '**/*.{mjml,eml,lg,csv,adoc,asc,njk,hbs,liquid}' },
]);

/** The command that runs brandlint: the setting, the workspace's node_modules, else the PATH. */
function serverCommand(folder) {
  const configured = vscode.workspace.getConfiguration('brandlint').get('path');
  if (configured) {
    // A .js file runs with the Node on the PATH: brandlint needs Node 20 or later, which the editor's own runtime may not be.
    return configured.endsWith('.js') ? { command: 'node', args: [configured] } : { command: configured, args: [] };
  }
  if (folder) {
    const local = path.join(folder, 'node_modules', 'brandlint', 'bin', 'brandlint.js');
    if (fs.existsSync(local)) return { command: 'node', args: [local] };
  }
  return { command: process.platform === 'win32' ? 'brandlint.cmd' : 'brandlint', args: [] };
}

async function start() {
  if (!vscode.workspace.getConfiguration('brandlint').get('enable', true)) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const { command, args } = serverCommand(folder);
  const run = { command, args: [...args, 'lsp', '--stdio'], transport: TransportKind.stdio, options: folder ? { cwd: folder, shell: process.platform === 'win32' } : {} };
  client = new LanguageClient('brandlint', 'brandlint', { run, debug: run }, {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      // The server recompiles the brand when these change, and updates campaign siblings.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{brandlint.config.*,package.json}'),
        vscode.workspace.createFileSystemWatcher('**/tokens/**'),
      ],
    },
  });
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('brandlint.restart', async () => {
      await client?.stop();
      client = undefined;
      await start();
    }),
  );
  try {
    await start();
  } catch (error) {
    void vscode.window.showErrorMessage(`brandlint: the language server did not start (${error instanceof Error ? error.message : String(error)}). Install brandlint in the workspace (npm install --save-dev brandlint) or set brandlint.path.`);
  }
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };
