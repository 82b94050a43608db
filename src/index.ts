/**
 * brandlint's programmatic API. The CLI (`brandlint ...`) is built on these; nothing here does
 * work at import time.
 */
export type { Diagnostic, Fix, RelatedLocation, Severity, TextEdit } from './core/diagnostic.js';
export type { Position, Range } from './core/position.js';
export { defineConfig, loadConfig } from './engine/config.js';
export type { BrandlintConfig, ConfigResult, ResolvedConfig } from './engine/config.js';
export { loadBrand } from './engine/brand.js';
export type { LoadedBrand } from './engine/brand.js';
export { loadTokenFiles, loadTokenSet, validateTokenDocument } from './tokens/dtcg/index.js';
export type * from './tokens/types.js';
export { loadGuidelines, parseGuidelines } from './tokens/guidelines.js';
export type { Guidelines } from './tokens/guidelines.js';
export { createBrandModel } from './tokens/brand-model.js';
export type { BrandModel } from './tokens/brand-model.js';
export { buildTokens, writeBuiltFiles, BUILD_PLATFORMS } from './tokens/build/index.js';
export type { BuildOptions, BuildPlatform, BuiltFile } from './tokens/build/index.js';
export { lintProject } from './engine/lint-project.js';
export type { LintProjectOptions, LintProjectOutcome } from './engine/lint-project.js';
export { lintText, LintConfigError } from './engine/lint-text.js';
export type { LintTextOptions, LintTextResult } from './engine/lint-text.js';
export type { LintNotice, LintResult } from './engine/result.js';
export type { EffectiveConfig } from './engine/effective-config.js';
export { effectiveConfigFor } from './engine/effective-config.js';
