/**
 * A brand book draft (draft.ts) as brandlint's files: DTCG token files (color, typography,
 * logo) whose every token says in `$description` where in the book it came from, and a
 * guideline file whose every drafted value has a YAML comment saying the same. Nothing is
 * added that the book does not state; what the guideline file requires but the book does not
 * say is marked `TODO` (and listed by the CLI).
 */
import { describePlace, type BookLine } from './read.js';
import type { BrandBookDraft, Source } from './draft.js';

export interface DraftFiles {
  /** File name (under tokens/) -> text. */
  files: Record<string, string>;
  /** What needs a person: required values the book does not state. */
  todo: string[];
}

function where(book: string, source: Source): string {
  return `${book}, ${describePlace(source as Pick<BookLine, 'page' | 'line'>)}`;
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

export function writeDraft(draft: BrandBookDraft, book: string): DraftFiles {
  const files: Record<string, string> = {};
  const todo: string[] = [];

  if (draft.colors.length > 0) {
    const brand: Record<string, unknown> = {};
    const taken = new Set<string>();
    for (const color of draft.colors) {
      const printed = [
        color.printed.hex ? `HEX ${color.printed.hex.toUpperCase()}` : '',
        color.printed.rgb ? `RGB ${color.printed.rgb.join(' ')}` : '',
        color.printed.cmyk ? `CMYK ${color.printed.cmyk.join(' ')}` : '',
        color.printed.pantone ?? '',
      ].filter(Boolean);
      const rgb = [1, 3, 5].map((i) => Math.round((parseInt(color.hex.slice(i, i + 2), 16) / 255) * 10000) / 10000);
      brand[unique(slug(color.name), taken)] = {
        $value: { colorSpace: 'srgb', components: rgb, hex: color.hex },
        $description: `${color.name}: ${printed.join(', ')}${color.from === 'hex' ? '' : ` (screen value converted from ${color.from.toUpperCase()})`} (${where(book, color.source)})`,
      };
    }
    files['color.tokens.json'] = `${JSON.stringify({ color: { $type: 'color', $description: `Drafted from ${book} by brandlint init --from; review every value.`, brand } }, null, 2)}\n`;
  }

  if (draft.fonts.length > 0 || draft.sizes.length > 0) {
    const font: Record<string, unknown> = {};
    if (draft.fonts.length > 0) {
      const family: Record<string, unknown> = { $type: 'fontFamily' };
      const taken = new Set<string>();
      for (const entry of draft.fonts) family[unique(slug(entry.role), taken)] = { $value: entry.families, $description: `${entry.role} typeface (${where(book, entry.source)})` };
      font['family'] = family;
    }
    if (draft.sizes.length > 0) {
      const size: Record<string, unknown> = { $type: 'dimension' };
      const taken = new Set<string>();
      for (const entry of draft.sizes) size[unique(slug(entry.name), taken)] = { $value: { value: entry.px, unit: 'px' }, $description: `${entry.name} (${where(book, entry.source)})` };
      font['size'] = size;
    }
    files['typography.tokens.json'] = `${JSON.stringify({ font }, null, 2)}\n`;
  }

  const logosWithSize = draft.logos.filter((logo) => logo.minWidthPx !== undefined);
  if (logosWithSize.length > 0 || draft.clearSpace) {
    const logo: Record<string, unknown> = { $type: 'dimension' };
    const taken = new Set<string>();
    for (const entry of logosWithSize) {
      logo[unique(logoId(entry.file), taken)] = {
        'min-width': { $value: { value: entry.minWidthPx, unit: 'px' }, $description: `Minimum width of ${entry.file} (${where(book, entry.minWidthSource ?? entry.source)})` },
      };
    }
    if (draft.clearSpace) logo['clear-space'] = { $value: { value: draft.clearSpace.px, unit: 'px' }, $description: `Clear space around the logo (${where(book, draft.clearSpace.source)})` };
    files['logo.tokens.json'] = `${JSON.stringify({ logo }, null, 2)}\n`;
  }
  for (const entry of draft.logos) if (entry.minWidthPx === undefined) todo.push(`logos: ${entry.file} (${where(book, entry.source)}) has no minimum width in the book; it is not in the draft`);

  files['brand.guidelines.yaml'] = guidelinesYaml(draft, book, logosWithSize, todo);
  return { files, todo };
}

function logoId(file: string): string {
  return slug(file.replace(/\.[a-z0-9]+$/i, '').replace(/@\dx$/, ''));
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function guidelinesYaml(draft: BrandBookDraft, book: string, logos: BrandBookDraft['logos'], todo: string[]): string {
  const out: string[] = [`# Drafted from ${book} by \`brandlint init --from\`. Review every value: each says where in`, '# the book it came from; TODO marks what the guideline file needs and the book does not say.', 'version: 1', '', 'brand:'];
  if (draft.brandName) out.push(`  name: ${yamlString(draft.brandName.text)}  # ${where(book, draft.brandName.source)}`);
  else {
    out.push('  name: "TODO"  # TODO: the brand name was not found in the book');
    todo.push('brand.name: not found in the book');
  }
  const domain = draft.website ? domainOf(draft.website.text) : undefined;
  if (domain && draft.website) {
    out.push('  domains:', `    - ${domain}  # ${where(book, draft.website.source)}`);
    if (/^https?:\/\//i.test(draft.website.text)) out.push(`  website: ${yamlString(draft.website.text)}  # ${where(book, draft.website.source)}`);
  } else {
    out.push('  domains:', '    - todo.invalid  # TODO: the brand\'s own domains were not found in the book');
    todo.push('brand.domains: not found in the book (todo.invalid is a placeholder)');
  }
  if (logos.length > 0) {
    out.push('', 'logos:', '  assets:');
    const taken = new Set<string>();
    for (const logo of logos) {
      const id = unique(logoId(logo.file), taken);
      out.push(`    - id: ${id}`, '      files:', `        - ${yamlString(logo.file)}  # ${where(book, logo.source)}`, `      minWidth: "{logo.${id}.min-width}"  # ${where(book, logo.minWidthSource ?? logo.source)}`);
      if (draft.clearSpace) out.push(`      clearSpace: "{logo.clear-space}"  # ${where(book, draft.clearSpace.source)}`);
    }
  }
  out.push('', 'voice:');
  const dont = dedupe(draft.dontWords);
  if (dont.length > 0) {
    out.push('  banned:');
    for (const word of dont) out.push(`    - phrase: ${yamlString(word.text)}  # ${where(book, word.source)}`);
  }
  if (draft.preferred.length > 0) {
    out.push('  preferred:');
    for (const entry of draft.preferred) out.push(`    - use: ${yamlString(entry.use)}  # ${where(book, entry.source)}`, `      instead: [${yamlString(entry.instead)}]`);
  }
  const doWords = dedupe(draft.doWords);
  if (doWords.length > 0) {
    out.push('  # Words the book says to use (no guideline setting checks a word is used):');
    for (const word of doWords) out.push(`  #   ${word.text}  (${where(book, word.source)})`);
  }
  if (draft.tone.length > 0) {
    const adjectives = dedupe(draft.tone);
    const formality = adjectives.map((word) => FORMALITY[word.text.toLowerCase()]).find((value) => value !== undefined);
    const line = `${adjectives.map((word) => word.text).join(', ')}`;
    const sources = [...new Set(adjectives.map((word) => where(book, word.source)))].join('; ');
    if (formality) {
      out.push('  tone:', `    formality: ${formality}  # from "${adjectives.find((word) => FORMALITY[word.text.toLowerCase()] === formality)!.text}"`, `    description: ${yamlString(line)}  # ${sources}`);
    } else {
      out.push(`  # Tone adjectives (${sources}): ${line}`, '  # TODO: voice.tone needs a formality (formal, neutral or casual) that the book does not name.');
      todo.push('voice.tone.formality: the book names tone adjectives but no formality');
    }
  }
  if (out.at(-1) === 'voice:') out.push('  banned: []');
  return `${out.join('\n')}\n`;
}

const FORMALITY: Record<string, 'formal' | 'neutral' | 'casual'> = {
  formal: 'formal',
  professional: 'formal',
  authoritative: 'formal',
  neutral: 'neutral',
  casual: 'casual',
  relaxed: 'casual',
  playful: 'casual',
  informal: 'casual',
  conversational: 'casual',
};

function dedupe<T extends { text: string }>(words: readonly T[]): T[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function domainOf(text: string): string | undefined {
  const match = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(text.trim());
  return match?.[1]?.toLowerCase();
}
