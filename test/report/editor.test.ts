import { describe, expect, it } from 'vitest';
import { editorCommand, splitCommandLine } from '../../src/report/editor.js';

describe('opening the editor at a finding', () => {
  it.each([
    [{}, { command: 'vi', args: ['+12', '/p/a.html'] }],
    [{ EDITOR: 'nano' }, { command: 'nano', args: ['+12', '/p/a.html'] }],
    [{ EDITOR: 'vim' }, { command: 'vim', args: ['+12', '/p/a.html'] }],
    [{ EDITOR: 'emacs -nw' }, { command: 'emacs', args: ['-nw', '+12', '/p/a.html'] }],
    [{ EDITOR: '/usr/bin/nvim' }, { command: '/usr/bin/nvim', args: ['+12', '/p/a.html'] }],
    [{ EDITOR: 'code --wait' }, { command: 'code', args: ['--wait', '-g', '/p/a.html:12:5'] }],
    [{ EDITOR: 'cursor' }, { command: 'cursor', args: ['-g', '/p/a.html:12:5'] }],
    [{ EDITOR: 'subl -w' }, { command: 'subl', args: ['-w', '/p/a.html:12:5'] }],
    [{ EDITOR: 'hx' }, { command: 'hx', args: ['/p/a.html:12:5'] }],
    // $VISUAL wins over $EDITOR, as git and crontab do.
    [{ VISUAL: 'code -w', EDITOR: 'nano' }, { command: 'code', args: ['-w', '-g', '/p/a.html:12:5'] }],
    [{ EDITOR: '"/opt/My Editor/bin/vim" -u NONE' }, { command: '/opt/My Editor/bin/vim', args: ['-u', 'NONE', '+12', '/p/a.html'] }],
  ])('%j', (env, expected) => {
    expect(editorCommand(env, '/p/a.html', 12, 5)).toEqual(expected);
  });

  it.each([
    ['code --wait', ['code', '--wait']],
    ['  vim  ', ['vim']],
    [`"a b" 'c d' e`, ['a b', 'c d', 'e']],
    [`x ""`, ['x', '']],
  ])('splits %j', (text, words) => {
    expect(splitCommandLine(text)).toEqual(words);
  });
});
