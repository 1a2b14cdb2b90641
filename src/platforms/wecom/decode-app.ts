// Decoding of the WeCom self-built app (自建应用) callback.
//
// Envelope (POST body, before decryption), 接收消息与事件 / 加解密方案说明
// (https://developer.work.weixin.qq.com/document/path/90968):
//   <xml><ToUserName><![CDATA[corpid]]></ToUserName><Encrypt><![CDATA[...]]></Encrypt><AgentID>..</AgentID></xml>
// Only <Encrypt> matters, and it is taken with a regex — but only from a body that is well-formed
// XML (fast-xml-parser's validator, about 11 µs for a message's envelope): the official SDKs parse
// the envelope with an XML parser and refuse one that does not parse (WXBizMsgCrypt's
// ParseXml_Error, -40002), so a body cut after </Encrypt>, or with anything after </xml>, is 400
// here too (docs/security.md → "Envelopes are parsed strictly").
//
// Inner message formats (消息格式, https://developer.work.weixin.qq.com/document/path/90239; the
// same text for 代开发 at https://developer.work.weixin.qq.com/document/path/96467):
//   text:  ToUserName, FromUserName, CreateTime, MsgType=text, Content, MsgId (64-bit), AgentID
//   image: ..., MsgType=image, PicUrl, MediaId (valid 3 days), MsgId, AgentID
// Template card clicks (事件格式 → 模板卡片事件推送, https://developer.work.weixin.qq.com/document/path/90240):
//   MsgType=event, Event=template_card_event, EventKey (the button key), TaskId, CardType,
//   ResponseCode (one use within 72 h, to update the card), AgentID.

import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { inboundActionSchema, inboundMessageSchema } from '../../domain/inbound.js';
import { DecodeError, type Decoded } from '../decoded.js';
import { decodeButtonKey } from '../button-key.js';

export { DecodeError, type Decoded };

const ENCRYPT_RE = /<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=\s]+)\]\]>|([A-Za-z0-9+/=\s]+))\s*<\/Encrypt>/;

/** The outer envelope's <Encrypt>, or undefined when the body is not one (or not well-formed XML). */
export function extractAppEncrypt(body: string): string | undefined {
  if (XMLValidator.validate(body) !== true) return undefined;
  const m = ENCRYPT_RE.exec(body);
  const v = m ? (m[1] ?? m[2]) : undefined;
  return v ? v.trim() : undefined;
}

// MsgId is a 64-bit integer: keep every value a string (parseTagValue: false), never a Number.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const str = (max: number) => z.string().max(max);
const appXml = z.looseObject({
  FromUserName: str(256).min(1),
  CreateTime: z.string().regex(/^\d{1,13}$/),
  MsgType: str(32),
  Content: str(20_000).optional(),
  MsgId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  PicUrl: str(2048).optional(),
  MediaId: str(1024).optional(),
  Event: str(64).optional(),
  EventKey: str(1024).optional(),
  TaskId: str(256).optional(),
  CardType: str(64).optional(),
  ResponseCode: str(512).optional(),
  AgentID: z.string().optional(),
});

function isoFromSeconds(s: string, now: Date): string {
  const n = Number(s);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : now.toISOString();
}

/** A stable id for an event (events carry no MsgId): the fields WeCom repeats on a retry. */
function eventId(x: z.infer<typeof appXml>): string {
  const h = createHash('sha1').update(
    [x.FromUserName, x.CreateTime, x.Event, x.EventKey ?? '', x.TaskId ?? '', x.AgentID ?? ''].join('\u0000'),
  );
  return 'ev-' + h.digest('hex').slice(0, 32);
}

/** Decrypted inner XML → neutral inbound (or an event we do not act on). Throws DecodeError. */
export function decodeAppMessage(xml: string, now: Date): Decoded {
  let parsed: unknown;
  try {
    // validated first (the second argument): the parser alone accepts XML cut short
    parsed = (parser.parse(xml, true) as { xml?: unknown }).xml;
  } catch {
    throw new DecodeError('inner XML does not parse');
  }
  const r = appXml.safeParse(parsed);
  if (!r.success) throw new DecodeError('inner XML misses FromUserName/CreateTime/MsgType');
  const x = r.data;
  const at = isoFromSeconds(x.CreateTime, now);
  const base = { kind: 'message' as const, platform: 'wecom' as const, channel: 'wecom-app' as const };
  // App chats are one-to-one with the app: the conversation is the sender.
  const conversation = { id: x.FromUserName, isGroup: false };

  switch (x.MsgType) {
    case 'text':
    case 'image': {
      if (!x.MsgId) throw new DecodeError(`${x.MsgType} message without MsgId`);
      const image = x.MsgType === 'image';
      if (image && !x.MediaId && !x.PicUrl) throw new DecodeError('image message without MediaId/PicUrl');
      const msg = inboundMessageSchema.safeParse({
        ...base,
        id: x.MsgId,
        conversation,
        senderId: x.FromUserName,
        text: image ? '' : (x.Content ?? '').trim(),
        attachments: image ? [{ kind: 'image', mediaId: x.MediaId, url: x.PicUrl }] : [],
        at,
      });
      if (!msg.success) throw new DecodeError('message does not fit the inbound schema');
      return { kind: 'inbound', inbound: msg.data };
    }
    case 'event': {
      if (x.Event !== 'template_card_event') return { kind: 'ignore', reason: `event ${x.Event ?? '?'}` };
      const key = x.EventKey ? decodeButtonKey(x.EventKey) : undefined;
      if (!key) return { kind: 'ignore', reason: 'template card click with a key we did not issue' };
      const action = inboundActionSchema.safeParse({
        kind: 'action',
        platform: 'wecom',
        channel: 'wecom-app',
        id: eventId(x),
        senderId: x.FromUserName,
        conversation,
        action: key.action,
        item: key.item,
        at,
        cardRef: { responseCode: x.ResponseCode, taskId: x.TaskId },
      });
      if (!action.success) throw new DecodeError('card click does not fit the inbound schema');
      return { kind: 'inbound', inbound: action.data };
    }
    default:
      return { kind: 'ignore', reason: `message type ${x.MsgType}` };
  }
}
