/**
 * The guideline file (`tokens/brand.guidelines.yaml`): the brand rules DTCG tokens cannot express —
 * approved logo files and how logos are recognised, voice (names, banned and preferred terms,
 * exclamation marks, emoji, reading grade, acronyms, tone) and per-channel limits.
 *
 * Sizes that are design decisions (logo minimum width, clear space) may be token references such as
 * `"{logo.primary.min-width}"`; here they are only checked for syntax, the brand model resolves them.
 */
import * as z from 'zod';
import { noLocate, parseDataFile, validateData, type Locate } from '../core/data-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { describeHazard, findBacktrackingHazard } from '../core/regex-safety.js';
import { readTextFile } from '../core/text-file.js';

/** Channels a guideline can address: the linted channels plus SMS. */
import { GUIDELINE_CHANNELS, type GuidelineChannel } from '../core/channels.js';

export { GUIDELINE_CHANNELS, type GuidelineChannel };

/** Social platforms with known limits. */
export const SOCIAL_PLATFORMS = ['x', 'linkedin', 'instagram', 'facebook', 'threads', 'bluesky', 'mastodon', 'tiktok'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

// DTCG: a name must not start with "$" and must not contain "{", "}" or "."; references are
// dot-separated names in braces. Whitespace at the edges of a segment is treated as a typo.
const REFERENCE = /^\{([^{}.$\s](?:[^{}.]*[^{}.\s])?)(\.[^{}.$\s](?:[^{}.]*[^{}.\s])?)*\}$/;

/** True when `value` is a DTCG token reference such as `{logo.primary.min-width}`. */
export function isTokenReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE.test(value);
}

/** The token path of a reference (`{logo.primary.min-width}` -> `logo.primary.min-width`), or null. */
export function referenceName(value: unknown): string | null {
  return isTokenReference(value) ? value.slice(1, -1) : null;
}

const PX_OR_REFERENCE = 'expected a number of pixels or a token reference like "{logo.primary.min-width}"';
const text = z.string().min(1);
const positiveInt = z.number().int().positive();
const percentage = z.number().min(0).max(100);
const nonNegativeInt = z.number().int().nonnegative();
const channel = z.enum(GUIDELINE_CHANNELS);

/** A size in px, or a reference to a DTCG dimension token. */
const pxOrReference = z.union(
  [z.number().positive(), z.string().regex(REFERENCE, PX_OR_REFERENCE)],
  { error: PX_OR_REFERENCE },
);

/** An object with one optional key per channel. */
function perChannel<T extends z.ZodType>(value: T) {
  return z.strictObject({
    email: value.optional(),
    landing: value.optional(),
    chatbot: value.optional(),
    social: value.optional(),
    article: value.optional(),
    print: value.optional(),
    sms: value.optional(),
  });
}

const lengthLimit = z
  .strictObject({
    /** Maximum length in characters (user-perceived characters, emoji count as one). */
    maxLength: positiveInt,
    /** Minimum length in characters. */
    minLength: positiveInt.optional(),
  })
  .superRefine(checkMinMax);

function checkMinMax(value: { minLength?: number | undefined; maxLength: number }, ctx: z.RefinementCtx): void {
  if (value.minLength !== undefined && value.minLength > value.maxLength) {
    ctx.addIssue({
      code: 'custom',
      path: ['minLength'],
      message: `minLength (${value.minLength}) must not exceed maxLength (${value.maxLength})`,
    });
  }
}

function checkRegExp(pattern: string, ctx: z.RefinementCtx): void {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`,
    });
  }
}

const brandSchema = z.strictObject({
  /** The brand name exactly as written in prose ("Northwind"). */
  name: text,
  /** The legal entity, for footers and legal copy. */
  legalName: text.optional(),
  /** The brand's own domains; links elsewhere are third-party. Bare host names, no scheme. */
  domains: z
    .array(
      z
        .string()
        .regex(
          /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i,
          'expected a bare domain such as "northwind.example" (no scheme, path or port)',
        ),
    )
    .min(1),
  /** The main website. */
  website: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as "https://www.northwind.example"' }).optional(),
});

const logoAssetSchema = z.strictObject({
  /** Identifier used in messages and by rules (`primary`, `mark`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id such as "primary" (letters, digits, "-")'),
  /** Approved file names or globs (matched against the image file name or path). */
  files: z.array(text).min(1),
  /** What the asset is and when to use it. */
  description: z.string().optional(),
  /** Minimum rendered width: px, or a reference to a dimension token. */
  minWidth: pxOrReference,
  /** Free space around the logo: px, or a reference to a dimension token. */
  clearSpace: pxOrReference.optional(),
});

const logosSchema = z.strictObject({
  /** The approved logo assets. */
  assets: z.array(logoAssetSchema).min(1),
  /**
   * How an image in content is recognised as a logo (besides matching an approved file): any
   * `srcPatterns` glob matching its src, any of `classNames`, or its alt text matching an `altPatterns` wildcard.
   */
  recognise: z
    .strictObject({
      /** Globs matched against the image src (path or file name), e.g. `"**\/*logo*"`. */
      srcPatterns: z.array(text).default([]),
      /** CSS classes that mark a logo image. */
      classNames: z.array(text).default([]),
      /** Case-insensitive wildcards (`*`) matched against the whole alt text, e.g. `"*logo*"`. */
      altPatterns: z.array(text).default([]),
    })
    .prefault({}),
  /** Alt text of logo images. */
  altText: z
    .strictObject({
      /** Logo images must have a non-empty alt text. Default true. */
      required: z.boolean().default(true),
      /** Words the alt text must contain (case-insensitive), e.g. the brand name. */
      mustMention: z.array(text).default([]),
    })
    .prefault({}),
});

/**
 * Languages a voice entry applies to: BCP 47 tags or language subtags, matched by language
 * prefix (`pl` matches `pl-PL`). See docs/packs.md, "Other languages".
 */
const entryLocales = z
  .array(z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en", "pl" or "de-DE"'))
  .min(1, 'must list at least one language');

const nameSchema = z.strictObject({
  /** The only correct spelling ("CloudPack"). */
  term: text,
  /** Known wrong spellings ("Cloud Pack"), matched exactly as written. */
  wrong: z.array(text).default([]),
  /** Mark required on the first use in a message. */
  trademark: z.enum(['™', '®']).optional(),
  /** When true (default), any spelling that differs from `term` only in letter case ("Cloudpack") is wrong too. */
  caseSensitive: z.boolean().default(true),
  /** Only text in these languages; every language when absent. */
  locales: entryLocales.optional(),
});

const bannedSchema = z
  .strictObject({
    /** A word or phrase (whole words, case-insensitive unless `caseSensitive`). */
    phrase: text.optional(),
    /** A JavaScript regular expression (Unicode mode, case-insensitive unless `caseSensitive`). */
    pattern: text.superRefine(checkRegExp).optional(),
    /** Why it is banned, shown in the finding. */
    message: z.string().optional(),
    /** Replacements to suggest (one or a list). */
    suggest: z
      .union([text, z.array(text)])
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .optional(),
    /** Match letter case exactly. Default false. */
    caseSensitive: z.boolean().default(false),
    /** Only text in these languages; every language when absent. */
    locales: entryLocales.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.phrase === undefined) === (value.pattern === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a banned entry needs exactly one of "phrase" or "pattern"' });
    }
  });

const preferredSchema = z
  .strictObject({
    /** The preferred term ("sign in"). */
    use: text,
    /** Terms to replace with it ("login", "log in"). */
    instead: z.array(text).min(1),
    /** Why, shown in the finding. */
    message: z.string().optional(),
    /** Match letter case exactly. Default false. */
    caseSensitive: z.boolean().default(false),
    /** Only text in these languages; when absent, text in the configured locale's language. */
    locales: entryLocales.optional(),
  })
  .superRefine((value, ctx) => {
    value.instead.forEach((term, index) => {
      if (term.toLowerCase() === value.use.toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['instead', index], message: `"${term}" is the preferred term itself` });
      }
    });
  });

const acronym = z.string().regex(/^(?=.*\p{Lu})[\p{Lu}\p{N}&]+$/u, 'expected an acronym in capitals, such as "GPS" (letters, digits, "&")');

const voiceSchema = z.strictObject({
  /** Brand and product names with their only correct spelling. */
  names: z.array(nameSchema).default([]),
  /** Words and patterns never to use. */
  banned: z.array(bannedSchema).default([]),
  /** Preferred terms and what they replace. */
  preferred: z.array(preferredSchema).default([]),
  /** Exclamation marks per message. */
  exclamation: z
    .strictObject({
      /** Maximum per message in every channel. */
      maxPerMessage: nonNegativeInt,
      /** Channel-specific maximum (wins over `maxPerMessage`). */
      perChannel: perChannel(nonNegativeInt).optional(),
    })
    .optional(),
  /** Emoji use. */
  emoji: z
    .strictObject({
      /** `true`, `false`, or the channels where emoji are allowed. */
      allowed: z.union([z.boolean(), z.array(channel)]),
      /** Maximum emoji per message where allowed. */
      maxPerMessage: nonNegativeInt.optional(),
    })
    .optional(),
  /** Maximum Flesch-Kincaid grade level per channel. */
  readingGrade: perChannel(z.number().positive().max(20)).optional(),
  /** All-caps words that are fine (GPS, FAQ); other all-caps words are shouting. */
  acronyms: z.array(z.union([acronym, z.strictObject({ acronym, locales: entryLocales })])).default([]),
  /** The voice's register. */
  tone: z
    .strictObject({
      /** How formal copy is. */
      formality: z.enum(['formal', 'neutral', 'casual']),
      /** Contractions ("you're"): avoid, allowed or preferred. Default allowed. */
      contractions: z.enum(['avoid', 'allowed', 'preferred']).default('allowed'),
      /** The voice in a sentence or two, for writers. */
      description: z.string().optional(),
    })
    .optional(),
});

const socialPlatformSchema = z.strictObject({
  /** Maximum post length in characters. */
  maxLength: positiveInt,
  /** Length every link counts as (X: 23), whatever its real length. */
  linkLength: positiveInt.optional(),
  /** Maximum hashtags per post. */
  maxHashtags: nonNegativeInt.optional(),
  /** Maximum @mentions per post. */
  maxMentions: nonNegativeInt.optional(),
});

const channelsSchema = z.strictObject({
  /** Email limits. */
  email: z
    .strictObject({
      /** Subject line. */
      subject: z
        .strictObject({
          maxLength: positiveInt,
          minLength: positiveInt.optional(),
          /** Exclamation marks allowed in the subject (wins over the voice limit). */
          maxExclamations: nonNegativeInt.optional(),
        })
        .superRefine(checkMinMax)
        .optional(),
      /** Preheader (preview text). */
      preheader: z
        .strictObject({
          /** Every email must have a preheader. Default false. */
          required: z.boolean().default(false),
          maxLength: positiveInt,
          minLength: positiveInt.optional(),
        })
        .superRefine(checkMinMax)
        .optional(),
    })
    .optional(),
  /** Landing page limits. */
  landing: z
    .strictObject({
      /** The `<title>`. */
      title: lengthLimit.optional(),
      /** `<meta name="description">`. */
      metaDescription: lengthLimit.optional(),
    })
    .optional(),
  /** Social post limits. */
  social: z
    .strictObject({
      /** The brand hashtag, spelled exactly like this wherever it appears ("#Northwind"). */
      brandHashtag: z
        .string()
        .regex(/^#[\p{L}\p{N}_]+$/u, 'expected a hashtag such as "#Northwind" ("#" then letters, digits or "_")')
        .optional(),
      /** Every post must carry the brand hashtag. Default false. */
      requireBrandHashtag: z.boolean().default(false),
      /** Limits per platform. */
      platforms: z
        .strictObject({
          x: socialPlatformSchema.optional(),
          linkedin: socialPlatformSchema.optional(),
          instagram: socialPlatformSchema.optional(),
          facebook: socialPlatformSchema.optional(),
          threads: socialPlatformSchema.optional(),
          bluesky: socialPlatformSchema.optional(),
          mastodon: socialPlatformSchema.optional(),
          tiktok: socialPlatformSchema.optional(),
        })
        .prefault({}),
    })
    .optional(),
  /** SMS limits. */
  sms: z
    .strictObject({
      /** Maximum message segments (160 GSM-7 or 70 UCS-2 characters each, less when concatenated). */
      maxSegments: positiveInt,
    })
    .optional(),
  /** Chatbot limits. */
  chatbot: z
    .strictObject({
      /** Maximum characters per bot reply. */
      maxReplyLength: positiveInt.optional(),
      /** Maximum buttons (quick replies) per reply. */
      maxButtons: positiveInt.optional(),
    })
    .optional(),
});

/** A color's values for print: CMYK in percent, and a Pantone name for people. */
const printColorSchema = z
  .strictObject({
    /** The palette color, as a token reference: `"{color.base.pine-700}"`. */
    token: z.string().regex(REFERENCE, 'expected a token reference such as "{color.base.pine-700}"'),
    /** Cyan, magenta, yellow and black in percent (0-100), as brand books print them: `[70, 0, 60, 65]`. */
    cmyk: z.tuple([percentage, percentage, percentage, percentage]).optional(),
    /** The Pantone (spot) color printers match, e.g. `"7483 C"`; shown in messages, never compared. */
    pantone: z.string().trim().min(1).optional(),
  });

/** Print values of palette colors: a CMYK color in a PDF is compared with these when given. */
const printSchema = z.strictObject({
  colors: z.array(printColorSchema).default([]),
});

/** The guideline file schema (all objects strict: unknown keys are errors). */
export const guidelinesSchema = z
  .strictObject({
    /** Format version; always 1. */
    version: z.literal(1),
    /** Who the brand is. */
    brand: brandSchema,
    /**
     * The token group that is the type scale (`font.size`, `{fontSize}`): its dimension tokens are
     * the steps. Default: the groups typography tokens take their fontSize from, else groups named
     * as font sizes (`font.size.*`, `fontSize.*`, `fontSizes.*`, `text.size.*`).
     */
    typeScale: z
      .string()
      .regex(/^\{?[^{}.\s]+(?:\.[^{}.\s]+)*\}?$/, 'expected a token group such as "font.size"')
      .optional(),
    /** Approved logos and how logos are checked. */
    logos: logosSchema.optional(),
    /** How the brand writes. */
    voice: voiceSchema.prefault({}),
    /** Per-channel limits. */
    channels: channelsSchema.prefault({}),
    /** Print values (CMYK, Pantone) of palette colors. */
    print: printSchema.optional(),
  })
  .superRefine((value, ctx) => {
    duplicates(value.logos?.assets.map((asset) => asset.id) ?? [], ['logos', 'assets'], 'id', 'logo id', ctx);
    duplicates(value.voice.names.map((name) => name.term), ['voice', 'names'], 'term', 'name', ctx);
    value.voice.names.forEach((name, index) => {
      name.wrong.forEach((wrong, wrongIndex) => {
        if (wrong === name.term) {
          ctx.addIssue({
            code: 'custom',
            path: ['voice', 'names', index, 'wrong', wrongIndex],
            message: `"${wrong}" is the correct spelling itself`,
          });
        }
      });
    });
  });

function duplicates(
  values: string[],
  listPath: Array<string | number>,
  key: string,
  what: string,
  ctx: z.RefinementCtx,
): void {
  const first = new Map<string, number>();
  values.forEach((value, index) => {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, index);
    else {
      ctx.addIssue({
        code: 'custom',
        path: [...listPath, index, key],
        message: `duplicate ${what} "${value}" (first defined at index ${earlier})`,
        params: { ruleId: 'duplicate' },
      });
    }
  });
}

/** A validated guideline file, defaults applied. */
export type Guidelines = z.output<typeof guidelinesSchema>;
/** A guideline file as written. */
export type GuidelinesInput = z.input<typeof guidelinesSchema>;
export type LogoAsset = z.output<typeof logoAssetSchema>;
export type BrandName = z.output<typeof nameSchema>;
export type BannedTerm = z.output<typeof bannedSchema>;
export type PreferredTerm = z.output<typeof preferredSchema>;
export type SocialPlatformLimits = z.output<typeof socialPlatformSchema>;

export interface GuidelinesResult {
  /** Null when the file is unreadable or invalid. */
  guidelines: Guidelines | null;
  diagnostics: Diagnostic[];
  /** Finds the range of a value in the file by its path (for later checks such as token references). */
  locate: Locate;
}

/**
 * Parses and validates a guideline file text (YAML; JSON when `file` ends in `.json`).
 * Rule ids: `guidelines/syntax`, `guidelines/duplicate-key`, `guidelines/unknown-key`,
 * `guidelines/missing-key`, `guidelines/invalid-type`, `guidelines/invalid-value`, `guidelines/duplicate`.
 */
export function parseGuidelines(source: string, file: string): GuidelinesResult {
  const parsed = parseDataFile(source, file, {
    ruleIdPrefix: 'guidelines',
    ...(/\.jsonc?$/i.test(file) ? {} : { format: 'yaml' as const }),
  });
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { guidelines: null, diagnostics: parsed.diagnostics, locate: parsed.locate };
  }
  const { value, diagnostics } = validateData(guidelinesSchema, parsed.data, parsed.locate, file, 'guidelines');
  return { guidelines: value, diagnostics: [...parsed.diagnostics, ...diagnostics], locate: parsed.locate };
}

/**
 * Reads and validates a guideline file, and checks its `voice.banned` patterns for catastrophic
 * backtracking (`guidelines/unsafe-regex`, see src/core/regex-safety.ts). Never throws: an
 * unreadable file is a `file/unreadable` diagnostic.
 */
export async function loadGuidelines(file: string): Promise<GuidelinesResult> {
  const read = await readTextFile(file);
  if (!read.ok) return { guidelines: null, diagnostics: [read.diagnostic], locate: noLocate };
  const result = parseGuidelines(read.text, file);
  const unsafe = await unsafePatternDiagnostics(result, file);
  return unsafe.length > 0 ? { guidelines: null, diagnostics: [...result.diagnostics, ...unsafe], locate: result.locate } : result;
}

async function unsafePatternDiagnostics(result: GuidelinesResult, file: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const banned = result.guidelines?.voice?.banned ?? [];
  for (const [index, entry] of banned.entries()) {
    if (entry.pattern === undefined) continue;
    const hazard = await findBacktrackingHazard(entry.pattern, entry.caseSensitive ? 'gu' : 'giu');
    if (hazard) {
      diagnostics.push({
        ruleId: 'guidelines/unsafe-regex',
        severity: 'error',
        message: describeHazard(entry.pattern, hazard),
        file,
        range: result.locate(['voice', 'banned', index, 'pattern']),
      });
    }
  }
  return diagnostics;
}
