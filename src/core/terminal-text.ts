/**
 * The one sanitiser of text that reaches a terminal. File names, messages, campaign values and
 * notices come from files; a CTA holding `ESC]0;…BEL` would retitle the window, `ESC[2J` would
 * clear the screen, a right-to-left override would make a finding read backwards. Every
 * terminal formatter and printer passes such values through {@link terminalText}; the process's
 * stdout and stderr pass whole writes through {@link terminalOutput} as a second guard.
 */

/**
 * Characters a terminal acts on instead of showing: C0 controls, DEL, C1 controls (U+0080–U+009F,
 * which some terminals read as ESC sequences), the line and paragraph separators, and the
 * bidirectional formatting characters (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_LINES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b`, `\u202e`: the character as a visible escape, so the reader sees what the file holds. */
function visible(character: string): string {
  if (character === '\t') return ' ';
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A value from a file, safe to print: every control character becomes a visible escape (`\x1b`,
 * `\n`), a tab one space. With `keepLineBreaks`, `\n` and `\r` stay (for formats that escape
 * them their own way, like GitHub annotations).
 */
export function terminalText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const pattern = options.keepLineBreaks ? UNSAFE_KEEPING_LINES : UNSAFE;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, visible) : text;
}

/**
 * A value for a layout that needs one terminal cell per character (code frames): each control
 * character becomes one space.
 */
export function terminalCells(text: string): string {
  return text.replace(UNSAFE, ' ');
}

/** The escapes brandlint itself writes: SGR colors (`ESC[…m`) and the progress bar's line erase (`ESC[2K`). */
const OWN_SEQUENCE = /^\u001b\[(?:[0-9;]*m|2K)/;

/**
 * A whole write to stdout or stderr, the guard behind {@link terminalText}: brandlint's own color
 * and line-erase sequences, line breaks, carriage returns and tabs pass; any other control
 * character (the ESC of a sequence brandlint did not write included) becomes a visible escape.
 */
export function terminalOutput(text: string): string {
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (character === '\u001b') {
      const own = OWN_SEQUENCE.exec(text.slice(i, i + 32));
      if (own) {
        out += own[0];
        i += own[0].length - 1;
        continue;
      }
    }
    out += character === '\n' || character === '\r' || character === '\t' ? character : terminalText(character);
  }
  return out;
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal acts on (DEL, C1
 * controls, U+2028/9, bidirectional formatting) written as `\uXXXX` escapes: the same data,
 * safe to print.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
