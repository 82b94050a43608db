import type { Rule } from '../src/core/rule.js';

/**
 * The rule catalogue: rule id -> lazy loader. Loading is deferred so that a run pays only for
 * the rules it enables (stylelint's `lib/rules/index.mjs` does the same). Each rule lives in
 * `rules/<rule-id>/index.ts` with its README beside it.
 */
/** Options differ per rule; the engine validates them with each rule's own schema before use. Document and campaign rules alike. */
export type AnyDocumentRule = Rule<unknown>;

export const RULE_LOADERS: Readonly<Record<string, () => Promise<AnyDocumentRule>>> = {
  'font-family-off-brand': async () => (await import('./font-family-off-brand/index.js')).default,
  'font-size-off-scale': async () => (await import('./font-size-off-scale/index.js')).default,
  'font-weight-off-brand': async () => (await import('./font-weight-off-brand/index.js')).default,
  'logo-unapproved-asset': async () => (await import('./logo-unapproved-asset/index.js')).default,
  'logo-too-small': async () => (await import('./logo-too-small/index.js')).default,
  'logo-alt-text': async () => (await import('./logo-alt-text/index.js')).default,
  'color-off-palette': async () => (await import('./color-off-palette/index.js')).default,
  'color-contrast': async () => (await import('./color-contrast/index.js')).default,
  'token-unknown-reference': async () => (await import('./token-unknown-reference/index.js')).default,
  'campaign-offer-mismatch': async () => (await import('./campaign-offer-mismatch/index.js')).default,
  'campaign-code-mismatch': async () => (await import('./campaign-code-mismatch/index.js')).default,
  'campaign-date-mismatch': async () => (await import('./campaign-date-mismatch/index.js')).default,
  'campaign-link-mismatch': async () => (await import('./campaign-link-mismatch/index.js')).default,
  'campaign-cta-mismatch': async () => (await import('./campaign-cta-mismatch/index.js')).default,
  'campaign-missing-fact': async () => (await import('./campaign-missing-fact/index.js')).default,
  'channel-tone-drift': async () => (await import('./channel-tone-drift/index.js')).default,
  'channel-visual-drift': async () => (await import('./channel-visual-drift/index.js')).default,
  'email-subject-length': async () => (await import('./email-subject-length/index.js')).default,
  'email-preheader': async () => (await import('./email-preheader/index.js')).default,
  'prose-style': async () => (await import('./prose-style/index.js')).default,
  'social-post-length': async () => (await import('./social-post-length/index.js')).default,
  'social-hashtags': async () => (await import('./social-hashtags/index.js')).default,
  'social-mentions': async () => (await import('./social-mentions/index.js')).default,
  'sms-length': async () => (await import('./sms-length/index.js')).default,
  'emoji-not-allowed': async () => (await import('./emoji-not-allowed/index.js')).default,
  'chatbot-reply-length': async () => (await import('./chatbot-reply-length/index.js')).default,
  'chatbot-buttons': async () => (await import('./chatbot-buttons/index.js')).default,
  'page-title-length': async () => (await import('./page-title-length/index.js')).default,
  'meta-description-length': async () => (await import('./meta-description-length/index.js')).default,
};

export const RULE_IDS: readonly string[] = Object.keys(RULE_LOADERS);

export async function loadRule(id: string): Promise<AnyDocumentRule | undefined> {
  return RULE_LOADERS[id]?.();
}
