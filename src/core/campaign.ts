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
}

/** Where a campaign's reference value for a fact kind comes from. */
export type ReferenceSource = 'brief' | 'majority' | 'tie' | 'none';

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
