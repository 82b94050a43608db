/**
 * Vale's regular expressions (Go's RE2 syntax as read by regexp2) as JavaScript regular
 * expressions in Unicode mode. What differs and is translated:
 *
 * - flags written inside the pattern: a leading `(?i)`, `(?m)`, `(?s)` become flags; a flag group
 *   anywhere else (`(?-i)`, `(?i)` mid-pattern, `(?i:...)`) is honoured by spelling the letters it
 *   covers in both cases (`[aA]`), since Node 20 has no inline modifiers;
 * - `(?P<name>` is `(?<name>`; `(?#...)` comments go; atomic groups and possessive quantifiers
 *   become plain ones; `\A`, `\z`, `\Z`, `\Q...\E`, `\h`, `\pL` and POSIX classes (`[[:alpha:]]`)
 *   are spelled the JavaScript way;
 * - escapes Unicode mode refuses (`\'`, `\-` outside a class, `\#`) and a stray `{`, `}` or `]`
 *   are written as the literal they mean.
 *
 * The translation never adds or removes a capturing group, so group numbers stay Vale's.
 */

export class ValeRegexError extends Error {
  override name = 'ValeRegexError';
}

export interface TranslatedRegex {
  source: string;
  flags: string;
}

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const CLASS_SYNTAX = new Set([...'\\]-^[']);
const KEPT_ESCAPES = new Set([...'dDwWsSbBtnrfv0123456789']);
const POSIX: Record<string, string> = {
  alpha: '\\p{L}',
  alnum: '\\p{L}\\p{N}',
  digit: '0-9',
  lower: '\\p{Ll}',
  upper: '\\p{Lu}',
  space: '\\s',
  punct: '\\p{P}',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  ascii: '\\x00-\\x7f',
};

function literal(char: string, inClass: boolean): string {
  if (inClass) return CLASS_SYNTAX.has(char) ? `\\${char}` : char;
  return SYNTAX.has(char) ? `\\${char}` : char;
}

function bothCases(char: string): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return '';
  return char === lower ? upper : lower;
}

/**
 * Translates a Vale pattern. `ignoreCase`: the rule's `ignorecase` (a leading `(?i)` in the
 * pattern sets it too). Throws {@link ValeRegexError} when the result is no valid JavaScript regex.
 */
export function translateValeRegex(pattern: string, ignoreCase = false): TranslatedRegex {
  let at = 0;
  let insensitive = ignoreCase;
  let multiline = false;
  let dotAll = false;
  // Leading flag groups apply to the whole pattern.
  for (let lead = /^\(\?([imsU]+)\)/.exec(pattern); lead; lead = /^\(\?([imsU]+)\)/.exec(pattern.slice(at))) {
    if (lead[1]!.includes('i')) insensitive = true;
    if (lead[1]!.includes('m')) multiline = true;
    if (lead[1]!.includes('s')) dotAll = true;
    at += lead[0].length;
  }
  const body = pattern.slice(at);
  // With flag groups inside, case is spelled out per letter and the regex itself is case-sensitive.
  const mixed = /\(\?-?[a-zA-Z]*i[a-zA-Z-]*[:)]|\(\?[a-zA-Z]*-[a-zA-Z]*i/.test(body);
  const source = translateBody(body, mixed ? insensitive : false, mixed);
  const flags = `u${mixed || !insensitive ? '' : 'i'}${multiline ? 'm' : ''}${dotAll ? 's' : ''}`;
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new ValeRegexError(error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error));
  }
  return { source, flags };
}

/** Compiles a translated pattern with extra flags (`g`). */
export function compileValeRegex(pattern: string, ignoreCase = false, extraFlags = 'g'): RegExp {
  const { source, flags } = translateValeRegex(pattern, ignoreCase);
  return new RegExp(source, flags + extraFlags.replace(/[^gy]/g, ''));
}

function translateBody(body: string, startInsensitive: boolean, spellCase: boolean): string {
  let out = '';
  let i = 0;
  // Case state per open group: `(?i)` mid-group lasts to the group's end.
  const caseStack: boolean[] = [];
  let insensitive = startInsensitive;
  const letter = (char: string): string => {
    const other = spellCase && insensitive ? bothCases(char) : '';
    return other ? `[${char}${other}]` : literal(char, false);
  };
  while (i < body.length) {
    const char = body[i]!;
    if (char === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw new ValeRegexError('a pattern may not end with "\\"');
      if (next === 'Q') {
        const end = body.indexOf('\\E', i + 2);
        const quoted = body.slice(i + 2, end < 0 ? body.length : end);
        for (const q of quoted) out += letter(q);
        i = end < 0 ? body.length : end + 2;
        continue;
      }
      i += 2;
      if (next === 'A') out += '(?<![\\s\\S])';
      else if (next === 'z') out += '(?![\\s\\S])';
      else if (next === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (next === 'h') out += '[\\t ]';
      else if (next === 'k' && body[i] === '<') {
        // A named backreference (regexp2 has them).
        const end = body.indexOf('>', i);
        out += `\\k${body.slice(i, end + 1)}`;
        i = end + 1;
      }
      else if (next === 'p' || next === 'P') {
        if (body[i] === '{') {
          const end = body.indexOf('}', i);
          out += `\\${next}${body.slice(i, end + 1)}`;
          i = end + 1;
        } else {
          out += `\\${next}{${body[i] ?? ''}}`;
          i++;
        }
      } else if (next === 'x' || next === 'u') {
        if (body[i] === '{') {
          const end = body.indexOf('}', i);
          out += `\\u{${body.slice(i + 1, end)}}`;
          i = end + 1;
        } else {
          const digits = next === 'x' ? 2 : 4;
          out += `\\${next}${body.slice(i, i + digits)}`;
          i += digits;
        }
      } else if (KEPT_ESCAPES.has(next)) out += `\\${next}`;
      else out += letter(next);
      continue;
    }
    if (char === '[') {
      const [cls, end] = translateClass(body, i, spellCase && insensitive);
      out += cls;
      i = end;
      continue;
    }
    if (char === '(') {
      const rest = body.slice(i);
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        i += named[0].length;
        caseStack.push(insensitive);
        continue;
      }
      const comment = /^\(\?#[^)]*\)/.exec(rest);
      if (comment) {
        i += comment[0].length;
        continue;
      }
      const flagGroup = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))/.exec(rest);
      if (flagGroup && (flagGroup[1] !== '' || flagGroup[2] !== undefined)) {
        const on = flagGroup[1] ?? '';
        const off = flagGroup[2] ?? '';
        const value = on.includes('i') ? true : off.includes('i') ? false : insensitive;
        if (flagGroup[3] === ':') {
          caseStack.push(insensitive);
          insensitive = value;
          out += '(?:';
        } else insensitive = value;
        i += flagGroup[0].length;
        continue;
      }
      if (rest.startsWith('(?>')) {
        out += '(?:';
        i += 3;
        caseStack.push(insensitive);
        continue;
      }
      const special = /^\(\?(?:[:=!]|<[=!])/.exec(rest);
      out += special ? special[0] : '(';
      i += special ? special[0].length : 1;
      caseStack.push(insensitive);
      continue;
    }
    if (char === ')') {
      if (caseStack.length === 0) throw new ValeRegexError('unmatched ")"');
      insensitive = caseStack.pop()!;
      out += ')';
      i++;
      continue;
    }
    if (char === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(body.slice(i));
      if (quantifier) {
        out += quantifier[0];
        i += quantifier[0].length;
      } else {
        out += '\\{';
        i++;
      }
      if (quantifier && body[i] === '+') i++;
      continue;
    }
    if (char === '}' || char === ']') {
      out += `\\${char}`;
      i++;
      continue;
    }
    if ((char === '*' || char === '+' || char === '?') && body[i + 1] === '+') {
      // Possessive: the plain quantifier (JavaScript has none).
      out += char;
      i += 2;
      continue;
    }
    if ('.*+?|^$'.includes(char)) {
      out += char;
      i++;
      continue;
    }
    out += letter(char);
    i++;
  }
  if (caseStack.length > 0) throw new ValeRegexError('missing ")"');
  return out;
}

/** A character class from `[` at `start`: its translation and the index after its `]`. */
function translateClass(body: string, start: number, insensitive: boolean): [string, number] {
  let i = start + 1;
  let out = '[';
  if (body[i] === '^') {
    out += '^';
    i++;
  }
  const extra: string[] = [];
  let first = true;
  while (i < body.length) {
    const char = body[i]!;
    if (char === ']' && !first) return [`${out}${extra.join('')}]`, i + 1];
    first = false;
    if (char === '[' && body[i + 1] === ':') {
      const end = body.indexOf(':]', i + 2);
      const name = end < 0 ? '' : body.slice(i + 2, end);
      const posix = POSIX[name.replace(/^\^/, '')];
      if (posix && !name.startsWith('^')) {
        out += posix;
        i = end + 2;
        continue;
      }
    }
    if (char === '\\') {
      const next = body[i + 1] ?? '';
      i += 2;
      if (next === 'p' || next === 'P') {
        if (body[i] === '{') {
          const end = body.indexOf('}', i);
          out += `\\${next}${body.slice(i, end + 1)}`;
          i = end + 1;
        } else {
          out += `\\${next}{${body[i] ?? ''}}`;
          i++;
        }
      } else if (next === 'x' || next === 'u') {
        const digits = next === 'x' ? 2 : 4;
        out += `\\${next}${body.slice(i, i + digits)}`;
        i += digits;
      } else if (KEPT_ESCAPES.has(next) && next !== 'b' && next !== 'B') out += `\\${next}`;
      else if (next === 'b') out += '\\x08';
      else out += literal(next, true);
      continue;
    }
    // A range `a-z`: both cases of the range when case does not matter.
    if (body[i + 1] === '-' && body[i + 2] !== undefined && body[i + 2] !== ']' && body[i + 2] !== '\\') {
      const to = body[i + 2]!;
      out += `${literal(char, true)}-${literal(to, true)}`;
      if (insensitive) {
        const a = bothCases(char);
        const b = bothCases(to);
        if (a && b) extra.push(`${a}-${b}`);
      }
      i += 3;
      continue;
    }
    out += literal(char, true);
    if (insensitive) {
      const other = bothCases(char);
      if (other) extra.push(other);
    }
    i++;
  }
  throw new ValeRegexError('missing "]"');
}

/** Vale's substitution keys: capture groups of a key become non-capturing, so group n is key n. */
export function uncaptured(pattern: string): string {
  return pattern.replace(/(?<!\\)\((?!\?)/g, '(?:');
}
