import { formatPx } from '../../src/core/css-length.js';
import { recogniseLogo } from '../../src/core/logo.js';
import { defineRule } from '../../src/core/rule.js';

export default defineRule({
  meta: {
    id: 'logo-too-small',
    description: 'Logos are rendered at least as wide as their asset\'s minimum width.',
    category: 'visual',
    fixable: false,
    defaultLevel: 'error',
    messages: {
      tooSmall: 'The {asset} logo is {width} wide; its minimum width is {minWidth}',
      tooSmallUnknown: 'The logo is {width} wide; no approved logo may be narrower than {minWidth}',
    },
    cannotApply: (brand) => (brand.logos.length > 0 ? null : 'the brand has no logos: list them under `logos.assets` in the guideline file'),
  },
  check({ document, brand, report }) {
    if (!brand || brand.logos.length === 0) return;
    const smallest = Math.min(...brand.logos.map((asset) => asset.minWidthPx));
    for (const image of document.images) {
      const width = image.widthPx;
      // Unknown or zero width (a hidden or collapsed image): nothing to compare.
      if (width === undefined || !Number.isFinite(width) || width <= 0) continue;
      const logo = recogniseLogo(image, brand);
      if (!logo) continue;
      const minWidth = logo.asset?.minWidthPx ?? smallest;
      if (!(minWidth > 0) || width >= minWidth) continue;
      const widthRange = image.widthRange;
      if (widthRange && document.templateRanges.some((range) => range.start.offset < widthRange.end.offset && range.end.offset > widthRange.start.offset)) {
        continue;
      }
      report({
        messageId: logo.asset ? 'tooSmall' : 'tooSmallUnknown',
        data: { asset: logo.asset?.id ?? '', width: formatPx(width), minWidth: formatPx(minWidth) },
        range: widthRange ?? image.range,
        actual: formatPx(width),
        expected: [`>= ${formatPx(minWidth)}`],
      });
    }
  },
});
