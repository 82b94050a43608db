/** The content channels brandlint lints. A new channel is one adapter in src/channels/. */
export const CHANNELS = ['email', 'landing', 'chatbot', 'social', 'article', 'print'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels the guideline file can set limits and voice targets for (SMS has limits but no adapter yet). */
export const GUIDELINE_CHANNELS = [...CHANNELS, 'sms'] as const;
export type GuidelineChannel = (typeof GUIDELINE_CHANNELS)[number];
