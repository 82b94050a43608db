/**
 * culori, loaded as the one-file bundle it ships (`culori/require`) instead of its ES modules.
 *
 * `import ... from 'culori'` opens some 150 modules (every color space registers itself), which
 * cost a cold run about 0.2 CPU-s and 0.4 s of wall time on a slow disk; the bundle is the same
 * code and version in one file and loads in a fraction of that. Import culori from here only:
 * two copies would keep two registries of color modes.
 */
import { createRequire } from 'node:module';

type Culori = typeof import('culori');

const culori = createRequire(import.meta.url)('culori/require') as Culori;

export const { clampChroma, colorsNamed, converter, differenceCiede2000, formatHex, formatHex8, formatRgb, parse, toGamut, wcagContrast } = culori;
export type { Color } from 'culori';
