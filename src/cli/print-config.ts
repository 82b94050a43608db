import { effectiveConfigFor } from '../engine/effective-config.js';
import type { RuleSource } from '../engine/rules.js';
import { terminalText } from '../core/terminal-text.js';
import { colorsFor, printDiagnostics, printNotice, type CliIo } from './io.js';

/**
 * `brandlint lint --print-config FILE`: the configuration in effect for FILE as JSON on stdout
 * (see src/engine/effective-config.ts); nothing is linted. Exit 0, or 2 when the configuration,
 * the rule settings or the brand are invalid.
 */
export async function runPrintConfig(file: string, options: { config?: string; color?: boolean }, io: CliIo, rules?: RuleSource): Promise<number> {
  const c = colorsFor({ ...io, isTTY: io.stderrIsTTY ?? false }, options.color);
  const outcome = await effectiveConfigFor({ cwd: io.cwd, file, ...(options.config !== undefined ? { configFile: options.config } : {}), ...(rules ? { rules } : {}) });
  if (!outcome.ok) {
    printDiagnostics(io, c, outcome.diagnostics);
    io.stderr(c.red(`brandlint: ${terminalText(outcome.message)}\n`));
    return 2;
  }
  printDiagnostics(io, c, outcome.warnings);
  if (!outcome.config.channel) {
    printNotice(io, c, { kind: 'skipped', file: outcome.config.file, message: 'belongs to no channel (set `channels.<name>` in the configuration to lint it): no rules run on it' });
  }
  io.stdout(`${JSON.stringify(outcome.config, null, 2)}\n`);
  return 0;
}
