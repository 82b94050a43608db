import path from 'node:path';
import { loadConfig } from '../engine/config.js';
import { loadBrand } from '../engine/brand.js';
import type { BrandModel } from '../tokens/brand-model.js';
import { BUILD_PLATFORMS, buildTokens, writeBuiltFiles, type BuildPlatform } from '../tokens/build/index.js';
import { CODES } from '../tokens/dtcg/report.js';

const UNPORTABLE_NAME = CODES.unportableName;
import { displayPath } from './files.js';
import { colorsFor, printDiagnostics, UsageError, type CliIo } from './io.js';

export interface BuildCommandOptions {
  config?: string;
  outDir?: string;
  platform?: string[];
  color?: boolean;
}

export async function runBuild(options: BuildCommandOptions, io: CliIo): Promise<number> {
  const c = colorsFor(io, options.color);

  const platforms = parsePlatforms(options.platform);
  const configResult = await loadConfig({ cwd: io.cwd, ...(options.config ? { configFile: options.config } : {}) });
  if (configResult.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(io, c, configResult.diagnostics);
    io.stderr(c.red('brandlint: the configuration is invalid; nothing was built\n'));
    return 2;
  }
  printDiagnostics(io, c, configResult.diagnostics);
  const config = configResult.config;
  if (!configResult.file) {
    io.stderr(`${c.yellow('note')} no brandlint config found; using defaults (run \`brandlint init\` to create one)\n`);
  }

  const brand = await loadBrand(config, { cwd: io.cwd });
  // A name style-dictionary loses (`constructor`, `__proto__`) is a warning for validate and lint, an error here.
  const diagnostics = brand.diagnostics.map((d) => (d.ruleId === UNPORTABLE_NAME ? { ...d, severity: 'error' as const } : d));
  printDiagnostics(io, c, diagnostics);
  if (brand.tokenFiles.length === 0) {
    throw new UsageError(`no token files found (looked for ${config.tokens.map((glob) => displayPath(glob, io.cwd)).join(', ')})`);
  }
  if (!brand.model || diagnostics.some((d) => d.severity === 'error')) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(c.red(`\n${errors} error${errors === 1 ? '' : 's'} in the brand's tokens or guidelines; nothing was built\n`));
    return 1;
  }

  const outDir = options.outDir ? path.resolve(io.cwd, options.outDir) : config.build.outDir;
  const common = {
    remBase: config.build.remBase,
    selector: config.build.selector,
    ...(config.build.prefix ? { prefix: config.build.prefix } : {}),
  };
  const files = await buildTokens(brand.set, {
    ...common,
    outDir,
    platforms: platforms ?? config.build.platforms,
    brandModel: brandJson(brand.model, config.rootDir),
  });
  // One output per context (light/dark, sub-brands) of a brand with modifiers, beside the default's.
  for (const context of brand.contexts) {
    if (context.isDefault) continue;
    files.push(
      ...(await buildTokens(context.set, {
        ...common,
        outDir: path.join(outDir, 'contexts', contextFolder(context.name)),
        platforms: (platforms ?? config.build.platforms).filter((platform) => platform !== 'brand'),
      })),
    );
  }
  await writeBuiltFiles(files);
  for (const file of files) io.stdout(`${c.green('wrote')} ${displayPath(file.path, io.cwd)}\n`);
  const contexts = brand.contexts.length > 1 ? ` in ${brand.contexts.length} contexts` : '';
  io.stdout(`\n${brand.set.tokens.size} tokens from ${brand.inputFiles.length} files compiled into ${files.length} files${contexts}\n`);
  return 0;
}

function parsePlatforms(names: readonly string[] | undefined): BuildPlatform[] | undefined {
  if (!names) return undefined;
  const list = names.flatMap((name) => name.split(',')).map((name) => name.trim()).filter(Boolean);
  for (const name of list) {
    if (!(BUILD_PLATFORMS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown platform "${name}"; expected one of ${BUILD_PLATFORMS.join(', ')}`);
    }
  }
  return list as BuildPlatform[];
}

/** `theme=dark,size=large` as a folder name: `theme-dark_size-large`. */
export function contextFolder(name: string): string {
  return name
    .split(',')
    .map((part) => part.replace(/=/g, '-').replace(/[^A-Za-z0-9_.-]+/g, '-'))
    .join('_');
}

/** brand.json names the files of `contexts.files` relative to the configuration's folder (absolute paths differ between machines). */
function brandJson(model: BrandModel, rootDir: string): BrandModel {
  if (!model.contexts) return model;
  const relative = (glob: string) => {
    const negated = glob.startsWith('!');
    const body = path.relative(rootDir, negated ? glob.slice(1) : glob).split(path.sep).join('/');
    return (negated ? '!' : '') + body;
  };
  return { ...model, contexts: { ...model.contexts, files: model.contexts.files.map((entry) => ({ ...entry, files: entry.files.map(relative) })) } };
}
