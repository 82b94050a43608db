import { describe, expect, it } from 'vitest';
import { buildTree, collectFindings, filterFindings, NO_FILTERS, visibleRows } from '../../src/report/findings.js';
import { commandFor, deriveView, INITIAL_STATE, reduce, type Action, type Command, type KeyPress, type ReportState } from '../../src/report/app/state.js';
import { sampleData } from './report-data.js';

const data = sampleData();
const run = (actions: readonly Action[], from: ReportState = INITIAL_STATE): ReportState => actions.reduce((state, action) => reduce(state, action, data), from);
/** The visible rows as `depth label`, the focused one marked with `>`. */
const screen = (state: ReportState): string[] => {
  const view = deriveView(state, data);
  return view.rows.map((row, index) => `${index === view.focusIndex ? '>' : ' '}${'  '.repeat(row.depth)}${row.node.label}`);
};
const focused = (state: ReportState): string => {
  const view = deriveView(state, data);
  return view.focused ? `${view.focused.node.kind} ${view.focused.node.label}` : 'nothing';
};

describe('grouping findings', () => {
  it('groups campaign -> channel -> file -> rule -> finding with counts; no campaign last', () => {
    const tree = buildTree(collectFindings(data.results));
    const lines: string[] = [];
    const walk = (nodes: typeof tree, depth: number) => {
      for (const node of nodes) {
        lines.push(`${'  '.repeat(depth)}${node.kind} ${node.kind === 'finding' ? node.label.split(' ')[0] : node.label} ${node.errorCount}/${node.warningCount}`);
        walk(node.children, depth + 1);
      }
    };
    walk(tree, 0);
    expect(lines).toEqual([
      'campaign spring 3/1',
      '  channel email 2/0',
      '    file emails/spring.html 2/0',
      '      rule color-off-palette 1/0',
      '        finding 2:18 1/0',
      '      rule font-family-off-brand 1/0',
      '        finding 3:24 1/0',
      '  channel landing 1/1',
      '    file site/spring.html 1/1',
      '      rule color-off-palette 1/0',
      '        finding 1:19 1/0',
      '      rule font-size-off-scale 0/1',
      '        finding 2:22 0/1',
      'campaign no campaign 1/0',
      '  channel landing 1/0',
      '    file site/loose.html 1/0',
      '      rule color-off-palette 1/0',
      '        finding 1:18 1/0',
    ]);
  });

  it('shows files closed and everything else open until toggled', () => {
    const tree = buildTree(collectFindings(data.results));
    expect(visibleRows(tree, new Set()).map((row) => row.node.label)).toEqual([
      'spring',
      'email',
      'emails/spring.html',
      'landing',
      'site/spring.html',
      'no campaign',
      'landing',
      'site/loose.html',
    ]);
    expect(visibleRows(tree, new Set(['campaign:spring'])).map((row) => row.node.label)).toEqual(['spring', 'no campaign', 'landing', 'site/loose.html']);
  });

  it.each([
    [{ severity: 'warning' }, ['site/spring.html 2:22']],
    [{ severity: 'error', channel: 'landing' }, ['site/spring.html 1:19', 'site/loose.html 1:18']],
    [{ rule: 'font-family-off-brand' }, ['emails/spring.html 3:24']],
    [{ text: 'LOBSTER' }, ['emails/spring.html 3:24']],
    // Text matches the file path and the source line too.
    [{ text: 'loose' }, ['site/loose.html 1:18']],
    [{ text: 'ends soon' }, ['site/spring.html 2:22']],
    [{ text: 'no such thing' }, []],
  ] as const)('filters %j', (filters, expected) => {
    const shown = filterFindings(collectFindings(data.results), { ...NO_FILTERS, ...filters });
    expect(shown.map((f) => `${f.result.file} ${f.diagnostic.range?.start.line}:${f.diagnostic.range?.start.column}`)).toEqual(expected);
  });
});

describe('the report state (reducer)', () => {
  it.each<[string, Action[], string]>([
    ['starts on the first row', [], 'campaign spring'],
    ['moves down', [{ type: 'move', by: 2 }], 'file emails/spring.html'],
    ['stops at the last row', [{ type: 'move', by: 100 }], 'file site/loose.html'],
    ['stops at the first row', [{ type: 'move', by: 3 }, { type: 'move', by: -10 }], 'campaign spring'],
    ['goes to the last row', [{ type: 'move-to', where: 'last' }], 'file site/loose.html'],
    ['enter opens a file, and its findings show under their rules', [{ type: 'move', by: 2 }, { type: 'toggle' }, { type: 'move', by: 2 }], 'finding 2:18 #1e5ba8 is not a brand color; nearest is color.brand.primary (#1e5aa9), ΔE 0.3'],
    ['right opens, then steps in', [{ type: 'move', by: 2 }, { type: 'expand' }, { type: 'expand' }], 'rule color-off-palette'],
    ['left steps out to the parent', [{ type: 'move', by: 2 }, { type: 'expand' }, { type: 'move', by: 2 }, { type: 'collapse' }], 'rule color-off-palette'],
    ['left on an open node closes it', [{ type: 'collapse' }], 'campaign spring'],
    ['a filter keeps the focus on the node if it is still shown', [{ type: 'move', by: 4 }, { type: 'cycle-severity' }, { type: 'cycle-severity' }], 'file site/spring.html'],
    ['a filter that hides the focused node moves the focus to its nearest shown ancestor', [{ type: 'move', by: 2 }, { type: 'cycle-rule', by: 1 }, { type: 'cycle-rule', by: 1 }, { type: 'cycle-rule', by: 1 }], 'campaign spring'],
  ])('%s', (_name, actions, expected) => {
    expect(focused(run(actions))).toBe(expected);
  });

  it('enter toggles the focused group open and closed', () => {
    const open = run([{ type: 'move', by: 2 }, { type: 'toggle' }]);
    expect(screen(open)).toEqual([
      ' spring',
      '   email',
      '>    emails/spring.html',
      '       color-off-palette',
      '         2:18 #1e5ba8 is not a brand color; nearest is color.brand.primary (#1e5aa9), ΔE 0.3',
      '       font-family-off-brand',
      '         3:24 Lobster is not a brand font; start the stack with Montserrat or Source Sans 3',
      '   landing',
      '     site/spring.html',
      ' no campaign',
      '   landing',
      '     site/loose.html',
    ]);
    expect(screen(reduce(open, { type: 'toggle' }, data))).toEqual(screen(run([{ type: 'move', by: 2 }])));
  });

  it.each<[string, Action[], Partial<ReportState['filters']>]>([
    ['s cycles the severity: errors, warnings, all', [{ type: 'cycle-severity' }], { severity: 'error' }],
    ['s twice: warnings', [{ type: 'cycle-severity' }, { type: 'cycle-severity' }], { severity: 'warning' }],
    ['s three times: all again', [{ type: 'cycle-severity' }, { type: 'cycle-severity' }, { type: 'cycle-severity' }], { severity: 'all' }],
    ['c cycles the channels with findings', [{ type: 'cycle-channel', by: 1 }], { channel: 'email' }],
    ['c twice', [{ type: 'cycle-channel', by: 1 }, { type: 'cycle-channel', by: 1 }], { channel: 'landing' }],
    ['c past the last channel: all again', [{ type: 'cycle-channel', by: 1 }, { type: 'cycle-channel', by: 1 }, { type: 'cycle-channel', by: 1 }], { channel: null }],
    ['C goes backwards', [{ type: 'cycle-channel', by: -1 }], { channel: 'landing' }],
    ['r cycles the rules', [{ type: 'cycle-rule', by: 1 }], { rule: 'color-off-palette' }],
    ['cycling backwards', [{ type: 'cycle-rule', by: -1 }], { rule: 'font-size-off-scale' }],
    ["r picks the focused finding's rule", [{ type: 'move', by: 4 }, { type: 'pick-rule' }], { rule: 'color-off-palette' }],
    ['r again: all rules', [{ type: 'move', by: 4 }, { type: 'pick-rule' }, { type: 'pick-rule' }], { rule: null }],
    ['typing a filter and enter keeps it', [{ type: 'filter-start' }, { type: 'filter-type', text: 'lob' }, { type: 'filter-type', text: 'x' }, { type: 'filter-erase' }, { type: 'filter-commit' }], { text: 'lob' }],
    ['escape restores the text filter', [{ type: 'filter-start' }, { type: 'filter-type', text: 'a' }, { type: 'filter-commit' }, { type: 'filter-start' }, { type: 'filter-type', text: 'bc' }, { type: 'filter-cancel' }], { text: 'a' }],
    ['x clears every filter', [{ type: 'cycle-severity' }, { type: 'cycle-rule', by: 1 }, { type: 'clear-filters' }], { severity: 'all', rule: null, channel: null, text: '' }],
  ])('%s', (_name, actions, expected) => {
    expect(run(actions).filters).toMatchObject(expected);
  });

  it('filters while typing: the draft applies before enter', () => {
    const typing = run([{ type: 'filter-start' }, { type: 'filter-type', text: 'loose' }]);
    expect(deriveView(typing, data).shown.map((finding) => finding.result.file)).toEqual(['site/loose.html']);
    expect(typing.filters.text).toBe('');
  });

  it.each<[string, Action[], Partial<ReportState>]>([
    ['m switches to the campaign view and back', [{ type: 'switch-mode' }], { mode: 'campaigns' }],
    ['twice: back to the findings', [{ type: 'switch-mode' }, { type: 'switch-mode' }], { mode: 'tree' }],
    ['moving in the campaign view changes the campaign, within bounds', [{ type: 'switch-mode' }, { type: 'move', by: 5 }], { campaignIndex: 0 }],
    ['? opens the help', [{ type: 'toggle-help' }], { help: true }],
    ['enter on a campaign shows its findings, open', [{ type: 'collapse' }, { type: 'switch-mode' }, { type: 'open-campaign' }], { mode: 'tree', focus: 'campaign:spring', toggled: new Set() }],
    ['f on a finding with a fix asks first', [{ type: 'move', by: 2 }, { type: 'toggle' }, { type: 'move', by: 2 }, { type: 'ask-fix' }], { prompt: { kind: 'confirm-fix', findingId: 'emails/spring.html|color-off-palette|2:18' } }],
    ['f on a finding without a fix says so', [{ type: 'move', by: 2 }, { type: 'toggle' }, { type: 'move', by: 4 }, { type: 'ask-fix' }], { prompt: { kind: 'none' }, status: 'this finding has no automatic fix' }],
    ['n (cancel) leaves the prompt', [{ type: 'move', by: 2 }, { type: 'toggle' }, { type: 'move', by: 2 }, { type: 'ask-fix' }, { type: 'cancel-prompt' }], { prompt: { kind: 'none' } }],
  ])('%s', (_name, actions, expected) => {
    expect(run(actions)).toMatchObject(expected);
  });

  it('never changes the state it is given', () => {
    const before = run([{ type: 'move', by: 2 }]);
    const snapshot = { ...before, toggled: new Set(before.toggled) };
    reduce(before, { type: 'toggle' }, data);
    reduce(before, { type: 'cycle-severity' }, data);
    expect(before).toEqual(snapshot);
  });
});

describe('the key map', () => {
  const filtering = run([{ type: 'filter-start' }]);
  const confirming = run([{ type: 'move', by: 2 }, { type: 'toggle' }, { type: 'move', by: 2 }, { type: 'ask-fix' }]);
  const helping = run([{ type: 'toggle-help' }]);
  const campaigns = run([{ type: 'switch-mode' }]);
  const act = (action: Action): Command => ({ type: 'action', action });

  it.each<[string, ReportState, string, KeyPress, Command]>([
    ['j', INITIAL_STATE, 'j', {}, act({ type: 'move', by: 1 })],
    ['down', INITIAL_STATE, '', { downArrow: true }, act({ type: 'move', by: 1 })],
    ['k', INITIAL_STATE, 'k', {}, act({ type: 'move', by: -1 })],
    ['up', INITIAL_STATE, '', { upArrow: true }, act({ type: 'move', by: -1 })],
    ['page down', INITIAL_STATE, '', { pageDown: true }, act({ type: 'move', by: 10 })],
    ['G', INITIAL_STATE, 'G', {}, act({ type: 'move-to', where: 'last' })],
    ['enter', INITIAL_STATE, '\r', { return: true }, act({ type: 'toggle' })],
    ['right', INITIAL_STATE, '', { rightArrow: true }, act({ type: 'expand' })],
    ['left', INITIAL_STATE, '', { leftArrow: true }, act({ type: 'collapse' })],
    ['/', INITIAL_STATE, '/', {}, act({ type: 'filter-start' })],
    ['s', INITIAL_STATE, 's', {}, act({ type: 'cycle-severity' })],
    ['c', INITIAL_STATE, 'c', {}, act({ type: 'cycle-channel', by: 1 })],
    ['r', INITIAL_STATE, 'r', {}, act({ type: 'pick-rule' })],
    ['R', INITIAL_STATE, 'R', {}, act({ type: 'cycle-rule', by: 1 })],
    ['x', INITIAL_STATE, 'x', {}, act({ type: 'clear-filters' })],
    ['e', INITIAL_STATE, 'e', {}, { type: 'edit' }],
    ['f', INITIAL_STATE, 'f', {}, act({ type: 'ask-fix' })],
    ['?', INITIAL_STATE, '?', {}, act({ type: 'toggle-help' })],
    ['m', INITIAL_STATE, 'm', {}, act({ type: 'switch-mode' })],
    ['tab', INITIAL_STATE, '\t', { tab: true }, act({ type: 'switch-mode' })],
    ['q', INITIAL_STATE, 'q', {}, { type: 'quit' }],
    ['ctrl+c', INITIAL_STATE, 'c', { ctrl: true }, { type: 'quit' }],
    ['an unbound key', INITIAL_STATE, 'z', {}, { type: 'none' }],
    ['while filtering, letters are text (q too)', filtering, 'q', {}, act({ type: 'filter-type', text: 'q' })],
    ['while filtering, enter keeps', filtering, '\r', { return: true }, act({ type: 'filter-commit' })],
    ['while filtering, escape cancels', filtering, '', { escape: true }, act({ type: 'filter-cancel' })],
    ['while filtering, backspace erases', filtering, '', { backspace: true }, act({ type: 'filter-erase' })],
    ['while filtering, arrows are ignored', filtering, '', { downArrow: true }, { type: 'none' }],
    ['confirming: y applies', confirming, 'y', {}, { type: 'apply-fix', findingId: 'emails/spring.html|color-off-palette|2:18' }],
    ['confirming: n cancels', confirming, 'n', {}, act({ type: 'cancel-prompt' })],
    ['confirming: any other key cancels', confirming, 'f', {}, act({ type: 'cancel-prompt' })],
    ['help: ? closes', helping, '?', {}, act({ type: 'toggle-help' })],
    ['help: other keys do nothing', helping, 'j', {}, { type: 'none' }],
    ['campaign view: j moves', campaigns, 'j', {}, act({ type: 'move', by: 1 })],
    ['campaign view: tree keys do nothing', campaigns, 's', {}, { type: 'none' }],
    ['campaign view: enter opens the campaign', campaigns, '\r', { return: true }, act({ type: 'open-campaign' })],
  ])('%s', (_name, state, input, key, expected) => {
    expect(commandFor(state, input, key)).toEqual(expected);
  });
});
