// The neutral card: built from domain data by cards/, rendered by each platform
// (src/platforms/<p>/render-*.ts: WeCom template_card / markdown, DingTalk interactive card /
// markdown, simulator HTML). Nothing here knows a platform. The schema is the one source of the
// shape: the types are inferred from it, and the outbound queue's payload checks a card with it.

import { z } from 'zod';
import { cardActionSchema } from './inbound.js';

export const cardKinds = [
  'record_summary',
  'rectification_notice',
  'progress_notice',
  'recheck_request',
  'extension_request',
  'item_detail',
  'item_list',
  'reminder',
  'escalation',
  'digest',
  'stats',
  'monthly_plan',
  'help',
  'error',
  'info',
  // a person's notices merged into one message (cards/notice-digest.ts); stored deliveries write
  // it as a string (src/store/delivery-codec.ts: its frozen list is not extended)
  'notice_digest',
] as const;
export type CardKind = (typeof cardKinds)[number];

export const cardButtonSchema = z.object({
  label: z.string(),
  action: cardActionSchema,
  item: z.string(),
  style: z.enum(['primary', 'danger', 'default']).optional(),
  /**
   * The button asks for a text first (退回: the reason; 申请延期: the date and reason), required
   * where the platform's card has an input box (the simulator; a DingTalk template with one).
   * `example` is a ready answer: for 申请延期 a date after the item's deadline.
   */
  input: z.object({ label: z.string(), example: z.string() }).optional(),
});
export type CardButton = z.infer<typeof cardButtonSchema>;

/**
 * A link the card opens in the platform's own browser (the board: 督导看板). Rendered as a
 * markdown link, a simulator button, and a line of the text fallback. The URL may carry a
 * signed token: it is personal, so a card with a link goes to one person only.
 */
export const cardLinkSchema = z.object({
  label: z.string(),
  /** only ours: the board's path, or an http(s) address */
  url: z
    .string()
    .max(2048)
    .regex(/^(https?:\/\/|\/board\/)/),
});
export type CardLink = z.infer<typeof cardLinkSchema>;

export const cardFieldSchema = z.object({ label: z.string(), value: z.string() });
export type CardField = z.infer<typeof cardFieldSchema>;

export const cardListEntrySchema = z.object({
  /** ZG-21 */
  id: z.string(),
  text: z.string(),
  /** a short status/deadline line: 期限 3月22日 周一 */
  meta: z.string().optional(),
});
export type CardListEntry = z.infer<typeof cardListEntrySchema>;

/** The builders whose cards can be made again from the store alone (jobs/remake-card.ts). */
export const remakeBuilders = ['rectification_notice'] as const;
export const cardRemakeSchema = z.object({ builder: z.enum(remakeBuilders), item: z.string() });
export type CardRemake = z.infer<typeof cardRemakeSchema>;

export const cardSchema = z.object({
  kind: z.enum(cardKinds),
  title: z.string(),
  subtitle: z.string().optional(),
  fields: z.array(cardFieldSchema),
  entries: z.array(cardListEntrySchema),
  /** what the bot assumed (default deadline, matched short name) or a hint */
  note: z.string().optional(),
  /** what may be done now; all for one item (a card acts on one item: docs/spec/interfaces.md) */
  buttons: z.array(cardButtonSchema),
  /** the board's link (督导看板), for one person */
  link: cardLinkSchema.optional(),
  /** after an action: the latest line ("李校长 报告已完成整改，待验收（3月18日 10:20）"), above any buttons still valid */
  outcome: z.string().optional(),
  /** once nothing is left to press: a short word for where the item stands ('待验收', '已销号') */
  statusWord: z.string().optional(),
  /** the plain-text fallback, complete on its own */
  text: z.string(),
  /**
   * How the card is made again from the store, set by the builder that made it: a sent card's
   * reference keeps this instead of the card (src/platforms/card-ref-codec.ts V3), and its update
   * redraws the card from the item as it is then (jobs/remake-card.ts). Renderers ignore it.
   */
  remake: cardRemakeSchema.optional(),
});
export type Card = z.infer<typeof cardSchema>;
