import { z } from 'zod';
import {
  cardActionSchema,
  channelSchema,
  conversationSchema,
  platformSchema,
  replyViaSchema,
} from '../domain/inbound.js';
import { cardKinds } from '../domain/card.js';
import { itemStatuses } from '../domain/records.js';
import { jobId } from './names.js';

/**
 * The `outbound` queue's payload. Handlers' neutral replies travel here unresolved; the outbound
 * processor (jobs/outbound.ts) resolves the recipient (roster, last-used platform, bound chats),
 * renders for the platform and sends. Built by jobs/inbound.ts and the time jobs.
 */
export const cardSchema = z.object({
  kind: z.enum(cardKinds),
  title: z.string(),
  subtitle: z.string().optional(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  entries: z.array(z.object({ id: z.string(), text: z.string(), meta: z.string().optional() })),
  note: z.string().optional(),
  buttons: z.array(
    z.object({
      label: z.string(),
      action: cardActionSchema,
      item: z.string(),
      style: z.enum(['primary', 'danger', 'default']).optional(),
      input: z.object({ label: z.string(), example: z.string() }).optional(),
    }),
  ),
  outcome: z.string().optional(),
  text: z.string(),
});

export const recipientSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('origin') }),
  z.object({ type: z.literal('person'), personId: z.string() }),
  z.object({
    type: z.literal('bound_chat'),
    binding: z.object({ type: z.enum(['zone', 'school', 'office']), id: z.string() }),
  }),
]);

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
  z.object({
    kind: z.literal('card_update'),
    item: z.string(),
    outcome: z.string(),
    /** the item's state after the change (absent in jobs enqueued before cards showed it) */
    state: z
      .object({
        status: z.enum(itemStatuses),
        deadline: z.string(),
        extensionPending: z.boolean(),
        version: z.number().int(),
      })
      .optional(),
    fields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
    /** when the item moved on: only cards sent before this instant lose their buttons */
    at: z.string().optional(),
    origin: originSchema.optional(),
  }),
]);
export type OutboundJob = z.infer<typeof outboundJobSchema>;

/** Deterministic: a retried producer (inbound job, reminder pass) never enqueues a send twice. */
export const outboundJobId = (producerKey: string, replyKey: string) => jobId('out', producerKey, replyKey);
