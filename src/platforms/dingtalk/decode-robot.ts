import { z } from 'zod';
import {
  INBOUND_TEXT_MAX,
  inboundMessageSchema,
  type Attachment,
  type InboundMessage,
} from '../../domain/inbound.js';
import { DecodeError, type Decoded } from '../decoded.js';

/**
 * A DingTalk enterprise robot message → InboundMessage. The same JSON arrives in the HTTP callback
 * body and as the `data` of a Stream CALLBACK frame on topic /v1.0/im/bot/messages/get.
 *
 * Fields (接收消息的消息协议, https://open.dingtalk.com/document/isvapp/receive-message; enterprise
 * apps: https://open.dingtalk.com/document/orgapp/receive-message): msgId (加密的消息ID), createAt (ms),
 * conversationType "1" single / "2" group, conversationId, conversationTitle (groups only),
 * senderId (encrypted) and senderStaffId ("使用senderStaffId,作为发送者userid值"), senderNick,
 * sessionWebhook + sessionWebhookExpiredTime (ms), isInAtList, robotCode, msgtype, text.content
 * (the robot's own @-mention is already removed by DingTalk; what is left starts with a space).
 * Picture and rich-text messages carry `content.downloadCode` / `content.richText[]` with
 * `{text}` and `{type: "picture", downloadCode}` items, the shape the official Stream SDKs parse
 * (dingtalk-stream-sdk-python chatbot.py ImageContent / RichTextContent).
 *
 * Voice (`msgtype: "audio"`): `content.duration` (ms), `content.downloadCode` and
 * `content.recognition`, DingTalk's own transcription (the shape the DingTalk Stream SDKs parse:
 * dingtalk-stream Rust `AudioContent { duration, download_code, recognition }`, and integrations'
 * recorded payloads). The transcription is the message's text, marked `voice`.
 * A reply to a message (引用回复) carries `text.isReplyMsg: true` and `text.repliedMsg` {msgId,
 * msgType, senderId, content: {text} or {richText: [...]}}: not in the page above, read as the
 * integrations record it; the quoted words become the message's `quote`, never its text.
 */

const ms = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);
const robotJson = z.looseObject({
  msgId: z.string().min(1).max(256),
  msgtype: z.string().max(32),
  createAt: ms.optional(),
  conversationType: z.enum(['1', '2']),
  conversationId: z.string().min(1).max(256),
  conversationTitle: z.string().max(256).optional(),
  senderId: z.string().max(256).optional(),
  senderStaffId: z.string().max(256).optional(),
  senderNick: z.string().max(256).optional(),
  sessionWebhook: z.string().max(2048).optional(),
  sessionWebhookExpiredTime: ms.optional(),
  robotCode: z.string().max(256).optional(),
  isInAtList: z.boolean().optional(),
  text: z
    .looseObject({
      // any length the body allows: a long text is cut below and answered "too long" in Chinese
      content: z.string(),
      isReplyMsg: z.boolean().optional(),
      repliedMsg: z
        .looseObject({
          msgId: z.string().max(256).optional(),
          msgType: z.string().max(32).optional(),
          content: z
            .union([
              z.string().max(20_000),
              z.looseObject({
                text: z.string().max(20_000).optional(),
                richText: z
                  .array(z.looseObject({ text: z.string().max(20_000).optional() }))
                  .max(100)
                  .optional(),
              }),
            ])
            .optional(),
        })
        .optional(),
    })
    .optional(),
  content: z
    .looseObject({
      recognition: z.string().max(20_000).optional(),
      duration: z.number().optional(),
      downloadCode: z.string().max(1024).optional(),
      pictureDownloadCode: z.string().max(1024).optional(),
      richText: z
        .array(
          z.looseObject({
            text: z.string().max(20_000).optional(),
            type: z.string().optional(),
            downloadCode: z.string().max(1024).optional(),
          }),
        )
        .max(100)
        .optional(),
    })
    .optional(),
});

/** The quoted message's words: `content.text`, its rich text's texts, or a plain string. */
function repliedText(
  c: string | { text?: string; richText?: { text?: string }[] } | undefined,
): string | undefined {
  if (c === undefined) return undefined;
  if (typeof c === 'string') return c;
  if (c.text) return c.text;
  const parts = (c.richText ?? []).map((r) => r.text ?? '').filter((t) => t !== '');
  return parts.length ? parts.join('') : undefined;
}

export type RobotChannel = Extract<InboundMessage['channel'], 'dingtalk-robot' | 'dingtalk-stream'>;

/** Parse the robot JSON (a string from the wire, or an already parsed object). Throws DecodeError. */
export function decodeRobotMessage(input: string | unknown, channel: RobotChannel, now: Date): Decoded {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      throw new DecodeError('robot message JSON does not parse');
    }
  }
  const r = robotJson.safeParse(raw);
  if (!r.success) throw new DecodeError('robot message misses msgId/conversationId/conversationType/msgtype');
  const m = r.data;
  const senderId = m.senderStaffId || m.senderId;
  if (!senderId) throw new DecodeError('robot message without senderStaffId/senderId');

  let text = '';
  let voice = false;
  const attachments: Attachment[] = [];
  switch (m.msgtype) {
    case 'text':
      text = m.text?.content ?? '';
      break;
    case 'audio':
      // a voice message: `content.recognition` is DingTalk's transcription of it (absent when
      // nothing was recognised), `content.downloadCode` the audio itself, which we do not fetch
      text = m.content?.recognition ?? '';
      voice = true;
      break;
    case 'picture': {
      const code = m.content?.downloadCode ?? m.content?.pictureDownloadCode;
      if (!code) throw new DecodeError('picture message without downloadCode');
      attachments.push({ kind: 'image', mediaId: code });
      break;
    }
    case 'richText': {
      const parts: string[] = [];
      for (const item of m.content?.richText ?? []) {
        if (item.text) parts.push(item.text);
        else if (item.type === 'picture' && item.downloadCode)
          attachments.push({ kind: 'image', mediaId: item.downloadCode });
      }
      text = parts.join('');
      break;
    }
    default:
      return { kind: 'ignore', reason: `message type ${m.msgtype}` };
  }

  const full = text.trim();
  const kept = full.length > INBOUND_TEXT_MAX ? full.slice(0, INBOUND_TEXT_MAX) : full;
  const quoted = repliedText(m.text?.repliedMsg?.content);
  const msg = inboundMessageSchema.safeParse({
    kind: 'message',
    platform: 'dingtalk',
    channel,
    id: m.msgId,
    conversation: { id: m.conversationId, isGroup: m.conversationType === '2', name: m.conversationTitle },
    senderId,
    senderName: m.senderNick,
    text: kept,
    ...(kept.length < full.length ? { textLength: full.length } : {}),
    ...(voice ? { voice: true } : {}),
    ...(m.text?.isReplyMsg || m.text?.repliedMsg
      ? {
          quote: {
            ...(quoted ? { text: quoted.slice(0, 4000) } : {}),
            ...(m.text?.repliedMsg?.msgId ? { messageId: m.text.repliedMsg.msgId } : {}),
          },
        }
      : {}),
    attachments: attachments.slice(0, 20),
    at: m.createAt && m.createAt > 0 ? new Date(m.createAt).toISOString() : now.toISOString(),
    replyVia: {
      sessionWebhook: m.sessionWebhook,
      sessionWebhookExpiresAt: m.sessionWebhookExpiredTime,
      robotCode: m.robotCode,
    },
  });
  if (!msg.success) throw new DecodeError('robot message does not fit the inbound schema');
  return { kind: 'inbound', inbound: msg.data };
}
