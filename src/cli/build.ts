import path from 'node:path';
import { loadConfig } from '../engine/config.js';
import { loadBrand } from '../engine/brand.js';
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
  const files = await buildTokens(brand.set, {
    outDir,
    platforms: platforms ?? config.build.platforms,
    remBase: config.build.remBase,
    selector: config.build.selector,
    brandModel: brand.model,
    ...(config.build.prefix ? { prefix: config.build.prefix } : {}),
  });
  await writeBuiltFiles(files);
  for (const file of files) io.stdout(`${c.green('wrote')} ${displayPath(file.path, io.cwd)}\n`);
  io.stdout(`\n${brand.set.tokens.size} tokens from ${brand.tokenFiles.length} files compiled into ${files.length} files\n`);
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
