// A DingTalk interactive-card button click ("回传请求") → InboundAction. In HTTP mode it is POSTed
// to the URL registered with POST /v1.0/card/callbacks/register (callbackRouteKey, callbackUrl,
// apiSecret — the register API as called by the official SDKs, e.g. alibabacloud dingtalk card_1.0
// RegisterCallback); in Stream mode it is the `data` of a CALLBACK frame on /v1.0/card/instances/callback
// (dingtalk-stream TOPIC_CARD).
//
// Payload: {"type": "actionCallback", "outTrackId": "..", "userId": "..", "corpId": "..",
// "content": "{\"cardPrivateData\":{\"actionIds\":[\"..\"],\"params\":{..}}}"} — `content` is a
// JSON string. The docs corpus available to us does not hold this page; the shape is the one read
// by independent integrations (hp-coder/dingtalk-module DingInteractiveCardCallBackRequest; a
// FastAPI handler that requires type=actionCallback and parses content.cardPrivateData.params;
// the Stream example JSON.parse(data).content → cardPrivateData.params / actionIds).
//
// Authentication (HTTP mode): see sign.ts — x-ddpaas-signature = Base64(HmacSHA256(apiSecret,
// x-ddpaas-signature-timestamp)). Stream mode needs none (the connection is authenticated).
//
// Our cards put the button key (button-key.ts, `dd:<action>:<item>`) in the button's action id
// or as a string param; the first value that decodes wins. A typed value (a reason, a date) is
// taken from params.value / reason / note.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { inboundActionSchema } from '../../domain/inbound.js';
import { decodeButtonKey } from '../button-key.js';
import { DecodeError, type Decoded } from '../decoded.js';

const payload = z.looseObject({
  type: z.string().max(64).optional(),
  outTrackId: z.string().min(1).max(256),
  userId: z.string().min(1).max(256),
  corpId: z.string().max(256).optional(),
  content: z.string().max(60_000).optional(),
  value: z.string().max(60_000).optional(),
});
const privateData = z.looseObject({
  cardPrivateData: z
    .looseObject({
      actionIds: z.array(z.unknown()).max(50).optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

function parseJson(s: string | undefined): unknown {
  if (!s) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function candidates(data: z.infer<typeof privateData>): string[] {
  const out: string[] = [];
  for (const a of data.cardPrivateData?.actionIds ?? []) if (typeof a === 'string') out.push(a);
  for (const v of Object.values(data.cardPrivateData?.params ?? {})) if (typeof v === 'string') out.push(v);
  return out;
}

/** Parse the callback (a string from the wire or a parsed object). Throws DecodeError. */
export function decodeCardCallback(input: string | unknown, now: Date): Decoded {
  let raw: unknown = input;
  if (typeof input === 'string') {
    raw = parseJson(input);
    if (raw === undefined) throw new DecodeError('card callback JSON does not parse');
  }
  const r = payload.safeParse(raw);
  if (!r.success) throw new DecodeError('card callback misses outTrackId/userId');
  const p = r.data;
  if (p.type !== undefined && p.type !== 'actionCallback')
    return { kind: 'ignore', reason: `card callback type ${p.type}` };
  // `content` carries the click; older payloads put the same object in `value`.
  const parsed = privateData.safeParse(parseJson(p.content) ?? parseJson(p.value) ?? {});
  if (!parsed.success) throw new DecodeError('card callback content is not {cardPrivateData}');
  const key = candidates(parsed.data)
    .map((c) => decodeButtonKey(c))
    .find((k) => k !== undefined);
  if (!key) return { kind: 'ignore', reason: 'card click with a key we did not issue' };
  const params = parsed.data.cardPrivateData?.params ?? {};
  const typed = [params['value'], params['reason'], params['note']].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );

  // No event id in the payload: hash what identifies the click, so a redelivery is a duplicate.
  const id =
    'card-' +
    createHash('sha1')
      .update([p.outTrackId, p.userId, p.content ?? p.value ?? ''].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
  const action = inboundActionSchema.safeParse({
    kind: 'action',
    platform: 'dingtalk',
    channel: 'dingtalk-card',
    id,
    senderId: p.userId,
    action: key.action,
    item: key.item,
    value: typed?.trim().slice(0, 2000),
    at: now.toISOString(),
    cardRef: { outTrackId: p.outTrackId },
  });
  if (!action.success) throw new DecodeError('card click does not fit the inbound schema');
  return { kind: 'inbound', inbound: action.data };
}
