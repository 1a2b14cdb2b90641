import type { Card } from './card.js';

/**
 * What a handler asks to be said, to whom. Neutral: jobs/inbound resolves the recipient to a
 * platform address (the person's last-used platform, a bound chat's webhook, the message's
 * response_url / sessionWebhook) and enqueues one outbound job per reply.
 */
export type Recipient =
  /** the conversation the message or click came from */
  | { type: 'origin' }
  /** a person on the roster, by roster id, privately */
  | { type: 'person'; personId: string }
  /** a bound group chat, by its binding (zone / school / office id) */
  | { type: 'bound_chat'; binding: { type: 'zone' | 'school' | 'office'; id: string } };

export interface Reply {
  to: Recipient;
  card: Card;
  /** a key unique among the replies of one handled message; part of the outbound job id */
  key: string;
  /** items this card is about: a later click on any updates it everywhere it was sent */
  items?: string[];
}

/** What a handler returns: replies to send, and cards to update because an item moved on. */
export interface HandlerResult {
  replies: Reply[];
  /** items whose earlier cards must lose their buttons and show the outcome */
  cardUpdates?: { item: string; outcome: string }[];
}
