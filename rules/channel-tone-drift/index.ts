import * as z from 'zod';
import type { CampaignMember, ToneSample } from '../../src/core/campaign.js';
import { languageOf } from '../../src/core/prose.js';
import { defineCampaignRule } from '../../src/core/rule.js';
import type { BrandModel } from '../../src/tokens/brand-model.js';

const options = z.strictObject({
  /** Files with fewer words are not judged (too little text to have a tone). */
  minWords: z.number().int().min(1).default(15),
  /** How many measures must drift from the other channels for a finding; one that also misses the brand's voice target counts twice. */
  minSignals: z.number().int().min(1).default(2),
  /** Differences from the other channels' median that count as drift. */
  exclamationsPerSentence: z.number().positive().default(0.3),
  emojiPer100Words: z.number().positive().default(3),
  readingGrade: z.number().positive().default(3),
  wordsPerSentence: z.number().positive().default(8),
  /** Formal words, contractions and second-person words per 100 words. */
  formalWordsPer100Words: z.number().positive().default(3),
  contractionsPer100Words: z.number().positive().default(8),
  secondPersonPer100Words: z.number().positive().default(8),
});

type Options = z.infer<typeof options>;

interface Measures {
  exclamationsPerSentence: number;
  emojiPer100Words: number;
  /** Flesch-Kincaid grade (English only). */
  readingGrade: number | null;
  wordsPerSentence: number;
  formalWordsPer100Words: number;
  contractionsPer100Words: number;
  secondPersonPer100Words: number;
}

function measure(tone: ToneSample): Measures {
  const per100 = (count: number) => (count * 100) / tone.words;
  return {
    exclamationsPerSentence: tone.exclamations / tone.sentences,
    emojiPer100Words: per100(tone.emoji),
    readingGrade: tone.syllables > 0 ? Math.max(0, 0.39 * (tone.words / tone.sentences) + 11.8 * (tone.syllables / tone.words) - 15.59) : null,
    wordsPerSentence: tone.words / tone.sentences,
    formalWordsPer100Words: per100(tone.formalWords),
    contractionsPer100Words: per100(tone.contractions),
    secondPersonPer100Words: per100(tone.secondPerson),
  };
}

const LABELS: Record<keyof Measures, string> = {
  exclamationsPerSentence: 'exclamation marks per sentence',
  emojiPer100Words: 'emoji per 100 words',
  readingGrade: 'reading grade',
  wordsPerSentence: 'words per sentence',
  formalWordsPer100Words: 'formal words per 100 words',
  contractionsPer100Words: 'contractions per 100 words',
  secondPersonPer100Words: '"you" per 100 words',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/** What the brand's voice says about a measure in a channel, when it says something. */
function brandTarget(key: keyof Measures, value: number, member: CampaignMember, brand: BrandModel | null): string | null {
  const voice = brand?.voice;
  if (!voice) return null;
  if (key === 'readingGrade') {
    const max = voice.readingGrade?.[member.channel];
    return max !== undefined && value > max ? `brand max for ${member.channel} ${max}` : null;
  }
  if (key === 'contractionsPer100Words' && voice.tone) {
    if (voice.tone.contractions === 'preferred' && value === 0) return 'the brand prefers contractions';
    if (voice.tone.contractions === 'avoid' && value > 0) return 'the brand avoids contractions';
  }
  if (key === 'formalWordsPer100Words' && voice.tone?.formality === 'casual' && value > 0) return 'the brand voice is casual';
  if (key === 'emojiPer100Words' && value > 0 && voice.emoji) {
    const allowed = voice.emoji.allowed;
    if (allowed === false || (Array.isArray(allowed) && !allowed.includes(member.channel))) return `the brand uses no emoji in ${member.channel}`;
  }
  return null;
}

/**
 * One channel of a campaign reads unlike the others: it drifts from the median of the campaign's
 * other channels on several measures (exclamation and emoji density, reading grade, sentence
 * length, formality: formal words, contractions, second person); a measure that also misses the
 * brand's voice targets counts twice. A measure drifts when it lies outside the range of the
 * other channels and further from their median than its threshold. The finding gives the numbers and points at the file's most
 * telling sentence.
 */
export default defineCampaignRule({
  meta: {
    id: 'channel-tone-drift',
    description: "A channel of a campaign sounds unlike the campaign's other channels and the brand's voice.",
    category: 'consistency',
    fixable: false,
    defaultLevel: 'warn',
    options,
    messages: {
      drift: 'the {channel} copy reads unlike the rest of campaign "{campaign}": {measures}',
    },
  },
  checkCampaign(context) {
    const { campaign, brand } = context;
    const opts: Options = context.options;
    const judged = campaign.members.filter((member) => member.data.tone.words >= opts.minWords && member.data.tone.sentences > 0);
    if (judged.length < 3) return;
    const measures = new Map(judged.map((member) => [member, measure(member.data.tone)]));
    for (const member of judged) {
      const own = measures.get(member)!;
      // Measures only compare within a language (contractions and reading grade are English measures).
      const language = languageOf(member.data.tone.locale);
      const others = judged.filter((other) => other !== member && languageOf(other.data.tone.locale) === language).map((other) => measures.get(other)!);
      const drifts: string[] = [];
      let brandMisses = 0;
      for (const key of Object.keys(LABELS) as Array<keyof Measures>) {
        const value = own[key];
        const otherValues = others.map((other) => other[key]).filter((v): v is number => v !== null);
        if (value === null || otherValues.length < 2) continue;
        const typical = median(otherValues);
        if (Math.abs(value - typical) <= opts[key]) continue;
        // A channel is measured against the others' spread: drifting is being outside all of them.
        if (value >= Math.min(...otherValues) && value <= Math.max(...otherValues)) continue;
        const target = brandTarget(key, value, member, brand);
        if (target) brandMisses += 1;
        drifts.push(`${round(value)} ${LABELS[key]} (others ${round(typical)}${target ? `; ${target}` : ''})`);
      }
      if (others.length < 2) continue;
      if (drifts.length + brandMisses < opts.minSignals) continue;
      const range = member.data.tone.anchor ?? member.data.campaignRange;
      if (!range) continue;
      context.report({
        file: member.file,
        messageId: 'drift',
        data: { channel: member.channel, campaign: campaign.id, measures: drifts.join(', ') },
        range,
        related: judged
          .filter((other) => other !== member && other.data.tone.anchor)
          .map((other) => ({ file: other.file, range: other.data.tone.anchor, message: `the ${other.channel} copy of the campaign` })),
      });
    }
  },
});
