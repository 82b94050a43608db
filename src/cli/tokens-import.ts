import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnosticLine } from '../core/diagnostic.js';
import { decodeUtf8 } from '../core/text-file.js';
import { FORMAT_NAMES, IMPORT_FORMATS, importTokens, isImportFormat, type ImportInput } from '../tokens/import/index.js';
import { displayPath, expandFileArguments } from './files.js';
import { colorsFor, UsageError, type CliIo } from './io.js';
import { makeFolders } from '../core/folders.js';

export interface TokensImportOptions {
  from?: string;
  out: string;
  emBase?: string;
  name?: string;
  format?: 'stylish' | 'json';
  color?: boolean;
}

/**
 * `brandlint tokens import <files...> --out <dir>`: reads token files of other formats and writes
 * DTCG 2025.10 files (and a resolver document for modes and themes) into `--out`.
 * Exit 0 when tokens were written (warnings do not fail), 1 when an input could not be read or
 * its format told, 2 for usage errors.
 */
export async function runTokensImport(args: readonly string[], options: TokensImportOptions, io: CliIo): Promise<number> {
  if (options.from !== undefined && !isImportFormat(options.from)) {
    throw new UsageError(`unknown format "${options.from}"; expected one of ${IMPORT_FORMATS.join(', ')}`);
  }
  const emBase = options.emBase === undefined ? undefined : Number(options.emBase);
  if (emBase !== undefined && !(Number.isFinite(emBase) && emBase > 0)) throw new UsageError(`--em-base must be a positive number of px, got "${options.emBase}"`);
  if (options.name !== undefined && !/^[A-Za-z0-9][\w.-]*$/.test(options.name)) throw new UsageError(`--name must be a file name without folders, got "${options.name}"`);
  const files = await expandImportArguments(args, io.cwd);
  const inputs: ImportInput[] = [];
  const unreadable: string[] = [];
  for (const absolute of files) {
    const read = await readInput(absolute, io.cwd);
    if ('text' in read) inputs.push(read);
    else unreadable.push(read.error);
  }
  // A Theo file's `imports` are read too, but only inside the working folder or the folders of the named files.
  const roots = [io.cwd, ...files.map((file) => path.dirname(file))];
  const result = await importTokens(inputs, {
    ...(options.from ? { from: options.from as (typeof IMPORT_FORMATS)[number] } : {}),
    ...(emBase !== undefined ? { emBase } : {}),
    ...(options.name ? { resolverName: options.name } : {}),
    readImport: async (file) => {
      const absolute = path.resolve(io.cwd, file);
      if (!roots.some((root) => isInside(absolute, root))) return { error: 'it is outside the working folder and the folders of the named files' };
      return readInput(absolute, io.cwd);
    },
  });

  const outDir = path.resolve(io.cwd, options.out);
  const failed = unreadable.length > 0 || result.diagnostics.some((d) => d.severity === 'error');
  if (result.tokenCount > 0) {
    for (const file of result.files) {
      const target = path.join(outDir, file.path);
      makeFolders(path.dirname(target));
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, file.text, 'utf8');
      await rename(temp, target);
    }
  }

  if (options.format === 'json') {
    const written = result.tokenCount > 0 ? result.files.map((file) => displayPath(path.join(outDir, file.path), io.cwd)) : [];
    io.stdout(
      `${JSON.stringify(
        {
          tokens: result.tokenCount,
          formats: result.formats,
          files: written,
          resolver: result.resolver && result.tokenCount > 0 ? displayPath(path.join(outDir, result.resolver), io.cwd) : null,
          diagnostics: [...unreadable.map((message) => ({ ruleId: 'import/input', severity: 'error', message })), ...result.diagnostics],
        },
        null,
        2,
      )}\n`,
    );
    return failed || result.tokenCount === 0 ? 1 : 0;
  }

  const c = colorsFor(io, options.color);
  for (const message of unreadable) io.stderr(`${c.red('error  ')} ${message}\n`);
  for (const format of result.formats) {
    const name = format.format ? `${c.bold(format.format)} (${FORMAT_NAMES[format.format]})` : c.red('unknown format');
    io.stdout(`${format.file}: ${name}: ${format.evidence}\n`);
  }
  for (const diagnostic of result.diagnostics) {
    const level = diagnostic.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    io.stdout(`  ${level} ${formatDiagnosticLine(diagnostic)}  ${c.dim(diagnostic.ruleId)}\n`);
  }
  if (result.tokenCount === 0) {
    io.stderr(c.red('\nno tokens imported; nothing was written\n'));
    return 1;
  }
  io.stdout('\n');
  for (const file of result.files) io.stdout(`${c.green('wrote')} ${displayPath(path.join(outDir, file.path), io.cwd)}\n`);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  io.stdout(`\n${result.tokenCount} tokens from ${inputs.length} file${inputs.length === 1 ? '' : 's'} imported${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'}: what was converted or left out is said above)` : ''}\n`);
  const entry = result.resolver ? displayPath(path.join(outDir, result.resolver), io.cwd) : `${displayPath(outDir, io.cwd)}/**/*.tokens.json`;
  io.stdout(`Check it with \`brandlint validate ${result.resolver ? entry : `"${entry}"`}\`, and name it in \`tokens\` of brandlint.config.yaml.\n`);
  return failed ? 1 : 0;
}

async function expandImportArguments(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const info = await stat(absolute).catch(() => null);
    if (info?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const matches = await glob('**/*.{json,jsonc,json5,yaml,yml,scss}', { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) throw new UsageError(`${arg} holds no JSON, YAML or SCSS files`);
      out.push(...matches.map((match) => path.normalize(match)).sort());
      continue;
    }
    out.push(...(await expandFileArguments([arg], cwd)));
  }
  return [...new Set(out)];
}

async function readInput(absolute: string, cwd: string): Promise<ImportInput | { error: string }> {
  const file = displayPath(absolute, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: `${file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`}` };
  }
  const decoded = decodeUtf8(bytes, file);
  return decoded.ok ? { file, text: decoded.text } : { error: `${file}: ${decoded.diagnostic.message}` };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
