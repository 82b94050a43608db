/**
 * Campaign briefs: `<briefs folder>/<campaign id>.yaml` (or `.yml`), the source of truth a
 * campaign's channels must agree with. Validated strictly (unknown keys are errors with a
 * did-you-mean, every problem positioned in the brief); each value is normalised the way the
 * same fact is normalised in content, so `offer: 20 % off` and `20% off` in an email agree.
 *
 * ```yaml
 * name: Spring Sale
 * offer: 20% off            # or a list: [20% off, free shipping]
 * code: SPRING20
 * start: 2027-03-01
 * end: 2027-03-31
 * landingUrl: https://www.northwind.example/spring-sale
 * cta: Shop the sale
 * products: [TrailMate]
 * ```
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { CampaignBrief, Fact, FactKind } from '../core/campaign.js';
import { parseDataFile, validateData, type Locate } from '../core/data-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Range } from '../core/position.js';
import { extractOffers, normaliseCallToAction, normalisePhone, normaliseUrl } from './facts/index.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date such as 2027-03-31')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), 'no such day');
const oneOrMoreOf = (item: z.ZodString) => z.union([item, z.array(item).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));
const oneOrMore = oneOrMoreOf(z.string().min(1));

export const briefSchema = z.strictObject({
  /** The campaign id; when given it must be the file's name. */
  id: z.string().min(1).optional(),
  /** A human name, for reports. */
  name: z.string().min(1).optional(),
  /** The offer(s): `20% off`, `$10 off`, `buy one get one`, `free shipping`. */
  offer: oneOrMore.optional(),
  /** The promo code(s). */
  code: oneOrMore.optional(),
  /** First day of the campaign. */
  start: isoDate.optional(),
  /** Last day of the campaign: the deadline content states. */
  end: isoDate.optional(),
  /** The landing page's URL. */
  landingUrl: z.string().min(1).optional(),
  /** The call to action (button text), or several. */
  cta: oneOrMore.optional(),
  /** Products the campaign is about (the guidelines' `voice.names` terms). */
  products: oneOrMore.optional(),
  /** A phone number content may give. */
  phone: z.string().min(1).optional(),
  /** Hashtags of the campaign. */
  hashtags: oneOrMoreOf(z.string().regex(/^#[\p{L}\p{N}_]+$/u, 'expected a hashtag such as #SpringSale')).optional(),
  /** Locale the brief's values are written in (for `20,5 %` style numbers). Default `en`. */
  locale: z.string().min(1).optional(),
});

export type BriefInput = z.input<typeof briefSchema>;

export interface LoadedBrief {
  /** Display path. */
  file: string;
  brief: CampaignBrief | null;
  diagnostics: Diagnostic[];
}

/** The brief file of a campaign in `folder`, if there is one (`.yaml` before `.yml`). */
export async function findBriefFile(folder: string, campaign: string): Promise<{ absolutePath: string; text: string } | null> {
  if (!/^[\p{L}\p{N}._-]+$/u.test(campaign)) return null;
  for (const extension of ['.yaml', '.yml']) {
    const absolutePath = path.join(folder, `${campaign}${extension}`);
    try {
      return { absolutePath, text: await readFile(absolutePath, 'utf8') };
    } catch {
      // No brief with this extension.
    }
  }
  return null;
}

/** Parses and validates a brief; never throws. */
export function parseBrief(text: string, file: string, campaign: string): LoadedBrief {
  const parsed = parseDataFile(text, file, { format: 'yaml', ruleIdPrefix: 'brief' });
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { file, brief: null, diagnostics: parsed.diagnostics };
  const { value: valid, diagnostics } = validateData(briefSchema, parsed.data ?? {}, parsed.locate, file, 'brief');
  // The keys the schema accepted are still read, so one run lists every problem of the brief.
  const value = valid ?? acceptedPart(parsed.data);
  if (!value) return { file, brief: null, diagnostics: [...parsed.diagnostics, ...diagnostics] };
  const problems: Diagnostic[] = [...parsed.diagnostics, ...diagnostics];
  const locate = parsed.locate;
  const problem = (at: Array<string | number>, message: string) =>
    problems.push({ ruleId: 'brief/invalid-value', severity: 'error', message, file, range: locate(at) });

  if (value.id !== undefined && value.id !== campaign) problem(['id'], `the brief of campaign "${campaign}" says its id is "${value.id}"`);
  if (value.start && value.end && value.start > value.end) problem(['end'], `end ${value.end} is before start ${value.start}`);

  const facts: Fact[] = [];
  const locale = value.locale ?? 'en';
  const add = (kind: FactKind, at: Array<string | number>, text: string, normalised: string | null, what: string, extra: Partial<Fact> = {}) => {
    if (normalised === null || normalised === '') {
      problem(at, `"${text}" is not ${what}`);
      return;
    }
    facts.push({ kind, value: normalised, text, file, range: rangeOf(locate, at), ...extra });
  };
  const listPath = (key: string, index: number, raw: unknown) => (Array.isArray(raw) ? [key, index] : [key]);
  const raw = (parsed.data ?? {}) as Record<string, unknown>;

  value.offer?.forEach((offer, index) => {
    const found = extractOffers(offer, { locale });
    add('offer', listPath('offer', index, raw.offer), offer, found.length === 1 ? found[0]!.value : null, 'one offer brandlint can read (such as "20% off", "$10 off", "buy one get one", "free shipping")');
  });
  value.code?.forEach((code, index) => {
    add('code', listPath('code', index, raw.code), code, /^[\p{L}\p{N}][\p{L}\p{N}_-]{2,23}$/u.test(code) ? code.toUpperCase() : null, 'a promo code (letters, digits, "-" and "_")');
  });
  if (value.start) facts.push({ kind: 'date', value: value.start, text: value.start, file, range: rangeOf(locate, ['start']), detail: { dateRole: 'start' } });
  if (value.end) facts.push({ kind: 'date', value: value.end, text: value.end, file, range: rangeOf(locate, ['end']), detail: { dateRole: 'end' } });
  if (value.landingUrl) add('link', ['landingUrl'], value.landingUrl, normaliseUrl(value.landingUrl)?.value ?? null, 'an http(s) URL');
  value.cta?.forEach((cta, index) => add('cta', listPath('cta', index, raw.cta), cta, normaliseCallToAction(cta, locale), 'a call to action'));
  value.products?.forEach((product, index) => add('product', listPath('products', index, raw.products), product, product, 'a product name'));
  if (value.phone) add('phone', ['phone'], value.phone, normalisePhone(value.phone), 'a phone number');
  value.hashtags?.forEach((tag, index) => add('hashtag', listPath('hashtags', index, raw.hashtags), tag, tag.toLowerCase(), 'a hashtag'));

  const brief: CampaignBrief = {
    id: campaign,
    file,
    ...(value.name !== undefined ? { name: value.name } : {}),
    facts,
  };
  return { file, brief: problems.some((d) => d.severity === 'error') ? null : brief, diagnostics: problems };
}

/** The brief without the keys the schema rejects (unknown keys, unreadable values); null when it is not a mapping. */
function acceptedPart(data: unknown): z.output<typeof briefSchema> | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const rejected = new Set<PropertyKey>();
  for (const issue of briefSchema.safeParse(data).error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => rejected.add(key));
    else if (issue.path[0] !== undefined) rejected.add(issue.path[0]);
  }
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !rejected.has(key)));
  return briefSchema.safeParse(rest).data ?? null;
}

function rangeOf(locate: Locate, at: Array<string | number>): Range {
  return locate(at) ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}
