/**
 * How a file reads, as raw counts over its prose (body, headings, calls to action, posts, bot
 * replies; not alt text): words, sentences, syllables, contractions, second-person words, formal
 * words, exclamation marks and emoji. `channel-tone-drift` turns them into rates and compares
 * them across a campaign and with the brand's voice targets.
 */
import type { ToneSample } from '../core/campaign.js';
import type { ProseScope } from '../core/document.js';
import { isEnglish, languageOf, proseRange, type MessageProse } from '../core/prose.js';
import type { ContentDocument } from '../core/document.js';
import type { Range } from '../core/position.js';

const TONE_SCOPES: ReadonlySet<ProseScope> = new Set(['subject', 'preheader', 'title', 'heading', 'body', 'cta', 'button', 'link', 'bot-reply', 'post', 'paragraph', 'list', 'table']);

const CONTRACTION = /^(?:\p{L}+n['’]t|\p{L}+['’](?:re|ve|ll|m|d)|(?:it|that|let|here|there|what|who|where|how|she|he)['’]s)$/iu;
const SECOND_PERSON: Record<string, RegExp> = {
  en: /^(?:you|your|yours|yourself|yourselves|you['’](?:re|ve|ll|d))$/i,
  de: /^(?:du|dich|dir|dein|deine|deinen|deinem|deiner|ihr|euch|euer|eure|sie|ihnen|ihre|ihren|ihrem)$/i,
  fr: /^(?:tu|toi|te|ton|ta|tes|vous|votre|vos)$/i,
  es: /^(?:tú|tu|tus|te|ti|usted|ustedes|su|sus|vosotros)$/i,
  zh: /^(?:你|您|你们|您们|你的|您的)$/,
};
const FORMAL_WORDS: Record<string, RegExp> = {
  en: /^(?:purchase|purchases|utilize|utilise|hereby|herein|therefore|thus|furthermore|moreover|pursuant|kindly|esteemed|valued|commence|endeavor|endeavour|regarding|accordance|pleased|advised|henceforth|aforementioned|obtain|facilitate|additionally|assistance|inquire|enquire|require|sincerely|shall|whereby|customers|patronage|notwithstanding)$/i,
  de: /^(?:hiermit|gemäß|bezüglich|diesbezüglich|erwerben|ferner|zudem|werte[rn]?|hochachtungsvoll|verbleiben|ersuchen)$/i,
  fr: /^(?:veuillez|conformément|ci-joint|néanmoins|toutefois|cordialement|distingués|acquérir|susmentionné)$/i,
  zh: /^(?:敬请|谨|兹|贵|惠顾|垂询|届时|务必)$/,
};
/** Emoji, not the ©, ® and ™ signs (pictographic by Unicode, but typography in copy). */
const EMOJI = /(?![\u00a9\u00ae\u2122])\p{Extended_Pictographic}/gu;
const EXCLAMATION = /[!！]/g;

/** Counts the tone of some messages of a document (all when `messageIds` is absent). */
export function toneSampleOf(
  document: ContentDocument,
  prose: readonly MessageProse[],
  countSyllables: (word: string) => number,
  messageIds?: ReadonlySet<string>,
): ToneSample {
  const sample: ToneSample = { locale: 'en', words: 0, sentences: 0, syllables: 0, contractions: 0, secondPerson: 0, formalWords: 0, exclamations: 0, emoji: 0, anchor: null };
  let anchorScore = -1;
  let firstLocale: string | undefined;
  for (const message of prose) {
    if (messageIds && !messageIds.has(message.message.id)) continue;
    for (const run of message.runs) {
      if (!TONE_SCOPES.has(run.scope)) continue;
      firstLocale ??= run.locale;
      const language = languageOf(run.locale);
      const english = isEnglish(run.locale);
      const second = SECOND_PERSON[language];
      const formal = FORMAL_WORDS[language];
      const { sentences, sentenceWords } = run;
      for (let index = 0; index < sentences.length; index++) {
        const sentence = sentences[index]!;
        const words = sentenceWords[index]!;
        if (words.length === 0) continue;
        sample.sentences += 1;
        sample.words += words.length;
        let score = 0;
        for (const word of words) {
          if (english) sample.syllables += countSyllables(word.text);
          if (english && CONTRACTION.test(word.text)) sample.contractions += 1;
          if (second?.test(word.text)) sample.secondPerson += 1;
          if (formal?.test(word.text)) {
            sample.formalWords += 1;
            score += 1;
          }
        }
        const exclamations = sentence.text.match(EXCLAMATION)?.length ?? 0;
        const emoji = run.run.text.slice(sentence.start, sentence.end).match(EMOJI)?.length ?? 0;
        sample.exclamations += exclamations;
        sample.emoji += emoji;
        score += exclamations + emoji;
        if (score > anchorScore) {
          anchorScore = score;
          sample.anchor = proseRange(document, run, sentence.start, sentence.end) satisfies Range;
        }
      }
    }
  }
  sample.locale = firstLocale ?? 'en';
  return sample;
}
