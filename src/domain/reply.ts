// What a handler asks to be said, to whom. Neutral: the outbound job resolves the recipient to a
// platform address (the person's last-used platform, a bound chat's webhook, the message's
// response_url / sessionWebhook). The schemas are the one source of the shapes that travel on the
// outbound queue (src/queue/outbound-job.ts); the types are inferred from them.

import { z } from 'zod';
import type { Card, CardField } from './card.js';
import { itemStatuses } from './records.js';

export const recipientSchema = z.discriminatedUnion('type', [
  /** the conversation the message or click came from */
  z.object({ type: z.literal('origin') }),
  /** a person on the roster, by roster id, privately */
  z.object({ type: z.literal('person'), personId: z.string() }),
  /** a bound group chat, by its binding (zone / school / office id) */
  z.object({
    type: z.literal('bound_chat'),
    binding: z.object({ type: z.enum(['zone', 'school', 'office']), id: z.string() }),
  }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

export interface Reply {
  to: Recipient;
  card: Card;
  /** a key unique among the replies of one handled message; part of the outbound job id */
  key: string;
  /** items this card is about: a later click on any updates it everywhere it was sent */
  items?: string[];
}

/** An item's state after a change: what every card of the item shows from then on. */
export const itemStateSchema = z.object({
  status: z.enum(itemStatuses),
  /** YYYY-MM-DD */
  deadline: z.string(),
  extensionPending: z.boolean(),
  /** the item's history length after the change: a card never goes back to an older state */
  version: z.number().int(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

/**
 * "This item moved on": every earlier card of the item is brought up to date (cards/card-update.ts)
 * — its status and deadline, the buttons still valid in the new state, and the outcome line —
 * and a card acting on other items too keeps their buttons (docs/spec/interfaces.md, "Cards act on one
 * item each").
 */
export interface CardUpdate {
  item: string;
  /** one line: who did what, when ('李校长 报告已完成整改，待验收（3月18日 10:20）') */
  outcome: string;
  state?: ItemState;
  /** facts the card shows from now on, by label ('退回原因', '期限') */
  fields?: CardField[];
}

/** What a handler returns: replies to send, and cards to update because an item moved on. */
export interface HandlerResult {
  replies: Reply[];
  /** items whose earlier cards must show what happened */
  cardUpdates?: CardUpdate[];
}
