import { approvedLogoFiles, isDataUri, recogniseLogo, srcFileName } from '../../src/core/logo.js';
import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'logo-unapproved-asset',
    description: 'Images recognised as the logo use an approved logo file.',
    category: 'visual',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      unapproved: '{file} is not an approved logo file; use {approved}',
      inline: 'The logo is an inline data: image, not an approved logo file; use {approved}',
    },
    cannotApply: (brand) => (brand.logos.length > 0 ? null : 'the brand has no logos: list them under `logos.assets` in the guideline file'),
  },
  check({ document, brand, report }) {
    if (!brand || brand.logos.length === 0) return;
    const approved = approvedLogoFiles(brand);
    const approvedText = listOf(approved);
    for (const image of document.images) {
      const logo = recogniseLogo(image, brand);
      if (!logo || logo.asset || !logo.srcKnown) continue;
      // A template tag in the file name hides the file (one in the folder part, like a CDN host, does not).
      const srcStart = image.srcRange.start.offset;
      const raw = document.text.slice(srcStart, image.srcRange.end.offset);
      const pathEnd = raw.search(/[?#]|$/);
      const fileStart = srcStart + raw.lastIndexOf('/', pathEnd - 1) + 1;
      const fileEnd = srcStart + pathEnd;
      if (document.templateRanges.some((range) => range.start.offset < fileEnd && range.end.offset > fileStart)) continue;
      if (isDataUri(image.src)) {
        report({ messageId: 'inline', data: { approved: approvedText }, range: image.srcRange, actual: 'data:', expected: approved });
        continue;
      }
      const file = srcFileName(image.src);
      report({ messageId: 'unapproved', data: { file, approved: approvedText }, range: image.srcRange, actual: file, expected: approved });
    }
  },
});

/** `A, B or C`. */
function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
