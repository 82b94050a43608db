import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from './files.js';
import type { CliIo } from './io.js';
import { packageRoot } from './package-info.js';

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

export async function runInit(dir: string, options: { force: boolean }, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  const planned: Array<{ to: string; from?: string; text?: string }> = [
    { to: path.join(target, 'brandlint.config.yaml'), text: STARTER_CONFIG },
    ...STARTER_TOKEN_FILES.map((name) => ({ to: path.join(target, 'tokens', name), from: path.join(packageRoot(), 'tokens', name) })),
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
    await mkdir(path.dirname(file.to), { recursive: true });
    if (file.text !== undefined) await writeFile(file.to, file.text, 'utf8');
    else if (file.from) await copyFile(file.from, file.to);
    io.stdout(`created ${displayPath(file.to, io.cwd)}\n`);
  }
  io.stdout(
    '\nA starter brand (the fictional Northwind) is in tokens/. Make it yours, then run:\n' +
      '  brandlint validate tokens/*.tokens.json\n' +
      '  brandlint build\n',
  );
  return 0;
}
