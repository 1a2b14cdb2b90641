/**
 * Every Redis key of the simulator, built here only. They share the deployment's prefix (a
 * Cluster hash tag such as `{dudao}`), so a multi-key XREAD over a person's conversations stays in
 * one slot.
 */

/** The stream of one sim conversation (`dm:<personId>` or `group:<chatId>`); see README.md. */
export const simConversationKey = (prefix: string, conversationId: string) => `${prefix}:sim:conv:${conversationId}`;

/** The simulated clock's offset from real time, in milliseconds (a string integer). */
export const simClockKey = (prefix: string) => `${prefix}:sim:clock`;

/** Streams are capped: the simulator is a demo, not an archive. */
export const SIM_STREAM_MAXLEN = 1000;
