/**
 * What the campaign mismatch rules share: compare the facts of one kind in every file of a
 * campaign with the campaign's reference (brief, majority or tie) and report the places that
 * disagree, each with related locations where the reference value appears.
 */
import type { CampaignMember, CampaignView, Fact, FactKind, FactReference } from './campaign.js';
import type { RelatedLocation } from './diagnostic.js';
import type { CampaignRuleContext } from './rule.js';

/** The facts of a member that take part in comparisons of a kind: for dates, the deadlines. */
export function comparableFacts(member: Pick<CampaignMember, 'facts'>, kind: FactKind): Fact[] {
  return member.facts.filter((fact) => fact.kind === kind && (kind !== 'date' || fact.detail?.dateRole === 'end'));
}

const PER_FILE_KINDS: ReadonlySet<FactKind> = new Set(['link', 'cta']);

/** Kinds whose absence in a file is a gap when most files state them: `campaign-missing-fact`'s default, and the gaps the matrix marks. */
export const EXPECTED_FACT_KINDS: readonly FactKind[] = ['offer', 'code', 'date', 'link'];
/** Campaigns with fewer files have no gaps (with two files, "most" is both). */
export const MIN_FILES_FOR_GAPS = 3;

/**
 * The members stating a kind when more than half of the campaign's files do (and it has at least
 * `minFiles` files): then the other members lack it. Null otherwise.
 */
export function mostStating(campaign: Pick<CampaignView, 'members'>, kind: FactKind, minFiles = MIN_FILES_FOR_GAPS): CampaignMember[] | null {
  const total = campaign.members.length;
  if (total < minFiles) return null;
  const stating = campaign.members.filter((member) => comparableFacts(member, kind).length > 0);
  return stating.length * 2 > total ? stating : null;
}

/**
 * The facts of `kind` in a member that disagree with the reference values. Offers, codes and
 * deadlines are judged per message (an email, a post, a bot reply, a scheduler row): a message
 * that states the fact but never the reference value disagrees even when another message of the
 * same file agrees. A message (for links and calls to action: a file) that states the reference
 * value agrees, whatever else it states.
 */
export function disagreeingFacts(member: Pick<CampaignMember, 'facts'>, kind: FactKind, values: readonly string[]): Fact[] {
  const byMessage = new Map<string, Fact[]>();
  // Links and calls to action are judged per file: a bot's replies each have their own buttons
  // and links (a size guide, a store finder) and the campaign's one among them is enough.
  const perMessage = !PER_FILE_KINDS.has(kind);
  for (const fact of comparableFacts(member, kind)) {
    const key = perMessage ? (fact.messageId ?? '') : '';
    const facts = byMessage.get(key);
    if (facts) facts.push(fact);
    else byMessage.set(key, [fact]);
  }
  return [...byMessage.values()].flatMap((facts) => (facts.some((fact) => values.includes(fact.value)) ? [] : facts));
}

/** How a reference is described in messages: `brief campaigns/spring-sale.yaml`, `3 of 4 files: email, landing, chatbot`. */
export function describeReference(campaign: CampaignView, reference: FactReference): string {
  if (reference.source === 'brief') return `brief ${campaign.brief?.file ?? ''}`.trim();
  const backers = campaign.members.filter((member) => comparableFacts(member, reference.kind).some((fact) => reference.values.includes(fact.value)));
  return `${backers.length} of ${campaign.members.length} files: ${[...new Set(backers.map((member) => member.channel))].join(', ')}`;
}

/**
 * Related locations a finding lists at most. Every disagreeing file of a campaign would otherwise
 * list every agreeing one: a campaign of 1,000 files wrote a 460 MB JSON report. The message says
 * how many files back the reference (see {@link describeReference}).
 */
export const MAX_RELATED_LOCATIONS = 10;

/** Related locations of the reference values, other than in `exceptFile`: the first {@link MAX_RELATED_LOCATIONS}. */
export function referenceLocations(reference: FactReference, exceptFile: string, label: string): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const location of reference.locations) {
    if (location.file === exceptFile) continue;
    if (related.length === MAX_RELATED_LOCATIONS) break;
    related.push({
      file: location.file,
      range: location.range,
      message: location.channel ? `the ${location.channel} channel states ${label} ${location.value}` : `the brief states ${label} ${location.value}`,
    });
  }
  return related;
}

const quote = (values: readonly string[]) => values.map((value) => `"${value}"`).join(' or ');

/**
 * Reports every fact of `kind` in a member that states the fact but never the reference value
 * (message id `mismatch`; data `actual`, `expected`, `reference`), and for a tie the first fact
 * of every member taking a side (message id `tie`; data `actual`, `sides`).
 */
export function reportDisagreements(context: CampaignRuleContext<unknown>, kind: FactKind, label: string): void {
  const { campaign } = context;
  const reference = campaign.references[kind];
  if (!reference) return;
  // The same for every member: worked out once (each reads every member).
  let described: string | undefined;
  let sides: string | undefined;
  let expected: readonly string[] | undefined;
  const channelOf = new Map(campaign.members.map((member) => [member.file, member.channel]));
  for (const member of campaign.members) {
    const facts = comparableFacts(member, kind);
    if (facts.length === 0) continue;
    if (reference.source === 'tie') {
      const own = facts[0]!;
      sides ??= Object.entries(reference.tiedBy ?? {})
        .map(([value, files]) => `"${value}" (${files.map((file) => channelOf.get(file) ?? file).join(', ')})`)
        .join(' vs ');
      context.report({
        file: member.file,
        messageId: 'tie',
        data: { actual: own.value, sides },
        range: own.range,
        actual: own.value,
        expected: reference.values,
        related: referenceLocations({ ...reference, locations: reference.locations.filter((location) => location.value !== own.value) }, member.file, label),
      });
      continue;
    }
    for (const fact of disagreeingFacts(member, kind, reference.values)) {
      // Calls to action compare normalised (lower case) but read best as written.
      expected ??= kind === 'cta' ? reference.values.map((value) => reference.locations.find((location) => location.value === value)?.text ?? value) : reference.values;
      context.report({
        file: member.file,
        messageId: 'mismatch',
        data: { actual: kind === 'cta' ? fact.text : fact.value, expected: quote(expected), reference: (described ??= describeReference(campaign, reference)) },
        range: fact.range,
        actual: fact.value,
        expected: reference.values,
        related: referenceLocations(reference, member.file, label),
      });
    }
  }
}
