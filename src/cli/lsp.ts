/**
 * `brandlint lsp [--stdio]`: the language server for editors, over stdin and stdout (the only
 * transport). vscode-languageserver is loaded here, lazily, and nowhere else: every other command
 * runs without it. The promise settles when the client ends the session (the library then exits
 * the process: 0 after `shutdown`, 1 without it, as the protocol asks).
 */
import type * as LspNode from 'vscode-languageserver/node.js';
import type * as TextDocumentModule from 'vscode-languageserver-textdocument';
import { importModule } from '../core/dynamic-import.js';
import type { CliIo } from './io.js';
import { brandCacheOption } from './lint.js';

export async function runLsp(io: CliIo): Promise<number> {
  const [lsp, textDocument] = await Promise.all([
    importModule<typeof LspNode>('vscode-languageserver/node.js'),
    importModule<typeof TextDocumentModule>('vscode-languageserver-textdocument'),
  ]);
  const { startLanguageServer } = await import('./lsp/server.js');
  const connection = startLanguageServer(
    { lsp, TextDocument: textDocument.TextDocument },
    { input: process.stdin, output: process.stdout, cwd: io.cwd, ...brandCacheOption() },
  );
  return new Promise<number>((resolve) => {
    connection.onExit(() => resolve(0));
  });
}
