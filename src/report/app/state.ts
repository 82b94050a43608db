/**
 * The interactive report's state: a pure reducer over an immutable model (focus, open nodes,
 * filters, mode, prompt). The view (App.tsx) renders it and turns keys into actions; effects
 * (quitting, the editor, writing a fix) are commands the view carries out.
 */
import {
  buildTree,
  collectFindings,
  filterChoices,
  filterFindings,
  NO_FILTERS,
  visibleRows,
  type Finding,
  type FindingFilters,
  type ReportData,
  type SeverityFilter,
  type TreeNode,
  type TreeRow,
} from '../findings.js';

export type Mode = 'tree' | 'campaigns';

export type Prompt =
  | { kind: 'none' }
  /** Typing a text filter; `previous` comes back on escape. */
  | { kind: 'filter'; draft: string; previous: string }
  /** Waiting for y/n before writing the fix of a finding. */
  | { kind: 'confirm-fix'; findingId: string };

export interface ReportState {
  mode: Mode;
  /** Id of the focused tree node (null: the first row). */
  focus: string | null;
  /** Nodes whose open/closed default (see openByDefault) is flipped. */
  toggled: ReadonlySet<string>;
  filters: FindingFilters;
  prompt: Prompt;
  help: boolean;
  /** The notes panel (files skipped, rules that did not apply) is open. */
  notes: boolean;
  /** Index of the focused campaign in the campaign view. */
  campaignIndex: number;
  /** A one-line status (fix applied, no fix, editor failed, ...). */
  status: string | null;
}

export const INITIAL_STATE: ReportState = {
  mode: 'tree',
  focus: null,
  toggled: new Set(),
  filters: NO_FILTERS,
  prompt: { kind: 'none' },
  help: false,
  notes: false,
  campaignIndex: 0,
  status: null,
};

export type Action =
  | { type: 'move'; by: number }
  | { type: 'move-to'; where: 'first' | 'last' }
  /** Enter: open or close the focused node. */
  | { type: 'toggle' }
  /** Right arrow: open the focused node, or step into it when it is open. */
  | { type: 'expand' }
  /** Left arrow: close the focused node, or step out to its parent. */
  | { type: 'collapse' }
  | { type: 'cycle-severity' }
  | { type: 'cycle-channel'; by: 1 | -1 }
  | { type: 'cycle-rule'; by: 1 | -1 }
  /** Only the focused finding's rule; all rules again when that rule is already the filter. */
  | { type: 'pick-rule' }
  | { type: 'clear-filters' }
  | { type: 'filter-start' }
  | { type: 'filter-type'; text: string }
  | { type: 'filter-erase' }
  | { type: 'filter-commit' }
  | { type: 'filter-cancel' }
  | { type: 'toggle-help' }
  | { type: 'toggle-notes' }
  | { type: 'switch-mode' }
  /** Enter in the campaign view: the findings of that campaign. */
  | { type: 'open-campaign' }
  | { type: 'ask-fix' }
  | { type: 'cancel-prompt' }
  | { type: 'status'; text: string | null };

/** The derived view of the data under the current filters. */
export interface ReportView {
  findings: Finding[];
  shown: Finding[];
  tree: TreeNode[];
  rows: TreeRow[];
  /** Index of the focused row (0 when there are no rows). */
  focusIndex: number;
  focused: TreeRow | undefined;
  choices: { channels: string[]; rules: string[] };
}

/** What the state shows of the data. Pure; the view memoizes it. */
export function deriveView(state: ReportState, data: ReportData): ReportView {
  const findings = findingsOf(data.results);
  const filters: FindingFilters = state.prompt.kind === 'filter' ? { ...state.filters, text: state.prompt.draft } : state.filters;
  const shown = filterFindings(findings, filters);
  const tree = buildTree(shown);
  const rows = visibleRows(tree, state.toggled);
  const focusIndex = Math.max(0, findFocus(rows, state.focus));
  return { findings, shown, tree, rows, focusIndex, focused: rows[focusIndex], choices: filterChoices(findings) };
}

// Results never change in place (a re-lint gives new ones), so their findings are sorted once, not on every key.
const FINDINGS = new WeakMap<ReportData['results'], Finding[]>();

function findingsOf(results: ReportData['results']): Finding[] {
  let findings = FINDINGS.get(results);
  if (!findings) FINDINGS.set(results, (findings = collectFindings(results)));
  return findings;
}

/**
 * The focused row: the node itself, else (after a filter or a re-lint removed it) its nearest
 * ancestor still shown, else the first row.
 */
function findFocus(rows: readonly TreeRow[], focus: string | null): number {
  if (focus === null) return 0;
  let id: string | null = focus;
  while (id !== null) {
    const index = rows.findIndex((row) => row.node.id === id);
    if (index >= 0) return index;
    const slash = id.lastIndexOf('/');
    id = slash > 0 ? id.slice(0, slash) : null;
  }
  return 0;
}

/** The finding the detail pane, `e` and `f` act on: the focused finding, or the first one under the focused node. */
export function focusedFinding(view: ReportView): Finding | undefined {
  return view.focused?.node.finding;
}

const SEVERITY_CYCLE: readonly SeverityFilter[] = ['all', 'error', 'warning'];

export function reduce(state: ReportState, action: Action, data: ReportData): ReportState {
  const view = () => deriveView(state, data);
  const focusRow = (index: number): ReportState => {
    const { rows } = view();
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    return row ? { ...state, focus: row.node.id, status: null } : state;
  };
  const withToggle = (id: string): ReadonlySet<string> => {
    const next = new Set(state.toggled);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const withFilters = (filters: Partial<FindingFilters>): ReportState => ({ ...state, filters: { ...state.filters, ...filters }, status: null });

  switch (action.type) {
    case 'move': {
      if (state.mode === 'campaigns') {
        const last = Math.max(0, data.campaigns.length - 1);
        return { ...state, campaignIndex: Math.min(Math.max(state.campaignIndex + action.by, 0), last) };
      }
      return focusRow(view().focusIndex + action.by);
    }
    case 'move-to': {
      if (state.mode === 'campaigns') return { ...state, campaignIndex: action.where === 'first' ? 0 : Math.max(0, data.campaigns.length - 1) };
      return focusRow(action.where === 'first' ? 0 : view().rows.length - 1);
    }
    case 'toggle': {
      const row = view().focused;
      if (!row || row.node.children.length === 0) return state;
      return { ...state, focus: row.node.id, toggled: withToggle(row.node.id) };
    }
    case 'expand': {
      const { focused, focusIndex } = view();
      if (!focused || focused.node.children.length === 0) return state;
      if (focused.expanded) return focusRow(focusIndex + 1);
      return { ...state, focus: focused.node.id, toggled: withToggle(focused.node.id) };
    }
    case 'collapse': {
      const { focused, rows, focusIndex } = view();
      if (!focused) return state;
      if (focused.expanded) return { ...state, focus: focused.node.id, toggled: withToggle(focused.node.id) };
      for (let index = focusIndex - 1; index >= 0; index--) {
        if (rows[index]!.depth < focused.depth) return { ...state, focus: rows[index]!.node.id };
      }
      return state;
    }
    case 'cycle-severity': {
      const next = SEVERITY_CYCLE[(SEVERITY_CYCLE.indexOf(state.filters.severity) + 1) % SEVERITY_CYCLE.length]!;
      return withFilters({ severity: next });
    }
    case 'cycle-channel':
      return withFilters({ channel: cycle(view().choices.channels, state.filters.channel, action.by) });
    case 'cycle-rule':
      return withFilters({ rule: cycle(view().choices.rules, state.filters.rule, action.by) });
    case 'pick-rule': {
      const ruleId = focusedFinding(view())?.diagnostic.ruleId;
      if (ruleId === undefined) return state;
      return withFilters({ rule: state.filters.rule === ruleId ? null : ruleId });
    }
    case 'clear-filters':
      return withFilters(NO_FILTERS);
    case 'filter-start':
      return { ...state, mode: 'tree', prompt: { kind: 'filter', draft: state.filters.text, previous: state.filters.text }, status: null };
    case 'filter-type':
      return state.prompt.kind === 'filter' ? { ...state, prompt: { ...state.prompt, draft: state.prompt.draft + action.text } } : state;
    case 'filter-erase':
      return state.prompt.kind === 'filter' ? { ...state, prompt: { ...state.prompt, draft: [...state.prompt.draft].slice(0, -1).join('') } } : state;
    case 'filter-commit':
      return state.prompt.kind === 'filter' ? { ...state, filters: { ...state.filters, text: state.prompt.draft }, prompt: { kind: 'none' } } : state;
    case 'filter-cancel':
      return state.prompt.kind === 'filter' ? { ...state, filters: { ...state.filters, text: state.prompt.previous }, prompt: { kind: 'none' } } : state;
    case 'toggle-help':
      return { ...state, help: !state.help, notes: false };
    case 'toggle-notes':
      return { ...state, notes: !state.notes, help: false };
    case 'switch-mode':
      return { ...state, mode: state.mode === 'tree' ? 'campaigns' : 'tree', status: null };
    case 'open-campaign': {
      const campaign = data.campaigns[state.campaignIndex];
      if (!campaign) return state;
      const id = `campaign:${campaign.campaign}`;
      // Campaigns start open; undo a close so its findings show.
      const toggled = new Set(state.toggled);
      toggled.delete(id);
      return { ...state, mode: 'tree', focus: id, toggled, status: null };
    }
    case 'ask-fix': {
      const finding = focusedFinding(view());
      if (!finding) return { ...state, status: 'no finding to fix' };
      if (!finding.diagnostic.fix) return { ...state, status: 'this finding has no automatic fix' };
      return { ...state, prompt: { kind: 'confirm-fix', findingId: finding.id }, status: null };
    }
    case 'cancel-prompt':
      return { ...state, prompt: { kind: 'none' } };
    case 'status':
      return { ...state, status: action.text };
  }
}

/** The next value of a filter that cycles through `choices` and back to null (all). */
function cycle(choices: readonly string[], current: string | null, by: 1 | -1): string | null {
  const options: Array<string | null> = [null, ...choices];
  const index = options.indexOf(current);
  return options[(Math.max(index, 0) + by + options.length) % options.length] ?? null;
}

/** What a key press asks for: a state change, or an effect the view carries out. */
export type Command =
  | { type: 'action'; action: Action }
  | { type: 'quit' }
  | { type: 'edit' }
  | { type: 'apply-fix'; findingId: string }
  | { type: 'none' };

/** The parts of ink's Key the report uses. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** Rows a page key moves. */
export const PAGE_SIZE = 10;

/** The key map. Pure, so a table test covers it. */
export function commandFor(state: ReportState, input: string, key: KeyPress): Command {
  const act = (action: Action): Command => ({ type: 'action', action });
  if (state.prompt.kind === 'filter') {
    if (key.return) return act({ type: 'filter-commit' });
    if (key.escape) return act({ type: 'filter-cancel' });
    if (key.backspace || key.delete) return act({ type: 'filter-erase' });
    if (input && !key.ctrl && !key.meta && !key.tab && !/[\x00-\x1f\x7f]/.test(input)) return act({ type: 'filter-type', text: input });
    return { type: 'none' };
  }
  if (state.prompt.kind === 'confirm-fix') {
    if (input === 'y' || input === 'Y') return { type: 'apply-fix', findingId: state.prompt.findingId };
    return act({ type: 'cancel-prompt' });
  }
  if (state.help) {
    if (input === 'q') return { type: 'quit' };
    return input === '?' || key.escape || key.return ? act({ type: 'toggle-help' }) : { type: 'none' };
  }
  if (state.notes) {
    if (input === 'q' || (key.ctrl && input === 'c')) return { type: 'quit' };
    return input === 'n' || key.escape || key.return ? act({ type: 'toggle-notes' }) : input === '?' ? act({ type: 'toggle-help' }) : { type: 'none' };
  }
  if (input === 'q' || (key.ctrl && input === 'c')) return { type: 'quit' };
  if (input === 'n') return act({ type: 'toggle-notes' });
  if (key.upArrow || input === 'k') return act({ type: 'move', by: -1 });
  if (key.downArrow || input === 'j') return act({ type: 'move', by: 1 });
  if (key.pageUp) return act({ type: 'move', by: -PAGE_SIZE });
  if (key.pageDown || input === ' ') return act({ type: 'move', by: PAGE_SIZE });
  if (key.home || input === 'g') return act({ type: 'move-to', where: 'first' });
  if (key.end || input === 'G') return act({ type: 'move-to', where: 'last' });
  if (key.tab || input === 'm') return act({ type: 'switch-mode' });
  if (input === '?') return act({ type: 'toggle-help' });
  if (key.escape) return state.status ? act({ type: 'status', text: null }) : { type: 'none' };
  if (state.mode === 'campaigns') return key.return ? act({ type: 'open-campaign' }) : { type: 'none' };
  if (key.return) return act({ type: 'toggle' });
  if (key.rightArrow || input === 'l') return act({ type: 'expand' });
  if (key.leftArrow || input === 'h') return act({ type: 'collapse' });
  if (input === '/') return act({ type: 'filter-start' });
  if (input === 's') return act({ type: 'cycle-severity' });
  if (input === 'c') return act({ type: 'cycle-channel', by: 1 });
  if (input === 'C') return act({ type: 'cycle-channel', by: -1 });
  if (input === 'r') return act({ type: 'pick-rule' });
  if (input === 'R') return act({ type: 'cycle-rule', by: 1 });
  if (input === 'x') return act({ type: 'clear-filters' });
  if (input === 'e') return { type: 'edit' };
  if (input === 'f') return act({ type: 'ask-fix' });
  return { type: 'none' };
}
