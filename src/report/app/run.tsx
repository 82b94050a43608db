/**
 * Runs the interactive report in the terminal: the app on the alternate screen; `e` ends it,
 * the editor gets the terminal (ink has left raw mode by then), and the app starts again on
 * freshly linted data with the state it had. This module is imported only by `brandlint report`,
 * so ink and React load only for it.
 */
import { render } from 'ink';
import { applyFindingFix } from '../apply-fix.js';
import { editorCommand, runEditor } from '../editor.js';
import type { Finding, ReportData } from '../findings.js';
import { ReportApp, type ExitRequest } from './App.js';
import { INITIAL_STATE, type ReportState } from './state.js';
import { terminalReportData } from './terminal-data.js';

export interface InteractiveReportOptions {
  /** Lints (again) and returns what to show. */
  load: () => Promise<ReportData>;
  env: Record<string, string | undefined>;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';

export async function runInteractiveReport(options: InteractiveReportOptions): Promise<void> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  // Everything the app shows comes through here: strings from files made safe for the terminal.
  const load = async (): Promise<ReportData> => terminalReportData(await options.load());
  let data = await load();
  let state: ReportState = INITIAL_STATE;

  const applyFix = async (finding: Finding): Promise<{ data: ReportData; status: string }> => {
    const outcome = await applyFindingFix(finding);
    data = await load();
    return { data, status: outcome.ok ? `fixed: ${outcome.description} (${finding.result.file}); linted again` : outcome.reason };
  };

  for (;;) {
    stdout.write(ENTER_ALTERNATE_SCREEN);
    let request: ExitRequest | undefined;
    try {
      const instance = render(<ReportApp data={data} initialState={state} applyFix={applyFix} />, {
        stdout,
        stdin,
        exitOnCtrlC: false,
        patchConsole: false,
      });
      request = (await instance.waitUntilExit()) as ExitRequest | undefined;
      instance.cleanup();
    } finally {
      stdout.write(LEAVE_ALTERNATE_SCREEN);
    }
    if (!request || request.kind === 'quit') return;

    const { finding } = request;
    const start = finding.diagnostic.range?.start;
    const failure = runEditor(editorCommand(options.env, finding.result.absolutePath, start?.line ?? 1, start?.column ?? 1));
    data = await load();
    state = { ...request.state, status: failure ?? `back from the editor; ${finding.result.file} linted again` };
  }
}
