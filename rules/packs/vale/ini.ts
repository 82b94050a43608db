/**
 * `.vale.ini`: global keys, then `[glob]` sections (`[*]`, `[*.md]`, `[*.{md,txt}]`,
 * `[docs/**]`). Keys keep their case and the line they are on, so problems are positioned.
 * Read here: `StylesPath`, `MinAlertLevel`, `Vocab`, `WordTemplate`, `BasedOnStyles`,
 * `Style.Rule = YES|NO|suggestion|warning|error`, `Style = NO`. Every other key is reported as
 * not honoured by the loader.
 */

export interface IniEntry {
  key: string;
  value: string;
  /** 1-based line, and the columns of the key and of the value. */
  line: number;
  keyColumn: number;
  valueColumn: number;
}

export interface IniSection {
  /** null: the global part before any section. */
  glob: string | null;
  line: number;
  entries: IniEntry[];
}

export interface IniFile {
  sections: IniSection[];
  problems: Array<{ line: number; column: number; message: string }>;
}

export function parseIni(text: string): IniFile {
  const sections: IniSection[] = [{ glob: null, line: 1, entries: [] }];
  const problems: IniFile['problems'] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) return;
    const section = /^\[(.+)\]\s*(?:[;#].*)?$/.exec(trimmed);
    if (section) {
      sections.push({ glob: section[1]!.trim(), line, entries: [] });
      return;
    }
    const equals = raw.indexOf('=');
    if (equals < 0) {
      problems.push({ line, column: raw.length - raw.trimStart().length + 1, message: `expected "key = value" or "[section]", found "${trimmed}"` });
      return;
    }
    const key = raw.slice(0, equals).trim();
    const rest = raw.slice(equals + 1);
    const value = rest.trim();
    sections[sections.length - 1]!.entries.push({
      key,
      value,
      line,
      keyColumn: raw.length - raw.trimStart().length + 1,
      valueColumn: equals + 2 + (rest.length - rest.trimStart().length),
    });
  });
  return { sections, problems };
}

/** Values of a list key (`BasedOnStyles = Vale, Google`). */
export function listValue(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
