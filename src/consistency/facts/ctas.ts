/**
 * Calls to action: the text of a document's call-to-action links and buttons, normalised so
 * that `Shop the sale →`, `SHOP THE SALE` and `Shop the sale!` compare equal.
 */
export function normaliseCallToAction(text: string, locale = 'en'): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s→›»>·•\-–—:!.…]+|[\s→›»>·•\-–—:!.…?]+$/gu, '')
    .toLocaleLowerCase(locale);
}
