/**
 * One length check shared by rules whose unit is a single piece of text with a min/max length
 * (a page title, a meta description): reports the part past the maximum, or the whole text
 * under the minimum.
 */
import type { ProseScope } from '../../src/core/document.js';
import { rangeOf } from '../../src/core/message-text.js';
import type { SourceCode } from '../../src/core/source-code.js';
import type { RuleReport } from '../../src/core/rule.js';
import { characterLength, characterUnits, overflowStart } from './measure.js';

export interface LengthLimits {
  maxLength?: number | undefined;
  minLength?: number | undefined;
}

export function checkTextLength(
  source: SourceCode,
  scope: ProseScope,
  limits: LengthLimits,
  templateTagLength: number,
  report: (report: RuleReport) => void,
): void {
  const { maxLength, minLength } = limits;
  if (maxLength === undefined && minLength === undefined) return;
  const { document } = source;
  for (const text of source.messageTexts([scope])) {
    const length = characterLength(text, templateTagLength);
    if (maxLength !== undefined && length > maxLength) {
      const start = overflowStart(characterUnits(text, templateTagLength), maxLength) ?? 0;
      report({
        messageId: 'tooLong',
        data: { length, limit: maxLength },
        range: rangeOf(document, text, start, text.text.length),
        actual: String(length),
        expected: [`<= ${maxLength}`],
      });
    } else if (minLength !== undefined && length < minLength) {
      report({
        messageId: 'tooShort',
        data: { length, limit: minLength },
        range: rangeOf(document, text, 0, text.text.length),
        actual: String(length),
        expected: [`>= ${minLength}`],
      });
    }
  }
}
