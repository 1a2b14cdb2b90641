import { outboundKeys } from '../outbound-keys.js';

/**
 * The simulator's Redis keys. A conversation's stream is the outbound side's key
 * (`outboundKeys(prefix).simOut`, src/platforms/outbound-keys.ts): the bot's cards and what people
 * typed share one stream, so the page shows them in the order they happened. All keys share the
 * deployment's prefix (a Cluster hash tag such as `{dudao}`), so one XREAD over a person's
 * conversations stays in one slot.
 */

/** The stream of one sim conversation (`dm:<personId>` or `group:<chatId>`); see README.md. */
export const simConversationKey = (prefix: string, conversationId: string) =>
  outboundKeys(prefix).simOut(conversationId);

/** The simulated clock's offset from real time, in milliseconds (a string integer). */
export const simClockKey = (prefix: string) => `${prefix}:sim:clock`;

/** Streams are capped: the simulator is a demo, not an archive. */
export const SIM_STREAM_MAXLEN = 1000;
