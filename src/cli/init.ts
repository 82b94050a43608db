import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from './files.js';
import { UsageError, type CliIo } from './io.js';
import { terminalText } from '../core/terminal-text.js';
import { packageRoot } from './package-info.js';
import { makeFolders } from '../core/folders.js';

/** The starter brand copied by `init`: the example brand that ships with brandlint. */
const STARTER_TOKEN_FILES = [
  'color.tokens.json',
  'typography.tokens.json',
  'spacing.tokens.json',
  'logo.tokens.json',
  'effects.tokens.json',
  'brand.guidelines.yaml',
];

export const STARTER_CONFIG = `# brandlint configuration. Paths are relative to this file.
# Docs: docs/configuration.md in brandlint's repository.

# DTCG 2025.10 token files (palette, type, spacing, logo sizes): files or globs.
tokens:
  - tokens/*.tokens.json

# What DTCG cannot express: logo files, voice, channel limits.
guidelines: tokens/brand.guidelines.yaml

# \`brandlint build\` outputs.
build:
  outDir: build
  platforms: [css, scss, js, json, email, brand]
  # prefix: nw        # CSS/SCSS names become --nw-color-brand-primary
  remBase: 16         # px per rem in the email-safe output

# Rule severities: off | warn | error, or [level, { options }].
rules: {}
`;

export async function runInit(dir: string, options: { force: boolean; from?: string }, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  const fromBook = options.from === undefined ? undefined : await draftBrandBook(options.from, io);
  const planned: Array<{ to: string; from?: string; text?: string }> = [
    { to: path.join(target, 'brandlint.config.yaml'), text: STARTER_CONFIG },
    ...(fromBook
      ? Object.entries(fromBook.files).map(([name, text]) => ({ to: path.join(target, 'tokens', name), text }))
      : STARTER_TOKEN_FILES.map((name) => ({ to: path.join(target, 'tokens', name), from: path.join(packageRoot(), 'tokens', name) }))),
  ];
  const existing = [];
  for (const file of planned) if (await stat(file.to).catch(() => null)) existing.push(file.to);
  if (existing.length > 0 && !options.force) {
    io.stderr(
      `brandlint: init would overwrite ${existing.map((file) => displayPath(file, io.cwd)).join(', ')}; use --force to overwrite\n`,
    );
    return 2;
  }
  for (const file of planned) {
    makeFolders(path.dirname(file.to));
    if (file.text !== undefined) await writeFile(file.to, file.text, 'utf8');
    else if (file.from) await copyFile(file.from, file.to);
    io.stdout(`created ${displayPath(file.to, io.cwd)}\n`);
  }
  if (fromBook) {
    io.stdout(`\n${fromBook.summary}\n`);
    for (const line of fromBook.notes) io.stderr(`${line}\n`);
    io.stdout('Every value says where in the book it came from. Review the draft, then run:\n  brandlint validate tokens/*.tokens.json\n  brandlint lint\n');
    return 0;
  }
  io.stdout(
    '\nA starter brand (the fictional Northwind) is in tokens/. Make it yours, then run:\n' +
      '  brandlint validate tokens/*.tokens.json\n' +
      '  brandlint build\n',
  );
  return 0;
}

/**
 * `init --from <brand book>`: the token files and the guideline file drafted from a brand book
 * (PDF, Markdown or HTML; src/tokens/brand-book/), with what could not be read and the conflicts
 * found, as notes.
 */
async function draftBrandBook(file: string, io: CliIo): Promise<{ files: Record<string, string>; summary: string; notes: string[] }> {
  const { bookFormatOf, readHtmlBook, readMarkdownBook, readPdfBook, describePlace } = await import('../tokens/brand-book/read.js');
  const { draftFromBook } = await import('../tokens/brand-book/draft.js');
  const { writeDraft } = await import('../tokens/brand-book/write.js');
  const format = bookFormatOf(file);
  if (!format) throw new UsageError(`--from ${file}: a brand book must be a .pdf, .md or .html file`);
  let data: Buffer;
  try {
    data = await readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw new UsageError(`--from ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let lines;
  try {
    lines = format === 'pdf' ? await readPdfBook(new Uint8Array(data)) : format === 'html' ? await readHtmlBook(data.toString('utf8')) : readMarkdownBook(data.toString('utf8'));
  } catch (error) {
    throw new UsageError(`--from ${file}: cannot read the ${format.toUpperCase()} (${error instanceof Error ? error.message : String(error)})`);
  }
  const book = path.basename(file);
  const draft = draftFromBook(lines);
  const written = writeDraft(draft, book);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary =
    `Drafted from ${terminalText(book)}: ${count(draft.colors.length, 'color')}, ${count(draft.fonts.length, 'font role')}, ${count(draft.sizes.length, 'type size')}, ` +
    `${count(draft.logos.filter((logo) => logo.minWidthPx !== undefined).length, 'logo')}, ${count(draft.dontWords.length, "don't word")}, ${count(draft.doWords.length, 'do word')}, ${count(draft.tone.length, 'tone adjective')}.`;
  const notes = [
    ...(lines.length === 0 ? [`note ${terminalText(book)} has no text brandlint can read (a scanned PDF has none); nothing was drafted from it`] : []),
    ...draft.conflicts.map((conflict) => `conflict ${describePlace(conflict.source)}: ${terminalText(conflict.message)}`),
    ...draft.unread.map((entry) => `not read ${describePlace(entry.source)}: ${entry.reason}: ${terminalText(entry.text.slice(0, 120))}`),
    ...written.todo.map((todo) => `todo ${terminalText(todo)}`),
  ];
  return { files: written.files, summary, notes };
}
