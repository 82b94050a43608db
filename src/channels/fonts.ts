/**
 * Families named in web-font service URLs (Google Fonts css and css2, Bunny Fonts), with where
 * each name is written. Adobe Fonts (Typekit) kit URLs name no family and give nothing.
 */

const FONT_SERVICE = /(?:fonts\.googleapis\.com|fonts\.bunny\.net)\/css2?\b[^\s"'()<>]*/gi;
const FAMILY_PARAM = /(?:^|[?&;])family=/g;
const NAME_END = /[:|&"'()#\s]/;

export interface FamilyName {
  family: string;
  /** Offsets of the name as written in the scanned text. */
  start: number;
  end: number;
}

/** Families of every web-font URL in `text` (a `<link href>` value, an `@import`). */
export function webFontFamilies(text: string): FamilyName[] {
  const names: FamilyName[] = [];
  FONT_SERVICE.lastIndex = 0;
  for (let url = FONT_SERVICE.exec(text); url; url = FONT_SERVICE.exec(text)) {
    const query = url[0];
    const queryStart = url.index;
    FAMILY_PARAM.lastIndex = 0;
    for (let param = FAMILY_PARAM.exec(query); param; param = FAMILY_PARAM.exec(query)) {
      let at = param.index + param[0].length;
      // css (v1) lists families with `|`: family=Roboto:400|Open+Sans
      for (;;) {
        let end = at;
        while (end < query.length && !NAME_END.test(query[end]!)) end++;
        const family = decodeFamily(query.slice(at, end));
        if (family) names.push({ family, start: queryStart + at, end: queryStart + end });
        // Skip the variant list (`:400,700`, `:wght@400;700`) to the next `|`, `&` or the end.
        while (end < query.length && query[end] !== '|' && query[end] !== '&') end++;
        if (query[end] !== '|') break;
        at = end + 1;
      }
    }
  }
  return names;
}

function decodeFamily(raw: string): string {
  let text = raw.replace(/\+/g, ' ');
  try {
    text = decodeURIComponent(text);
  } catch {
    // Keep a malformed escape as written.
  }
  return text.trim();
}
