import { expect } from 'vitest';
import { formatDiagnosticLine } from '../../../src/core/diagnostic.js';
import { loadTokenSet } from '../../../src/tokens/dtcg/load.js';
import { allInputs, parseResolverDocument, resolveInput, type ResolverFile } from '../../../src/tokens/dtcg/resolver.js';
import { importTokens, type ImportResult, type ImportTokensOptions } from '../../../src/tokens/import/index.js';

/** Input files: JSON data (pretty-printed) or exact text. */
export type Files = Record<string, unknown>;

export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
}

export async function run(files: Files, options: ImportTokensOptions = {}): Promise<ImportResult> {
  const result = await importTokens(
    Object.entries(files).map(([file, value]) => ({ file, text: textOf(value) })),
    options,
  );
  expectValidOutput(result);
  return result;
}

/** The output passes DTCG validation: as one set of files, or through its resolver in every context. */
export function expectValidOutput(result: ImportResult): void {
  const tokenFiles = result.files.filter((file) => file.path !== result.resolver);
  if (!result.resolver) {
    const loaded = loadTokenSet(tokenFiles.map((file) => ({ file: file.path, text: file.text })));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine)).toEqual([]);
    return;
  }
  const resolverText = result.files.find((file) => file.path === result.resolver)?.text ?? '';
  const parsed = parseResolverDocument(resolverText, result.resolver);
  expect(parsed.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  if (!parsed.resolver) return;
  const map = new Map<string, ResolverFile>(tokenFiles.map((file) => [file.path, { file: file.path, text: file.text }]));
  for (const input of allInputs(parsed.resolver).inputs) {
    const loaded = resolveInput(parsed.resolver, input, map);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine)).toEqual([]);
  }
}

/** The output file `path` as data. */
export function output(result: ImportResult, path: string): Record<string, unknown> {
  const file = result.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no output ${path}; have ${result.files.map((candidate) => candidate.path).join(', ')}`);
  return JSON.parse(file.text) as Record<string, unknown>;
}

/** The token at a dotted path of an output file. */
export function token(result: ImportResult, path: string, name: string): { $type: string; $value: unknown; [key: string]: unknown } {
  let node: unknown = output(result, path);
  for (const segment of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[segment];
  if (!node) throw new Error(`no token ${name} in ${path}`);
  return node as { $type: string; $value: unknown };
}

/** `line:column ruleId message` of every diagnostic. */
export function problems(result: ImportResult): string[] {
  return result.diagnostics.map((d) => `${d.range ? `${d.range.start.line}:${d.range.start.column}` : '-'} ${d.ruleId} ${d.message}`);
}

export const srgb = (hex: string, components: number[], alpha?: number) => ({ colorSpace: 'srgb', components, ...(alpha === undefined ? {} : { alpha }), hex });
