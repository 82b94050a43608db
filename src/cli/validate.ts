import type { Diagnostic } from '../core/diagnostic.js';
import { formatDiagnosticLine } from '../core/diagnostic.js';
import { readTextFile } from '../core/text-file.js';
import { loadTokenSet } from '../tokens/dtcg/index.js';
import { expandFileArguments, displayPath } from './files.js';
import { colorsFor, type CliIo } from './io.js';

export interface ValidateOptions {
  format: 'stylish' | 'json';
  color?: boolean;
}

export interface FileValidation {
  file: string;
  valid: boolean;
  tokenCount: number;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
}

/** Validates each file as its own DTCG document. */
export async function validateFiles(files: readonly string[], cwd: string): Promise<FileValidation[]> {
  const results: FileValidation[] = [];
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    const read = await readTextFile(absolute, file);
    const { tokenCount, diagnostics } = read.ok
      ? (() => {
          const loaded = loadTokenSet([{ file, text: read.text }]);
          return { tokenCount: loaded.set.tokens.size, diagnostics: loaded.diagnostics };
        })()
      : { tokenCount: 0, diagnostics: [read.diagnostic] };
    const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
    results.push({
      file,
      valid: errorCount === 0,
      tokenCount,
      errorCount,
      warningCount: diagnostics.length - errorCount,
      diagnostics,
    });
  }
  return results;
}

export async function runValidate(args: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const files = await expandFileArguments(args, io.cwd);
  const results = await validateFiles(files, io.cwd);
  const allValid = results.every((result) => result.valid);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ valid: allValid, files: results }, null, 2)}\n`);
    return allValid ? 0 : 1;
  }
  const c = colorsFor(io, options.color);
  for (const result of results) {
    const counts = [plural(result.errorCount, 'error'), plural(result.warningCount, 'warning')].filter(Boolean).join(', ');
    const status = result.valid ? c.green('valid') : c.red('invalid');
    io.stdout(`${c.bold(result.file)}: ${status}, ${plural(result.tokenCount, 'token') || '0 tokens'}${counts ? ` (${counts})` : ''}\n`);
    for (const diagnostic of result.diagnostics) {
      const level = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      io.stdout(`  ${level} ${formatDiagnosticLine(diagnostic)}  ${c.dim(diagnostic.ruleId)}\n`);
    }
  }
  const invalid = results.filter((result) => !result.valid).length;
  const summary = `${plural(results.length, 'file')} checked: ${results.length - invalid} valid, ${invalid} invalid`;
  io.stdout(`\n${invalid ? c.red(summary) : c.green(summary)}\n`);
  return allValid ? 0 : 1;
}

function plural(count: number, noun: string): string {
  if (count === 0) return '';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
