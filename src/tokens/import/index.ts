/**
 * Importing the token formats brands already have into DTCG 2025.10:
 * `importTokens(inputs, { from })` reads files (JSON, JSONC, JSON5, YAML), tells or takes their
 * format, converts every token it can, says what it could not (positioned warnings), and
 * returns DTCG files (plus a resolver document when the tokens have modes or themes) that
 * `brandlint validate` accepts. Deterministic: the same inputs give the same bytes.
 */
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { parseTokenText } from '../dtcg/load.js';
import { SourceFile } from '../dtcg/report.js';
import { detectFormat } from './detect.js';
import { readDtcg } from './formats/dtcg.js';
import { readFigma } from './formats/figma.js';
import { readFlat } from './formats/flat.js';
import { readSass, parseSassVariables } from './formats/sass.js';
import { readSpectrum } from './formats/spectrum.js';
import { readStyleDictionary } from './formats/style-dictionary.js';
import { theoImports, readTheo } from './formats/theo.js';
import { isTokensStudioMetaFile, readTokensStudio } from './formats/tokens-studio.js';
import { Importer, type ConvertedTokens, type ImportOptions } from './importer.js';
import { IMPORT_CODES, ImportLog } from './log.js';
import { FORMAT_NAMES, IMPORT_FORMATS, type FormatReading, type ImportFile, type ImportFormat } from './model.js';

export { FORMAT_NAMES, IMPORT_FORMATS, type ImportFormat } from './model.js';
export { IMPORT_CODES } from './log.js';
export type { OutputFile, ImportOptions } from './importer.js';

export interface ImportInput {
  /** Display name (forward slashes); also decides the output file names, relative to the inputs' common folder. */
  file: string;
  text: string;
}

export interface ImportTokensOptions extends ImportOptions {
  /** The format of every input; told from each file's content when absent. */
  from?: ImportFormat;
  /**
   * Reads a file a Theo file imports (`imports: [../aliases/colors.yml]`) and that is not among
   * the inputs: `file` is the display name, resolved against the importing file. Returns why
   * when it cannot or may not be read. Without it, such imports are warnings.
   */
  readImport?: (file: string) => Promise<ImportInput | { error: string }>;
}

export interface FileFormat {
  file: string;
  format: ImportFormat | null;
  /** Why: what in the file shows the format (or that it was named with `from`). */
  evidence: string;
}

export interface ImportResult extends ConvertedTokens {
  formats: FileFormat[];
  diagnostics: Diagnostic[];
}

const READERS: Record<ImportFormat, (files: readonly ImportFile[], log: ImportLog) => FormatReading> = {
  dtcg: readDtcg,
  'dtcg-draft': readDtcg,
  'style-dictionary': readStyleDictionary,
  'tokens-studio': readTokensStudio,
  figma: readFigma,
  theo: readTheo,
  spectrum: readSpectrum,
  sass: readSass,
  flat: readFlat,
};

export function isImportFormat(name: string): name is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(name);
}

/** Reads, converts and checks; never throws on bad input (every problem is a diagnostic). */
export async function importTokens(inputs: readonly ImportInput[], options: ImportTokensOptions = {}): Promise<ImportResult> {
  const log = new ImportLog();
  const all = [...inputs];
  const files: ImportFile[] = [];
  const parse = (input: ImportInput): ImportFile | undefined => {
    const source = new SourceFile(input.file, input.text, files.length);
    if (!/\.(json|jsonc|json5|ya?ml|scss)$/i.test(input.file)) {
      log.error(source, input.file, null, 'brandlint imports JSON, JSONC, JSON5, YAML and SCSS token files; this file is none of these (by its name)');
      return undefined;
    }
    const parsed = /\.scss$/i.test(input.file) ? parseSassVariables(input.text) : parseTokenText(input.text, input.file);
    if (!parsed.ok) {
      const start = Math.min(parsed.error.offset, input.text.length);
      log.error(source, input.file, { start, end: Math.min(start + 1, input.text.length) }, parsed.error.message);
      return undefined;
    }
    return { file: input.file, text: input.text, source, root: parsed.root, stem: '' };
  };
  for (const input of all) {
    const file = parse(input);
    if (file) files.push(file);
  }
  await followTheoImports(files, all, parse, options, log);

  const stems = stemsOf(files.map((file) => file.file));
  files.forEach((file, index) => {
    file.stem = stems[index] ?? file.file;
  });

  const formats: FileFormat[] = [];
  const byFormat = new Map<ImportFormat, ImportFile[]>();
  const detections = files.map((file) =>
    options.from
      ? { format: options.from, evidence: `named with --from ${options.from}` }
      : /\.scss$/i.test(file.file)
        ? { format: 'sass' as const, evidence: 'an SCSS file: its top-level $variables and maps' }
        : detectFormat(file),
  );
  // Set files next to Tokens Studio's $themes.json / $metadata.json are Tokens Studio sets.
  const studio = !options.from && files.some((file, index) => isTokensStudioMetaFile(file.file) || (detections[index]?.format === 'tokens-studio' && file.root.kind === 'object' && file.root.members.some((member) => member.key === '$themes')));
  files.forEach((file, index) => {
    let detection = detections[index] ?? { format: null, evidence: '' };
    if (studio && (detection.format === 'style-dictionary' || detection.format === 'dtcg-draft' || detection.format === 'dtcg')) {
      detection = { format: 'tokens-studio', evidence: `a token set next to Tokens Studio's $themes/$metadata (${detection.evidence})` };
    }
    formats.push({ file: file.file, format: detection.format, evidence: detection.evidence });
    if (!detection.format && 'skip' in detection) {
      log.warn(file.source, null, IMPORT_CODES.input, `not imported: ${detection.evidence}`);
      return;
    }
    if (!detection.format) {
      log.error(file.source, file.file, null, `cannot tell the format: ${detection.evidence}; name it with --from (${IMPORT_FORMATS.join(', ')})`);
      return;
    }
    byFormat.set(detection.format, [...(byFormat.get(detection.format) ?? []), file]);
  });

  const readings: FormatReading[] = [];
  for (const [format, group] of byFormat) readings.push(READERS[format](group, log));
  const importer = new Importer(readings, log, options);
  const converted = importer.run();
  return { ...converted, formats, diagnostics: sortDiagnostics(log.diagnostics, all.map((input) => input.file)) };
}

/** Output stems: each input's path relative to the inputs' common folder, without its extensions. */
export function stemsOf(files: readonly string[]): string[] {
  const dirs = files.map((file) => path.posix.dirname(file.split('\\').join('/')).split('/'));
  const common: string[] = [];
  const first = dirs[0] ?? [];
  for (let i = 0; i < first.length; i++) {
    if (dirs.every((dir) => dir[i] === first[i])) common.push(first[i] ?? '');
    else break;
  }
  const prefix = common.join('/');
  const stems = files.map((file) => {
    const posix = file.split('\\').join('/');
    const relative = prefix && prefix !== '.' ? posix.slice(prefix.length).replace(/^\//, '') : posix.replace(/^\.\//, '');
    return relative.replace(/\.(json|jsonc|json5|ya?ml|scss)$/i, '').replace(/(^|\/)_([^/]+)$/, '$1$2').replace(/\.tokens$/i, '').replace(/^\.\.\//g, '') || 'tokens';
  });
  // Two inputs with the same stem (a.json and a.yaml) stay apart.
  const seen = new Map<string, number>();
  return stems.map((stem) => {
    const count = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, count);
    return count === 1 ? stem : `${stem}-${count}`;
  });
}

async function followTheoImports(
  files: ImportFile[],
  inputs: ImportInput[],
  parse: (input: ImportInput) => ImportFile | undefined,
  options: ImportTokensOptions,
  log: ImportLog,
): Promise<void> {
  const known = new Set(files.map((file) => path.posix.normalize(file.file)));
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as ImportFile;
    for (const entry of theoImports(file.root)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.file), entry.path));
      if (known.has(target)) continue;
      known.add(target);
      if (!options.readImport) {
        log.warn(file.source, entry.node, IMPORT_CODES.reference, `imports ${entry.path}, which is not among the files imported; its aliases are not available`);
        continue;
      }
      const read = await options.readImport(target);
      if ('error' in read) {
        log.warn(file.source, entry.node, IMPORT_CODES.reference, `imports ${entry.path}: ${read.error}; its aliases are not available`);
        continue;
      }
      inputs.push(read);
      const parsed = parse(read);
      if (parsed) files.push(parsed);
    }
  }
}

function sortDiagnostics(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  const order = new Map(files.map((file, index) => [file, index]));
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const fa = order.get(a.diagnostic.file) ?? Number.MAX_SAFE_INTEGER;
      const fb = order.get(b.diagnostic.file) ?? Number.MAX_SAFE_INTEGER;
      if (fa !== fb) return fa - fb;
      const oa = a.diagnostic.range?.start.offset ?? -1;
      const ob = b.diagnostic.range?.start.offset ?? -1;
      return oa !== ob ? oa - ob : a.index - b.index;
    })
    .map(({ diagnostic }) => diagnostic);
}

export { FORMAT_NAMES as IMPORT_FORMAT_NAMES };
