// The `outbound` queue's payload. Handlers' neutral replies travel here unresolved; the outbound
// processor (jobs/outbound.ts) resolves the recipient (roster, last-used platform, bound chats),
// renders for the platform and sends. Built by jobs/inbound.ts and the time jobs.

import { z } from 'zod';
import { channelSchema, conversationSchema, platformSchema, replyViaSchema } from '../domain/inbound.js';
import { cardFieldSchema, cardSchema } from '../domain/card.js';
import { itemStateSchema, recipientSchema } from '../domain/reply.js';
import { jobId } from './names.js';

/** Where the triggering message came from, so `origin` replies can answer in place. */
export const originSchema = z.object({
  platform: platformSchema,
  channel: channelSchema,
  conversation: conversationSchema.optional(),
  senderId: z.string(),
  replyVia: replyViaSchema.optional(),
  /** the clicked card, for updating it in place */
  cardRef: z.record(z.string(), z.string()).optional(),
});
export type Origin = z.infer<typeof originSchema>;

export const outboundJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('send'),
    to: recipientSchema,
    card: cardSchema,
    items: z.array(z.string()).default([]),
    origin: originSchema.optional(),
    /** the chat's line this reply waits in (src/queue/reply-order.ts); absent: not ordered */
    order: z.string().optional(),
  }),
  /**
   * Several replies to one recipient from one producer (a principal's summary and the cards of a
   * record's items), sent in their order by ONE job: one job to add, fetch and finish instead of
   * one per card. Each part's ledger entries and recorded deliveries are its own (named by its
   * place in `parts`, which never changes), so a retried job never sends or records a part twice.
   */
  z.object({
    kind: z.literal('sends'),
    to: recipientSchema,
    parts: z
      .array(z.object({ key: z.string(), card: cardSchema, items: z.array(z.string()).default([]) }))
      .min(1),
    origin: originSchema.optional(),
    order: z.string().optional(),
  }),
  /**
   * A person's or a bound chat's notices merged into one message: past OVERFLOW_AT replies waiting
   * in its line, each further notice is kept as a small entry of batch `gen` of `owner`
   * (jobs/enqueue-replies.ts), and this job sends the batch as one card to `to` when its turn
   * comes (jobs/outbound-digest.ts).
   */
  z.object({
    kind: z.literal('digest'),
    /** whose batches: a person's id, or a bound chat's line (`c|zone|<id>`) */
    owner: z.string(),
    to: recipientSchema,
    gen: z.number().int().nonnegative(),
    order: z.string(),
  }),
  z.object({
    kind: z.literal('card_update'),
    item: z.string(),
    outcome: z.string(),
    /** the item's state after the change (absent in jobs enqueued before cards showed it) */
    state: itemStateSchema.optional(),
    fields: z.array(cardFieldSchema).optional(),
    /** when the item moved on: only cards sent before this instant lose their buttons */
    at: z.string().optional(),
    origin: originSchema.optional(),
  }),
]);
export type OutboundJob = z.infer<typeof outboundJobSchema>;

/** Deterministic: a retried producer (inbound job, reminder pass) never enqueues a send twice. */
export const outboundJobId = (producerKey: string, replyKey: string) => jobId('out', producerKey, replyKey);

/** The digest job of batch `gen` of `owner` (a person, a bound chat): one per batch, whichever producer adds it. */
export const digestJobId = (owner: string, gen: number) => jobId('out', 'digest', owner, String(gen));

/** Each reply a job sends, as a lone `send` (a group's parts in their order): for reading jobs back. */
export function sendsOf(job: OutboundJob): Extract<OutboundJob, { kind: 'send' }>[] {
  if (job.kind === 'send') return [job];
  if (job.kind === 'card_update' || job.kind === 'digest') return [];
  return job.parts.map((p) => ({
    kind: 'send' as const,
    to: job.to,
    card: p.card,
    items: p.items,
    ...(job.origin ? { origin: job.origin } : {}),
    ...(job.order ? { order: job.order } : {}),
  }));
}
