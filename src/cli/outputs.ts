import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../engine/result.js';
import type { Formatter, FormatterContext } from '../report/formatter.js';
import { FORMATTER_NAMES, loadFormatter } from '../report/formatters/index.js';
import { UsageError, type CliIo } from './io.js';

/** One report of a run: a format, and the file it goes to (none: stdout). */
export interface OutputSpec {
  name: string;
  formatter: Formatter;
  target?: string;
}

/**
 * `--format` (repeatable; `name` or `name=path`) and `--output-file` as the reports to write:
 * `--format stylish --format sarif=report.sarif` prints stylish and writes SARIF to a file.
 * A format without a path goes to `--output-file` when given, else to stdout; only one report
 * may go to each place.
 */
export async function resolveOutputs(formats: string | readonly string[] | undefined, outputFile?: string): Promise<OutputSpec[]> {
  const requested = formats === undefined ? ['stylish'] : typeof formats === 'string' ? [formats] : formats.length > 0 ? formats : ['stylish'];
  const outputs: OutputSpec[] = [];
  for (const entry of requested) {
    const separator = entry.indexOf('=');
    const name = (separator >= 0 ? entry.slice(0, separator) : entry).trim();
    const target = separator >= 0 ? entry.slice(separator + 1).trim() : outputFile;
    if (separator >= 0 && !target) throw new UsageError(`--format ${entry}: expected name=path, with a path after "="`);
    const formatter = await loadFormatter(name);
    if (!formatter) throw new UsageError(`unknown format "${name}"; expected one of ${FORMATTER_NAMES.join(', ')}`);
    outputs.push({ name, formatter, ...(target !== undefined ? { target } : {}) });
  }
  const places = new Set<string>();
  for (const output of outputs) {
    const place = output.target === undefined ? 'stdout' : path.resolve(output.target);
    if (places.has(place)) {
      throw new UsageError(
        output.target === undefined
          ? 'only one format can go to stdout; give the others a file (--format sarif=report.sarif)'
          : `two formats would be written to ${output.target}`,
      );
    }
    places.add(place);
  }
  return outputs;
}

/** Formats the results with each output and writes them (files without colors). */
export async function writeOutputs(outputs: readonly OutputSpec[], results: readonly LintResult[], context: FormatterContext, io: CliIo): Promise<void> {
  for (const output of outputs) {
    const report = output.formatter(results, { ...context, color: output.target === undefined ? context.color : false });
    if (output.target === undefined) {
      if (report) io.stdout(report);
      continue;
    }
    await writeReportFile(io.cwd, output.target, report);
  }
}

/** Writes a file brandlint was asked to write (report, baseline), creating its folder; a failure is a usage error (exit 2). */
export async function writeReportFile(cwd: string, file: string, text: string): Promise<void> {
  const target = path.resolve(cwd, file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What the rules that reported (or ran) are, for formats that describe rules (SARIF). */
export function describeRules(
  ruleInfo: ReadonlyArray<{ id: string; description: string; fixable: boolean }>,
  docsUrl: (id: string) => string,
): NonNullable<FormatterContext['rules']> {
  return Object.fromEntries(ruleInfo.map((rule) => [rule.id, { description: rule.description, docsUrl: docsUrl(rule.id), fixable: rule.fixable }]));
}

/** `--max-warnings` as typed (lint and merge): a whole number, or -1 for no limit. */
export function parseMaxWarnings(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < -1) throw new UsageError(`--max-warnings must be a whole number (0 or more, or -1 for no limit), not "${text}"`);
  return value;
}
