import { z } from 'zod';

/**
 * The neutral shapes every platform's callback is normalised into (src/platforms/<p>/decode),
 * and that travel on the `inbound` queue. Nothing past this point knows a platform's payload.
 */

/** At most this much of a message's text travels; a longer one is cut and answered "too long". */
export const INBOUND_TEXT_MAX = 20_000;

export const platformSchema = z.enum(['wecom', 'dingtalk', 'sim']);
export type Platform = z.infer<typeof platformSchema>;

/** The concrete entry point, used for dedup ids and metrics. */
export const channelSchema = z.enum([
  'wecom-app',
  'wecom-bot',
  'dingtalk-robot',
  'dingtalk-stream',
  'dingtalk-event',
  'dingtalk-card',
  'sim',
]);
export type Channel = z.infer<typeof channelSchema>;

export const attachmentSchema = z.object({
  kind: z.enum(['image', 'file']),
  /** the platform's media id / download code; fetched through the platform client when needed */
  mediaId: z.string().max(1024).optional(),
  url: z.string().max(2048).optional(),
  name: z.string().max(256).optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** How to answer in the conversation a message came from (one use / time-limited on the platforms). */
export const replyViaSchema = z.object({
  /** WeCom smart bot: the message's response_url (valid 1 hour, one use) */
  responseUrl: z.string().max(2048).optional(),
  /** DingTalk robot: the message's sessionWebhook and its expiry (epoch ms) */
  sessionWebhook: z.string().max(2048).optional(),
  sessionWebhookExpiresAt: z.number().optional(),
  /** DingTalk robot: the robotCode the message was sent to */
  robotCode: z.string().max(256).optional(),
});
export type ReplyVia = z.infer<typeof replyViaSchema>;

export const conversationSchema = z.object({
  id: z.string().max(256),
  isGroup: z.boolean(),
  name: z.string().max(256).optional(),
});

/**
 * Lone UTF-16 surrogates become U+FFFD. A JSON callback may carry an escaped "\ud800"; nothing
 * downstream can encode one (it would go back out inside every reply that quotes the text).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const userText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(LONE_SURROGATE, '\uFFFD'));

export const inboundMessageSchema = z.object({
  kind: z.literal('message'),
  platform: platformSchema,
  channel: channelSchema,
  /** the platform's message id: the deduplication key */
  id: z.string().min(1).max(256),
  conversation: conversationSchema,
  /** the sender's platform user id (WeCom userid, DingTalk userId / staffId, sim person id) */
  senderId: z.string().min(1).max(256),
  senderName: z.string().max(256).optional(),
  /** text with the @-mention stripped; '' for a pure image message */
  text: userText(INBOUND_TEXT_MAX),
  attachments: z.array(attachmentSchema).max(20),
  /** ISO instant the platform says the message was sent */
  at: z.string(),
  replyVia: replyViaSchema.optional(),
  /** a voice message: `text` is the platform's transcription of it */
  voice: z.literal(true).optional(),
  /** the message this one quotes (a reply): context only, never run as a command */
  quote: z.object({ text: userText(4000).optional(), messageId: z.string().max(256).optional() }).optional(),
  /** the length of what the person sent when `text` had to be cut (the reply says it is too long) */
  textLength: z.number().int().min(0).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** Card button actions. The item id travels with the click but is never trusted by itself. */
export const cardActionSchema = z.enum([
  'ack',
  'done',
  'extend',
  'pass',
  'reject',
  'approve_ext',
  'refuse_ext',
]);
export type CardAction = z.infer<typeof cardActionSchema>;

export const inboundActionSchema = z.object({
  kind: z.literal('action'),
  platform: platformSchema,
  channel: channelSchema,
  /** a stable id of this click for deduplication (platform event id, or a hash of its fields) */
  id: z.string().min(1).max(256),
  senderId: z.string().min(1).max(256),
  conversation: conversationSchema.optional(),
  action: cardActionSchema,
  item: z.string().max(64),
  /** optional text typed into the card (a reason, a date) */
  value: userText(2000).optional(),
  at: z.string(),
  /** what the platform needs to update the card that was clicked */
  cardRef: z
    .object({
      responseCode: z.string().max(512).optional(), // WeCom template_card_event ResponseCode
      taskId: z.string().max(256).optional(), // WeCom template card task_id
      outTrackId: z.string().max(256).optional(), // DingTalk card instance
      cardId: z.string().max(256).optional(), // sim
    })
    .optional(),
});
export type InboundAction = z.infer<typeof inboundActionSchema>;

export const inboundSchema = z.discriminatedUnion('kind', [inboundMessageSchema, inboundActionSchema]);
export type Inbound = z.infer<typeof inboundSchema>;
