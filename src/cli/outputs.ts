import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LintResult } from '../engine/result.js';
import { textOf, type Formatter, type FormatterContext } from '../report/formatter.js';
import { FORMATTER_NAMES, loadFormatter } from '../report/formatters/index.js';
import { UsageError, type CliIo } from './io.js';
import { makeFolders } from '../core/folders.js';

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

/**
 * Formats the results with each output and writes them (files without colors). Reports are
 * written piece by piece as the formatter makes them, so a report of any size passes through
 * without being held whole; `results` is read once per output (and per pass of a formatter).
 */
export async function writeOutputs(outputs: readonly OutputSpec[], results: Iterable<LintResult>, context: FormatterContext, io: CliIo): Promise<void> {
  for (const output of outputs) {
    const outputContext = { ...context, color: output.target === undefined ? context.color : false };
    const chunks = output.formatter.chunks?.(results, outputContext) ?? [output.formatter(results, outputContext)];
    if (output.target === undefined) {
      const writer = batched((text) => io.stdout(typeof text === 'string' ? text : textOf(text)));
      for (const chunk of chunks) writer.write(chunk);
      writer.flush();
      continue;
    }
    const target = path.resolve(io.cwd, output.target);
    let fd: number;
    try {
      makeFolders(path.dirname(target));
      fd = openSync(target, 'w');
    } catch (error) {
      throw new UsageError(`cannot write ${output.target}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const writer = batched((piece) => (typeof piece === 'string' ? writeSync(fd, piece) : writeAll(fd, piece)));
      for (const chunk of chunks) writer.write(chunk);
      writer.flush();
    } finally {
      closeSync(fd);
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Collects small pieces of text into writes of about 64 KB; a piece of bytes is written as it is, in its place. */
function batched(sink: (piece: string | Uint8Array) => unknown): { write(piece: string | Uint8Array): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    sink(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(piece) {
      if (typeof piece !== 'string') {
        flush();
        if (piece.length > 0) sink(piece);
        return;
      }
      if (piece === '') return;
      pending.push(piece);
      size += piece.length;
      if (size >= 64 * 1024) flush();
    },
    flush,
  };
}

/** Writes a file brandlint was asked to write (report, baseline), creating its folder; a failure is a usage error (exit 2). */
export async function writeReportFile(cwd: string, file: string, text: string): Promise<void> {
  const target = path.resolve(cwd, file);
  try {
    makeFolders(path.dirname(target));
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
