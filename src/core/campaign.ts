import type { Channel } from './channels.js';
import type { Range } from './position.js';

/**
 * Cross-channel consistency data shared by the engine, the formatters and the reports.
 * A fact is something a campaign's content states (an offer, a code, a deadline, ...);
 * facts are extracted per file (so they can be cached and merged across shards) and
 * compared per campaign.
 */

/** The kinds of fact compared across a campaign's channels (the matrix columns, in this order). */
export const FACT_KINDS = ['offer', 'code', 'date', 'link', 'cta', 'product', 'price', 'phone', 'hashtag'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One fact stated in one file, with its normalised value (`20%`, `2027-03-31`, `https://northwind.example/spring`). */
export interface Fact {
  kind: FactKind;
  /** Normalised value: what is compared across channels. */
  value: string;
  /** The text as written (`8 折`, `31. März`). */
  text: string;
  file: string;
  range: Range;
  /** The message (email, post, bot response) it appears in. */
  messageId?: string;
  detail?: FactDetail;
}

/** Where a campaign's reference value for a fact kind comes from. */
export type ReferenceSource = 'brief' | 'majority' | 'tie';

/** One cell of the consistency matrix: what one channel states for one fact kind. */
export interface MatrixCell {
  channel: Channel;
  fact: FactKind;
  /** The distinct values the channel states (empty: the channel does not state this fact). */
  values: string[];
  /** True: agrees with the reference; false: disagrees (or misses a fact most channels carry); null: nothing to compare. */
  agrees: boolean | null;
}

/** The consistency matrix of one campaign: channels x facts. */
export interface CampaignMatrix {
  campaign: string;
  /** The brief file, when the campaign has one. */
  brief?: string;
  channels: Array<{ channel: Channel; files: string[] }>;
  facts: FactKind[];
  reference: Partial<Record<FactKind, { values: string[]; source: ReferenceSource }>>;
  cells: MatrixCell[];
}

/** Where a date fact sits in a campaign: a deadline (`ends March 31`), a start (`from March 1`), or just a date. */
export type DateRole = 'end' | 'start' | 'date';

/** Extra detail of some facts. */
export interface FactDetail {
  /** Date facts: deadline, start or plain date. */
  dateRole?: DateRole;
  /** Link facts: the `utm_*` parameters, compared separately from the URL. */
  utm?: Record<string, string>;
  /** Link facts: the visible text of the link. */
  linkText?: string;
}

/**
 * How one file reads, in raw counts (so shards and caches can merge them and the campaign phase
 * can compute rates): what `channel-tone-drift` compares across a campaign's channels.
 */
export interface ToneSample {
  locale: string;
  words: number;
  sentences: number;
  /** English syllables (reading grade); 0 when the prose is not English. */
  syllables: number;
  contractions: number;
  secondPerson: number;
  /** Stiff or formal words (`purchase`, `hereby`, `kindly`, ...). */
  formalWords: number;
  exclamations: number;
  emoji: number;
  /** The sentence with the most exclamation marks, emoji and formal words (else the first): where a drift finding points. */
  anchor: Range | null;
}

/** A color or font family a file uses, normalised (`#1d4ed8`, `inter`), and where. */
export interface StyleUse {
  value: string;
  /** As written. */
  text: string;
  range: Range;
}

/** Colors and font families a file uses (from `document.styles`). */
export interface VisualSample {
  colors: StyleUse[];
  fonts: StyleUse[];
}

/** What the campaign phase needs of one file: extracted during the per-file lint, cacheable. */
export interface CampaignFileData {
  campaign: string;
  /** Where the file names its campaign (front matter, `<meta>`, `utm_campaign`); null when config assigns it. */
  campaignRange: Range | null;
  /** The document's date (ISO), when known: relative dates were resolved against it. */
  date?: string;
  /** The messages of the file that belong to the campaign; absent: the whole file. */
  messageIds?: string[];
  tone: ToneSample;
  visual: VisualSample;
}

/** One file of a campaign as campaign rules see it. */
export interface CampaignMember {
  file: string;
  absolutePath: string;
  channel: Channel;
  facts: Fact[];
  data: CampaignFileData;
  /** False for siblings loaded only as reference (partial runs): never reported on. */
  reported: boolean;
}

/** The reference value(s) of one fact kind and where they appear. */
export interface FactReference {
  kind: FactKind;
  source: ReferenceSource;
  /** Normalised values (several for a tie, or a brief listing several). */
  values: string[];
  /** Places that state the reference values (the brief's line, the agreeing channels' facts). */
  locations: Array<{ file: string; range: Range | null; value: string; text?: string; channel?: Channel }>;
  /** For a tie: members per tied value. */
  tiedBy?: Record<string, string[]>;
}

/** A campaign brief, loaded and normalised. */
export interface CampaignBrief {
  id: string;
  file: string;
  name?: string;
  /** Facts the brief states, normalised like content facts; ranges point into the brief. */
  facts: Fact[];
}

/** A campaign as campaign rules see it: its members, brief and the reference of each fact kind. */
export interface CampaignView {
  id: string;
  brief: CampaignBrief | null;
  members: CampaignMember[];
  references: Partial<Record<FactKind, FactReference>>;
}
