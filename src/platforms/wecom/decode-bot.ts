import { z } from 'zod';
import {
  INBOUND_TEXT_MAX,
  inboundActionSchema,
  inboundMessageSchema,
  type Attachment,
} from '../../domain/inbound.js';
import { decodeButtonKey } from '../button-key.js';
import { DecodeError, type Decoded } from '../decoded.js';

/**
 * Decoding of the WeCom smart bot (智能机器人, API mode) callback.
 *
 * Envelope: JSON `{"encrypt": "msg_encrypt"}`, receive id "" (回调和回复的加解密方案,
 * https://developer.work.weixin.qq.com/document/path/101033).
 * Messages (接收消息, https://developer.work.weixin.qq.com/document/path/100719): msgid, aibotid,
 * chatid, chattype (single|group), from.userid, response_url, msgtype text|image|mixed|voice|file,
 * text.content (in a group it starts with the @-mention, e.g. "@RobotA hello robot"),
 * image.url, mixed.msg_item[] of {msgtype: text|image}, voice.content (the platform's
 * transcription of a voice message: the text, marked `voice`), and `quote` {msgtype, text|image|
 * mixed|voice|file} when the message replies to another (引用): the quoted words become the
 * message's `quote`, context for the parser, never its text.
 * Events (接收事件, https://developer.work.weixin.qq.com/document/path/101027): msgid is "本次回调的
 * 唯一性标志,开发者需据此进行事件排重", create_time, from.userid, msgtype=event,
 * event.eventtype (enter_chat, template_card_event, feedback_event, ...) and event[eventtype].
 */

const text = z.object({ content: z.string().max(20_000) });
/** the message's own text: any length the body allows (a long one is cut and answered in Chinese) */
const ownText = z.object({ content: z.string() });
const media = z.object({ url: z.string().max(2048) });
const botJson = z.looseObject({
  msgid: z.string().min(1).max(256),
  aibotid: z.string().max(256).optional(),
  chatid: z.string().max(256).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from: z.looseObject({ userid: z.string().min(1).max(256) }),
  response_url: z.string().max(2048).optional(),
  create_time: z.number().optional(),
  msgtype: z.string().max(32),
  text: ownText.optional(),
  image: media.optional(),
  file: media.optional(),
  voice: z.object({ content: z.string().max(20_000) }).optional(),
  quote: z
    .looseObject({
      msgtype: z.string().max(32),
      text: text.optional(),
      voice: z.object({ content: z.string().max(20_000) }).optional(),
      mixed: z
        .object({ msg_item: z.array(z.looseObject({ msgtype: z.string(), text: text.optional() })).max(50) })
        .optional(),
    })
    .optional(),
  mixed: z
    .object({
      msg_item: z
        .array(z.looseObject({ msgtype: z.string(), text: text.optional(), image: media.optional() }))
        .max(50),
    })
    .optional(),
  event: z.looseObject({ eventtype: z.string().max(64) }).optional(),
});
type BotJson = z.infer<typeof botJson>;

// In a group the bot is addressed as "@Name" followed by a space (often U+2005, WeChat's mention
// separator). Only the leading mention is the bot's; later ones are part of what the user wrote.
const LEADING_MENTION = /^\s*@[^\s\u2005]+[\s\u2005]*/;

export function stripMention(s: string): string {
  return s.replace(LEADING_MENTION, '').trim();
}

const templateCardEvent = z.looseObject({
  event_key: z.string().max(1024),
  task_id: z.string().max(256).optional(),
});

export function decodeBotMessage(json: string, now: Date): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DecodeError('inner JSON does not parse');
  }
  const r = botJson.safeParse(raw);
  if (!r.success) throw new DecodeError('inner JSON misses msgid/from.userid/msgtype');
  const m = r.data;
  const isGroup = m.chattype === 'group';
  const conversation = { id: (isGroup ? m.chatid : m.chatid || m.from.userid) || m.from.userid, isGroup };
  const at =
    m.create_time && m.create_time > 0 ? new Date(m.create_time * 1000).toISOString() : now.toISOString();

  if (m.msgtype === 'event') return decodeEvent(m, conversation, at);

  let body: string;
  const attachments: Attachment[] = [];
  switch (m.msgtype) {
    case 'text':
      body = m.text?.content ?? '';
      break;
    case 'voice': // voice arrives transcribed (voice.content)
      body = m.voice?.content ?? '';
      break;
    case 'image':
      if (!m.image) throw new DecodeError('image message without image.url');
      body = '';
      attachments.push({ kind: 'image', url: m.image.url });
      break;
    case 'file':
      if (!m.file) throw new DecodeError('file message without file.url');
      body = '';
      attachments.push({ kind: 'file', url: m.file.url });
      break;
    case 'mixed': {
      const parts: string[] = [];
      for (const item of m.mixed?.msg_item ?? []) {
        if (item.msgtype === 'text' && item.text) parts.push(item.text.content);
        else if (item.msgtype === 'image' && item.image)
          attachments.push({ kind: 'image', url: item.image.url });
      }
      body = parts.join('\n');
      break;
    }
    default: // e.g. "stream" refreshes, sent only when we answer with stream messages (we do not)
      return { kind: 'ignore', reason: `message type ${m.msgtype}` };
  }
  const full = isGroup ? stripMention(body) : body.trim();
  const kept = full.length > INBOUND_TEXT_MAX ? full.slice(0, INBOUND_TEXT_MAX) : full;
  const quoted = quoteText(m.quote);
  const msg = inboundMessageSchema.safeParse({
    kind: 'message',
    platform: 'wecom',
    channel: 'wecom-bot',
    id: m.msgid,
    conversation,
    senderId: m.from.userid,
    text: kept,
    ...(kept.length < full.length ? { textLength: full.length } : {}),
    ...(m.msgtype === 'voice' ? { voice: true } : {}),
    ...(m.quote ? { quote: quoted ? { text: quoted.slice(0, 4000) } : {} } : {}),
    attachments: attachments.slice(0, 20),
    at,
    replyVia: m.response_url ? { responseUrl: m.response_url } : undefined,
  });
  if (!msg.success) throw new DecodeError('message does not fit the inbound schema');
  return { kind: 'inbound', inbound: msg.data };
}

/** The words of a quoted message (引用, 100719 → 结构体说明 → 引用): its text, voice or mixed text. */
function quoteText(q: BotJson['quote']): string | undefined {
  if (!q) return undefined;
  if (q.text) return q.text.content;
  if (q.voice) return q.voice.content;
  const parts = (q.mixed?.msg_item ?? []).flatMap((i) => (i.text ? [i.text.content] : []));
  return parts.length ? parts.join('\n') : undefined;
}

function decodeEvent(m: BotJson, conversation: { id: string; isGroup: boolean }, at: string): Decoded {
  const type = m.event?.eventtype;
  if (type !== 'template_card_event') return { kind: 'ignore', reason: `event ${type ?? '?'}` };
  const ev = templateCardEvent.safeParse((m.event as Record<string, unknown>)['template_card_event']);
  const key = ev.success ? decodeButtonKey(ev.data.event_key) : undefined;
  if (!ev.success || !key)
    return { kind: 'ignore', reason: 'template card click with a key we did not issue' };
  const action = inboundActionSchema.safeParse({
    kind: 'action',
    platform: 'wecom',
    channel: 'wecom-bot',
    id: m.msgid,
    senderId: m.from.userid,
    conversation,
    action: key.action,
    item: key.item,
    at,
    cardRef: { taskId: ev.data.task_id },
  });
  if (!action.success) throw new DecodeError('card click does not fit the inbound schema');
  return { kind: 'inbound', inbound: action.data };
}

/** The outer envelope's `encrypt`, or undefined when the body is not one. */
export function extractBotEncrypt(body: string): string | undefined {
  try {
    const v = (JSON.parse(body) as { encrypt?: unknown }).encrypt;
    return typeof v === 'string' && v.length > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}
