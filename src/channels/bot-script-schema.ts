/**
 * The brandlint bot script (`*.bot.yml`, `*.bot.yaml`, `*.bot.json`): a plain list of replies
 * for bots built without a framework. Documented in docs/channels.md ("Chatbot scripts").
 * Validated like every data file of brandlint: unknown keys and wrong types are reported at
 * their line and column.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

export const BotButtonSchema = z.union([
  nonEmpty,
  z
    .object({
      title: nonEmpty,
      /** What the button sends back to the bot (an intent, a command). */
      payload: z.string().optional(),
      /** A link the button opens instead. */
      url: z.string().optional(),
    })
    .strict(),
]);

export const BotReplySchema = z
  .object({
    /** Names the reply; several replies may share an id (variations, per-platform variants). */
    id: nonEmpty,
    /** The reply, or a list of variations the bot picks from. */
    text: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    buttons: z.array(BotButtonSchema).optional(),
    quick_replies: z.array(BotButtonSchema).optional(),
    /** Only on this platform (`web`, `whatsapp`, `slack`, `messenger`, ...); `platform` is an alias. */
    channel: nonEmpty.optional(),
    platform: nonEmpty.optional(),
    /** Overrides of the script's `bot.locale` / `bot.campaign`. */
    locale: nonEmpty.optional(),
    campaign: nonEmpty.optional(),
  })
  .strict()
  .refine((reply) => reply.text !== undefined || reply.buttons !== undefined || reply.quick_replies !== undefined, {
    message: 'a reply needs `text`, `buttons` or `quick_replies`',
  });

export const BotScriptSchema = z
  .object({
    bot: z
      .object({
        name: nonEmpty.optional(),
        campaign: nonEmpty.optional(),
        /** BCP 47 locale of every reply (`en-GB`, `de`). */
        locale: nonEmpty.optional(),
        /** Default platform of the replies. */
        platform: nonEmpty.optional(),
      })
      .strict()
      .optional(),
    replies: z.array(BotReplySchema),
  })
  .strict();

export type BotScript = z.output<typeof BotScriptSchema>;
