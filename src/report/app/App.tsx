/**
 * The interactive report (ink). Renders the state of state.ts and turns keys into its actions;
 * quitting and opening the editor end the app with an exit request that the caller carries out.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FACT_KINDS, type CampaignMatrix, type FactKind } from '../../core/campaign.js';
import { cellValue, columnWidths, sharedLinkHost, wrapCell } from '../matrix-cells.js';
import { terminalText } from '../../core/terminal-text.js';
import { codeFrame } from '../code-frame.js';
import { docsLine, findingVisual, relatedText, textOn, type Swatch } from '../detail.js';
import { collectFindings, countLabel, NO_CAMPAIGN, plural, type Finding, type ReportData, type TreeRow } from '../findings.js';
import { noticeLine, type NoticeGroup } from '../notices.js';
import { commandFor, deriveView, focusedFinding, INITIAL_STATE, reduce, type KeyPress, type ReportState, type ReportView } from './state.js';
import { scoreResults, scoreTrend } from '../../engine/score.js';

/** How the app ended: the caller quits, or opens the editor and starts the app again with `state`. */
export type ExitRequest =
  | { kind: 'quit'; state: ReportState }
  | { kind: 'edit'; finding: Finding; state: ReportState };

export interface ReportAppProps {
  data: ReportData;
  initialState?: ReportState;
  /** Terminal size (default: the stdout's, else 100x30). */
  width?: number;
  height?: number;
  /** Writes the fix of a finding and lints again. */
  applyFix?: (finding: Finding) => Promise<{ data: ReportData; status: string }>;
  /** Called with the exit request just before the app unmounts. */
  onExit?: (request: ExitRequest) => void;
}

/** Lines of the detail pane. */
const DETAIL_HEIGHT = 9;

export function ReportApp(props: ReportAppProps): ReactNode {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [data, setDataState] = useState(props.data);
  const [state, setStateValue] = useState(props.initialState ?? INITIAL_STATE);
  // Keys can arrive faster than React renders (typing, pasting): each key reads and updates the
  // latest state through these refs, not the state of the last render.
  const stateRef = useRef(state);
  const dataRef = useRef(data);
  const [busy, setBusy] = useState(false);
  const size = useTerminalSize(stdout);
  const width = props.width ?? size.columns;
  const height = props.height ?? size.rows;
  const view = useMemo(() => deriveView(state, data), [state, data]);

  const setState = (update: (current: ReportState) => ReportState): void => {
    stateRef.current = update(stateRef.current);
    setStateValue(stateRef.current);
  };
  const setData = (next: ReportData): void => {
    dataRef.current = next;
    setDataState(next);
  };
  // Set once the app is ending, so keys already read after `q` or `e` do nothing.
  const finished = useRef(false);
  const finish = (request: ExitRequest): void => {
    finished.current = true;
    props.onExit?.(request);
    exit(request);
  };

  const handleKey = (input: string, key: KeyPress): void => {
    if (finished.current) return;
    const current = stateRef.current;
    const command = commandFor(current, input, key);
    switch (command.type) {
      case 'none':
        return;
      case 'action':
        setState((latest) => reduce(latest, command.action, dataRef.current));
        return;
      case 'quit':
        finish({ kind: 'quit', state: current });
        return;
      case 'edit': {
        const finding = focusedFinding(deriveView(current, dataRef.current));
        if (finding) finish({ kind: 'edit', finding, state: current });
        else setState((latest) => ({ ...latest, status: 'no finding to open' }));
        return;
      }
      case 'apply-fix': {
        const finding = collectFindings(dataRef.current.results).find((candidate) => candidate.id === command.findingId);
        if (!finding || !props.applyFix) {
          setState((latest) => ({ ...latest, prompt: { kind: 'none' }, status: 'fixing is not available here' }));
          return;
        }
        setBusy(true);
        setState((latest) => ({ ...latest, prompt: { kind: 'none' }, status: `fixing ${finding.result.file}…` }));
        props.applyFix(finding).then(
          (outcome) => {
            setData(outcome.data);
            setState((latest) => ({ ...latest, status: outcome.status }));
            setBusy(false);
          },
          (error: unknown) => {
            setState((latest) => ({ ...latest, status: `fix failed: ${error instanceof Error ? error.message : String(error)}` }));
            setBusy(false);
          },
        );
        return;
      }
    }
  };

  useInput(
    (input, key) => {
      // Keys pressed faster than they are read arrive as one run of text ("jj\r"; ink splits off
      // escape sequences only): one command per character.
      const chars = [...input];
      if (chars.length > 1 && !key.meta && !key.escape) {
        for (const char of chars) {
          if (char === '\u0003') handleKey('c', { ctrl: true });
          else handleKey(char, keyOf(char));
        }
      } else handleKey(input, key);
    },
    { isActive: !busy },
  );

  const bodyHeight = Math.max(4, height - 4);
  return (
    <Box flexDirection="column" width={width}>
      <Header data={data} view={view} state={state} width={width} />
      {state.help ? (
        <Help height={bodyHeight} />
      ) : state.notes ? (
        <Notes notices={data.notices ?? []} width={width} height={bodyHeight} />
      ) : state.mode === 'campaigns' ? (
        <CampaignView campaigns={data.campaigns} index={state.campaignIndex} width={width} height={bodyHeight} />
      ) : (
        <TreeMode data={data} view={view} width={width} height={bodyHeight} />
      )}
      <Footer state={state} view={view} busy={busy} width={width} hasNotes={(data.notices?.length ?? 0) > 0} />
    </Box>
  );
}

/** The key a single character of a run of text stands for. */
function keyOf(char: string): KeyPress {
  if (char === '\r' || char === '\n') return { return: true };
  if (char === '\t') return { tab: true };
  if (char === '\u007F' || char === '\b') return { backspace: true };
  return {};
}

function useTerminalSize(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  const read = () => ({ columns: stdout.columns || 100, rows: stdout.rows || 30 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function Header({ data, view, state, width }: { data: ReportData; view: ReportView; state: ReportState; width: number }): ReactNode {
  const errors = view.findings.filter((finding) => finding.diagnostic.severity === 'error').length;
  const warnings = view.findings.length - errors;
  const files = data.results.length;
  const notes = data.notices?.length ?? 0;
  const { filters } = state;
  const text = state.prompt.kind === 'filter' ? state.prompt.draft : filters.text;
  const filtered = view.shown.length !== view.findings.length;
  const score = scoreResults(data.results).run.score;
  const trend = scoreTrend(score, data.baselineScores?.run);
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Box flexGrow={1} flexShrink={1} overflow="hidden">
          <Text wrap="truncate-end">
            <Text bold>brandlint report</Text>
            <Text dimColor> · </Text>
            <Text color={errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'green'}>
              {plural(view.findings.length, 'problem')} ({countLabel(errors, warnings)})
            </Text>
            <Text dimColor> in {plural(files, 'file')} · </Text>
            <Text>brand score {score}/100{trend ? ` (${trend} since the baseline)` : ''}</Text>
            {notes > 0 ? <Text color="cyan"> · {plural(notes, 'note')} (n)</Text> : null}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <Text>
            <Text inverse={state.mode === 'tree'}> findings </Text>
            <Text inverse={state.mode === 'campaigns'}> campaigns ({data.campaigns.length}) </Text>
          </Text>
        </Box>
      </Box>
      <Text wrap="truncate-end">
        <Text dimColor>filters </Text>
        <Filter name="severity" value={filters.severity === 'all' ? null : `${filters.severity}s`} />
        <Filter name="channel" value={filters.channel} />
        <Filter name="rule" value={filters.rule} />
        <Filter name="text" value={text === '' ? null : JSON.stringify(text)} />
        {filtered ? <Text color="cyan">showing {view.shown.length}</Text> : null}
      </Text>
    </Box>
  );
}

function Filter({ name, value }: { name: string; value: string | null }): ReactNode {
  return (
    <Text>
      <Text dimColor>{name}:</Text>
      {value === null ? <Text dimColor>all</Text> : <Text color="cyan">{value}</Text>}
      <Text> </Text>
    </Text>
  );
}

function TreeMode({ data, view, width, height }: { data: ReportData; view: ReportView; width: number; height: number }): ReactNode {
  const treeHeight = Math.max(2, height - DETAIL_HEIGHT - 1);
  const finding = focusedFinding(view);
  return (
    <Box flexDirection="column" width={width}>
      <TreePane rows={view.rows} focusIndex={view.focusIndex} width={width} height={treeHeight} empty={view.findings.length === 0} />
      <Text dimColor>{'─'.repeat(width)}</Text>
      <Box flexDirection="column" height={DETAIL_HEIGHT} width={width} overflow="hidden">
        {finding ? <Detail finding={finding} data={data} width={width} /> : <Text dimColor>Nothing to show.</Text>}
      </Box>
    </Box>
  );
}

function TreePane({ rows, focusIndex, width, height, empty }: { rows: readonly TreeRow[]; focusIndex: number; width: number; height: number; empty: boolean }): ReactNode {
  if (rows.length === 0) {
    return (
      <Box height={height}>
        <Text color={empty ? 'green' : 'yellow'}>{empty ? 'No problems: every file follows the brand.' : 'No finding matches the filters (x clears them).'}</Text>
      </Box>
    );
  }
  // Keep the focused row in view, a third from the top once the list scrolls.
  const start = Math.max(0, Math.min(focusIndex - Math.floor(height / 3), rows.length - height));
  const shown = rows.slice(start, start + height);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {shown.map((row, index) => (
        <TreeLine key={row.node.id} row={row} focused={start + index === focusIndex} width={width} />
      ))}
    </Box>
  );
}

const KIND_COLOR = { campaign: 'magenta', channel: 'blue', file: undefined, rule: 'cyan', finding: undefined } as const;

function TreeLine({ row, focused, width }: { row: TreeRow; focused: boolean; width: number }): ReactNode {
  const { node, depth } = row;
  const marker = node.children.length === 0 ? '•' : row.expanded ? '▾' : '▸';
  const counts = node.kind === 'finding' ? '' : countsText(node.errorCount, node.warningCount);
  const severity = node.finding.diagnostic.severity;
  const indent = '  '.repeat(depth);
  const labelWidth = Math.max(8, width - indent.length - 2 - counts.length - 2);
  const label = truncate(node.kind === 'campaign' && node.label !== NO_CAMPAIGN ? `campaign ${node.label}` : node.label, labelWidth);
  const color = node.kind === 'finding' ? (severity === 'error' ? 'red' : 'yellow') : KIND_COLOR[node.kind];
  return (
    <Text inverse={focused} wrap="truncate-end">
      {indent}
      <Text color={node.kind === 'finding' ? color : undefined}>{marker} </Text>
      <Text color={node.kind === 'finding' ? undefined : color} bold={node.kind === 'campaign'}>
        {label.padEnd(labelWidth)}
      </Text>
      {counts ? (
        <Text>
          {'  '}
          <Text color={node.errorCount > 0 ? 'red' : 'yellow'}>{counts}</Text>
        </Text>
      ) : null}
    </Text>
  );
}

function countsText(errors: number, warnings: number): string {
  const parts = [errors > 0 ? `${errors}✖` : '', warnings > 0 ? `${warnings}⚠` : ''].filter(Boolean);
  return parts.join(' ').padStart(9);
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function Detail({ finding, data, width }: { finding: Finding; data: ReportData; width: number }): ReactNode {
  const { diagnostic, result } = finding;
  const start = diagnostic.range?.start;
  const frame = diagnostic.range && result.source !== undefined ? codeFrame(result.source, diagnostic.range, { maxWidth: width - 12 }) : null;
  const visual = findingVisual(finding, data.brand);
  const docs = docsLine(finding, data);
  const isError = diagnostic.severity === 'error';
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text color={isError ? 'red' : 'yellow'} bold>
          {isError ? 'error' : 'warning'}
        </Text>
        <Text> </Text>
        <Text color="cyan">{diagnostic.ruleId}</Text>
        <Text dimColor>
          {'  '}
          {result.file}
          {start ? `:${start.line}:${start.column}` : ''}
        </Text>
      </Text>
      <Text wrap="wrap">{truncate(diagnostic.message, width * 2)}</Text>
      {frame ? <CodeFrame lines={frame} isError={isError} /> : null}
      {visual?.kind === 'color' ? (
        <Text wrap="truncate-end">
          <SwatchText swatch={visual.found} />
          {visual.background ? (
            <Text>
              <Text dimColor> on </Text>
              <SwatchText swatch={visual.background} />
            </Text>
          ) : null}
          {visual.expected ? (
            <Text>
              <Text dimColor> → nearest brand color </Text>
              <SwatchText swatch={visual.expected} />
              {visual.expected.deltaE !== undefined ? <Text dimColor> ΔE {visual.expected.deltaE}</Text> : null}
            </Text>
          ) : null}
        </Text>
      ) : null}
      {visual?.kind === 'font' ? (
        <Text wrap="truncate-end">
          <Text dimColor>font </Text>
          <Text color="yellow">{visual.found}</Text>
          <Text dimColor> · brand stacks </Text>
          {visual.stacks.map((stack, index) => (
            <Text key={stack.name}>
              {index > 0 ? <Text dimColor> | </Text> : null}
              <Text color="green">{stack.css}</Text>
            </Text>
          ))}
        </Text>
      ) : null}
      {diagnostic.related && diagnostic.related.length > 0 ? (
        <Text wrap="truncate-end">
          <Text dimColor>see </Text>
          {relatedText(diagnostic.related[0]!)}
          {diagnostic.related.length > 1 ? <Text dimColor> (+{diagnostic.related.length - 1} more)</Text> : null}
        </Text>
      ) : null}
      {diagnostic.fix ? (
        <Text wrap="truncate-end">
          <Text color="green">fix </Text>
          {diagnostic.fix.description}
          <Text dimColor> (press f)</Text>
        </Text>
      ) : null}
      {docs.description || docs.url ? (
        <Text wrap="truncate-end" dimColor>
          {docs.description ? `${docs.description} ` : ''}
          {docs.url ?? ''}
        </Text>
      ) : null}
    </Box>
  );
}

function CodeFrame({ lines, isError }: { lines: string[]; isError: boolean }): ReactNode {
  const [source = '', underline = ''] = lines;
  const gutter = /^(\s*\d+ \|)(.*)$/.exec(source);
  const marks = /^(\s*\|)(.*)$/.exec(underline);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text dimColor>{gutter?.[1] ?? ''}</Text>
        {gutter?.[2] ?? source}
      </Text>
      <Text wrap="truncate-end">
        <Text dimColor>{marks?.[1] ?? ''}</Text>
        <Text color={isError ? 'red' : 'yellow'}>{marks?.[2] ?? underline}</Text>
      </Text>
    </Box>
  );
}

/** A truecolor block of the color, then its name. */
function SwatchText({ swatch }: { swatch: Swatch }): ReactNode {
  const hex = swatch.hex.slice(0, 7);
  return (
    <Text>
      <Text backgroundColor={hex} color={textOn(hex)}>
        {'      '}
      </Text>
      <Text> {swatch.label === swatch.hex ? swatch.hex : `${swatch.label} ${swatch.hex}`}</Text>
    </Text>
  );
}

function CampaignView({ campaigns, index, width, height }: { campaigns: readonly CampaignMatrix[]; index: number; width: number; height: number }): ReactNode {
  const matrix = campaigns[index];
  if (!matrix) {
    return (
      <Box flexDirection="column" height={height}>
        <Text color="yellow">No campaigns.</Text>
        <Text dimColor>Assign content to campaigns (campaigns.assign in brandlint.config.yaml, or `campaign:` in a file's front matter)</Text>
        <Text dimColor>to compare what each channel says about the same offer.</Text>
      </Box>
    );
  }
  const facts = matrix.facts.length > 0 ? matrix.facts : [...FACT_KINDS];
  const grid = matrixGrid(matrix, facts, width);
  const disagreements = matrix.cells.filter((cell) => cell.agrees === false).length;
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text wrap="truncate-end">
        <Text dimColor>campaigns </Text>
        {campaigns.map((campaign, position) => {
          const differing = campaign.cells.filter((cell) => cell.agrees === false).length;
          return (
            <Text key={campaign.campaign}>
              <Text inverse={position === index}> {campaign.campaign} </Text>
              <Text color={differing > 0 ? 'red' : 'green'}>{differing > 0 ? `${differing}✖` : '✓'}</Text>
              <Text> </Text>
            </Text>
          );
        })}
      </Text>
      <Text wrap="truncate-end">
        <Text bold color="magenta">
          campaign {matrix.campaign}
        </Text>
        <Text dimColor>
          {'  '}({index + 1}/{campaigns.length}, ↑↓ to switch){matrix.brief ? `  brief ${matrix.brief}` : '  no brief: the majority is the reference'}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        <Text color={disagreements > 0 ? 'red' : 'green'}>
          {disagreements > 0 ? `${disagreements === 1 ? '1 cell disagrees' : `${disagreements} cells disagree`} with the reference` : 'every channel agrees'}
        </Text>
        {grid.host ? <Text dimColor> · links on {grid.host}</Text> : null}
      </Text>
      <Text> </Text>
      <Text wrap="truncate-end" bold>
        {'channel'.padEnd(grid.labelWidth)}
        {facts.map((fact, column) => ` ${truncate(fact, grid.widths[column]!).padEnd(grid.widths[column]!)}`).join('')}
      </Text>
      {grid.rows.map((row) =>
        row.lines.map((cells, lineIndex) => (
          <Text key={`${row.label} ${lineIndex}`} wrap="truncate-end">
            <Text color={row.reference ? undefined : 'blue'} dimColor={row.reference}>
              {(lineIndex === 0 ? row.label : '').padEnd(grid.labelWidth)}
            </Text>
            {cells.map((text, column) => (
              <MatrixCellText key={facts[column]} text={text} agrees={row.agrees[column]!} reference={row.reference} />
            ))}
          </Text>
        )),
      )}
      <Text> </Text>
      {matrix.channels.map(({ channel, files }) => (
        <Text key={channel} wrap="truncate-end" dimColor>
          {channel.padEnd(grid.labelWidth)}
          {files.join(', ')}
        </Text>
      ))}
      <Text> </Text>
      <Text dimColor>
        <Text backgroundColor="red" color="white">
          {' differs '}
        </Text>{' '}
        <Text color="green">agrees</Text> <Text dimColor>— not stated</Text>
      </Text>
    </Box>
  );
}

interface MatrixGrid {
  /** The host every link shares (shown once above the table, not in each cell). */
  host: string | undefined;
  labelWidth: number;
  widths: number[];
  /** The channels' rows, then the reference; each row's cells wrapped into lines padded to their column. */
  rows: Array<{ label: string; reference: boolean; agrees: Array<boolean | null>; lines: string[][] }>;
}

/** The matrix laid out in `width` columns: see matrix-cells.ts. */
export function matrixGrid(matrix: CampaignMatrix, facts: readonly FactKind[], width: number): MatrixGrid {
  const host = sharedLinkHost(matrix);
  const labelWidth = Math.max('reference'.length, ...matrix.channels.map((entry) => entry.channel.length + 1));
  const show = (fact: FactKind, values: readonly string[], separator = ', ') => values.map((value) => cellValue(fact, value, host ? { host } : {})).join(separator) || '—';
  const rows = [
    ...matrix.channels.map(({ channel }) => {
      const cells = facts.map((fact) => matrix.cells.find((cell) => cell.channel === channel && cell.fact === fact));
      return { label: channel, reference: false, texts: cells.map((cell, column) => show(facts[column]!, cell?.values ?? [])), agrees: cells.map((cell) => cell?.agrees ?? null) };
    }),
    {
      label: 'reference',
      reference: true,
      texts: facts.map((fact) => {
        const reference = matrix.reference[fact];
        if (!reference) return '—';
        return reference.source === 'tie' ? `tie: ${show(fact, reference.values, ' | ')}` : show(fact, reference.values);
      }),
      agrees: facts.map(() => null),
    },
  ];
  const widths = columnWidths(
    facts.map((fact, column) => [fact, ...rows.map((row) => row.texts[column]!)]),
    width - labelWidth,
  );
  return {
    host,
    labelWidth,
    widths,
    rows: rows.map(({ label, reference, texts, agrees }) => {
      const wrapped = texts.map((text, column) => wrapCell(text, widths[column]!));
      const height = Math.max(...wrapped.map((lines) => lines.length));
      const lines = Array.from({ length: height }, (_, line) => wrapped.map((cell, column) => (cell[line] ?? '').padEnd(widths[column]!)));
      return { label, reference, agrees, lines };
    }),
  };
}

function MatrixCellText({ text, agrees, reference }: { text: string; agrees: boolean | null; reference: boolean }): ReactNode {
  if (reference || agrees === null) return <Text dimColor> {text}</Text>;
  if (agrees) return <Text color="green"> {text}</Text>;
  return (
    <Text>
      {' '}
      <Text backgroundColor="red" color="white" bold>
        {text}
      </Text>
    </Text>
  );
}

const HELP: ReadonlyArray<[string, string]> = [
  ['↑ ↓  j k', 'move'],
  ['PgUp PgDn  g G', 'page, first, last'],
  ['enter', 'open or close a group'],
  ['→ ←  l h', 'open / close, or step in / out'],
  ['/', 'filter by text (enter keeps, esc cancels)'],
  ['s', 'severity: all, errors, warnings'],
  ['c  C', 'next / previous channel'],
  ['r', "only the focused finding's rule (again: all rules)"],
  ['R', 'next rule'],
  ['x', 'clear the filters'],
  ['e', 'open $VISUAL / $EDITOR at the finding'],
  ['f', 'apply the fix of the finding (asks first), then lint again'],
  ['m  tab', "findings / campaign consistency matrix (enter: that campaign's findings)"],
  ['n', 'notes: files skipped, rules that did not apply'],
  ['?', 'this help'],
  ['q', 'quit'],
];

function Help({ height }: { height: number }): ReactNode {
  return (
    <Box flexDirection="column" height={height} borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {HELP.map(([keys, what]) => (
        <Text key={keys}>
          <Text color="cyan">{keys.padEnd(18)}</Text>
          {what}
        </Text>
      ))}
      <Text dimColor>? or esc closes this help</Text>
    </Box>
  );
}

/** The run's notices, one line per reason (wrapped), as the CLI prints them after a report. */
function Notes({ notices, width, height }: { notices: readonly NoticeGroup[]; width: number; height: number }): ReactNode {
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text bold>Notes</Text>
      {notices.length === 0 ? <Text dimColor>Nothing to note: every file was linted by every rule that applies to it.</Text> : null}
      {notices.map((group) => (
        <Box key={`${group.kind} ${group.message}`} flexDirection="column" marginTop={1}>
          <Text wrap="wrap">
            <Text color="cyan">note </Text>
            {group.files.length > 1 ? `${group.message} (${plural(group.files.length, 'file')})` : noticeLine(group)}
          </Text>
          {group.files.length > 1 ? (
            <Text dimColor wrap="truncate-end">
              {'     '}
              {group.files.join(', ')}
            </Text>
          ) : null}
        </Box>
      ))}
      <Text> </Text>
      <Text dimColor>n or esc closes the notes</Text>
    </Box>
  );
}

/** Key hints, most useful first; those that do not fit are left out, "? help · q quit" always stay. */
const TREE_KEYS = ['↑↓/jk move', 'enter open', '/ filter', 's severity', 'c channel', 'r rule', 'e edit', 'f fix', 'm campaigns'];
const CAMPAIGN_KEYS = ['↑↓ campaign', 'enter its findings', 'm/tab findings'];
const ALWAYS_KEYS = ['? help', 'q quit'];

/** The footer's key hints within `width` columns: as many hints as fit, then the ones that always stay. */
export function footerKeys(mode: ReportState['mode'], width: number, hasNotes = false): string {
  const always = hasNotes ? ['n notes', ...ALWAYS_KEYS] : ALWAYS_KEYS;
  const chosen: string[] = [];
  const length = (parts: readonly string[]) => [...parts.join(' · ')].length;
  for (const hint of mode === 'campaigns' ? CAMPAIGN_KEYS : TREE_KEYS) {
    if (length([...chosen, hint, ...always]) > width) break;
    chosen.push(hint);
  }
  const line = [...chosen, ...always].join(' · ');
  return [...line].length <= width ? line : truncate(ALWAYS_KEYS.join(' · '), width);
}

function Footer({ state, view, busy, width, hasNotes }: { state: ReportState; view: ReportView; busy: boolean; width: number; hasNotes: boolean }): ReactNode {
  const { prompt } = state;
  if (prompt.kind === 'filter') {
    return (
      <Text wrap="truncate-end">
        <Text color="cyan">/</Text>
        {prompt.draft}
        <Text inverse> </Text>
        <Text dimColor>  enter keeps · esc cancels · {view.shown.length} shown</Text>
      </Text>
    );
  }
  if (prompt.kind === 'confirm-fix') {
    const finding = view.findings.find((candidate) => candidate.id === prompt.findingId);
    return (
      <Text wrap="truncate-end" color="yellow">
        Apply “{finding?.diagnostic.fix?.description ?? 'fix'}” to {finding?.result.file ?? 'the file'}? (y/n)
      </Text>
    );
  }
  if (state.status) {
    return (
      <Text wrap="truncate-end" color={busy ? 'cyan' : 'green'}>
        {terminalText(state.status)}
      </Text>
    );
  }
  return (
    <Text dimColor wrap="truncate-end">
      {footerKeys(state.mode, width, hasNotes)}
    </Text>
  );
}
