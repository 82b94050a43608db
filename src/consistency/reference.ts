/**
 * The reference value of each fact kind in a campaign: what the brief says, else what most of
 * the campaign's files state. A tie (no single majority) is a reference of its own kind, so rules
 * can report it as such instead of picking a side.
 */
import { FACT_KINDS, type CampaignBrief, type CampaignMember, type FactKind, type FactReference } from '../core/campaign.js';
import { comparableFacts } from '../core/campaign-check.js';

/** The distinct comparable values a member states for a kind. */
export function valuesOf(member: Pick<CampaignMember, 'facts'>, kind: FactKind): Set<string> {
  return new Set(comparableFacts(member, kind).map((fact) => fact.value));
}

export function computeReferences(members: readonly CampaignMember[], brief: CampaignBrief | null): Partial<Record<FactKind, FactReference>> {
  const references: Partial<Record<FactKind, FactReference>> = {};
  for (const kind of FACT_KINDS) {
    const reference = referenceOf(kind, members, brief);
    if (reference) references[kind] = reference;
  }
  return references;
}

function referenceOf(kind: FactKind, members: readonly CampaignMember[], brief: CampaignBrief | null): FactReference | null {
  const briefFacts = brief ? comparableFacts(brief, kind) : [];
  const locationsOf = (values: ReadonlySet<string>) =>
    members.flatMap((member) => {
      const fact = comparableFacts(member, kind).find((candidate) => values.has(candidate.value));
      return fact ? [{ file: member.file, range: fact.range, value: fact.value, text: fact.text, channel: member.channel }] : [];
    });

  if (briefFacts.length > 0) {
    const values = [...new Set(briefFacts.map((fact) => fact.value))];
    return {
      kind,
      source: 'brief',
      values,
      locations: [...briefFacts.map((fact) => ({ file: fact.file, range: fact.range, value: fact.value, text: fact.text })), ...locationsOf(new Set(values))],
    };
  }

  const stating = members.map((member) => ({ member, values: valuesOf(member, kind) })).filter((entry) => entry.values.size > 0);
  if (stating.length === 0) return null;
  const counts = new Map<string, number>();
  for (const { values } of stating) for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const winners = [...counts].filter(([, count]) => count === top).map(([value]) => value).sort();
  // Several values are only a tie when different files back them; files that all state the same two values agree.
  const split = winners.length > 1 && stating.some(({ values }) => !winners.every((value) => values.has(value)));
  if (!split) return { kind, source: 'majority', values: winners, locations: locationsOf(new Set(winners)) };
  const tiedBy: Record<string, string[]> = {};
  for (const value of winners) tiedBy[value] = stating.filter(({ values }) => values.has(value)).map(({ member }) => member.file);
  return { kind, source: 'tie', values: winners, locations: locationsOf(new Set(winners)), tiedBy };
}

/** Fills in the year of dates written without one (`--03-31`) from the brief, else from the campaign's other dates. */
export function completeYears(members: readonly CampaignMember[], brief: CampaignBrief | null): void {
  const years = new Map<string, number>();
  for (const member of members) {
    for (const fact of member.facts) {
      if (fact.kind === 'date' && /^\d{4}-/.test(fact.value)) years.set(fact.value.slice(0, 4), (years.get(fact.value.slice(0, 4)) ?? 0) + 1);
    }
  }
  const common = [...years].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  // The brief's end date, else its start date.
  const briefDate = brief ? (comparableFacts(brief, 'date')[0] ?? brief.facts.find((fact) => fact.kind === 'date')) : undefined;
  const year = briefDate?.value.slice(0, 4) ?? common;
  if (!year) return;
  for (const member of members) {
    member.facts = member.facts.map((fact) => (fact.kind === 'date' && fact.value.startsWith('--') ? { ...fact, value: `${year}${fact.value.slice(1)}` } : fact));
  }
}
