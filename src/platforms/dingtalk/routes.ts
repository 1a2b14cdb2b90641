// DingTalk HTTP-mode callbacks, mounted when config.dingtalkEnabled and DINGTALK_MODE=http
// (in stream mode the same messages arrive over stream.ts):
//
// - POST /dingtalk/robot  — robot messages, `timestamp`+`sign` headers (sign.ts). Answered 200
//   with an empty body: the answer goes out later through sessionWebhook / the robot API. The
//   sign covers the timestamp only, so the pair is bound to the first msgId it came with
//   (claimSignatureOrRefuse), and a message for another robot (`robotCode` is not
//   DINGTALK_ROBOT_CODE) is refused: docs/security.md → "A signature is good for one message".
// - POST /dingtalk/events — encrypted event subscription (crypto.ts), mounted only when
//   DINGTALK_EVENT_TOKEN and DINGTALK_EVENT_AES_KEY are set; every event, check_url included,
//   is answered with the encrypted "success" JSON within 1500 ms.
// - POST /dingtalk/card   — interactive-card button clicks (decode-card.ts), signed with the
//   apiSecret registered for the callback (sign.ts cardCallbackSecret). Answered 200 `{}`: no
//   immediate card update; the worker updates the card through the API. Its signature too covers
//   only the timestamp: the pair is bound to the first body it came with.

import type Router from '@koa/router';
import { createRouter } from '../../http/router.js';
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { rejectCallback, type IngressDeps } from '../ingress.js';
import { acceptDecoded, claimSignatureOrRefuse, parseQuery, readBodyOrRefuse } from '../callback-helpers.js';
import { parseTimestampMs } from '../timestamp-window.js';
import { BizCryptError } from '../biz-msg-crypt.js';
import { DecodeError, type Decoded } from '../decoded.js';
import { DINGTALK_WINDOW_MS, cardCallbackSecret, verifyCardSign, verifyRobotSign } from './sign.js';
import { decryptEvent, eventSecrets, successReply, verifyEvent } from './crypto.js';
import { decodeRobotMessage } from './decode-robot.js';
import { decodeCardCallback } from './decode-card.js';
import { decodeEvent } from './decode-event.js';

function parseJsonOrReject(deps: IngressDeps, ctx: Context, body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    rejectCallback(deps, ctx, 'dingtalk', 'malformed', `body is not JSON: not a DingTalk ${what}?`);
  }
}

function decodeOrRefuse(deps: IngressDeps, ctx: Context, decode: () => Decoded, what: string): Decoded {
  try {
    return decode();
  } catch (e) {
    rejectCallback(
      deps,
      ctx,
      'dingtalk',
      'malformed',
      `${what} is not readable (${e instanceof DecodeError ? e.message : 'unreadable'})`,
    );
  }
}

/** How long a pair can still pass the ±1 h window, from now: its claim lives that long (+1 min). */
function pairTtlSec(timestamp: string, now: Date): number {
  const ms = parseTimestampMs(timestamp) ?? now.getTime();
  return Math.ceil((ms + DINGTALK_WINDOW_MS - now.getTime()) / 1000) + 60;
}

/** The robot message's msgId, as the pair's owner (the decoder has checked the JSON's shape). */
function msgIdOf(json: unknown): string | undefined {
  const id = (json as { msgId?: unknown } | null)?.msgId;
  return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : undefined;
}

export function dingtalkRouter(deps: IngressDeps): Router {
  const r = createRouter();
  const c = deps.config;
  if (!c.dingtalkEnabled || c.DINGTALK_MODE !== 'http') return r;
  const appSecret = c.DINGTALK_APP_SECRET!;
  const robotCode = c.DINGTALK_ROBOT_CODE!;
  const cardSecret = cardCallbackSecret(appSecret);

  r.post('/dingtalk/robot', async (ctx) => {
    // The sign covers the timestamp only, so it is checked before the body is even read.
    const now = deps.now();
    const v = verifyRobotSign(ctx.headers, appSecret, now);
    if (!v.ok) rejectCallback(deps, ctx, 'dingtalk', 'bad_signature', v.hint);
    const body = await readBodyOrRefuse(deps, ctx, 'dingtalk');
    const json = parseJsonOrReject(deps, ctx, body, 'robot message');
    const decoded = decodeOrRefuse(
      deps,
      ctx,
      () => decodeRobotMessage(json, 'dingtalk-robot', now),
      'robot message',
    );
    // robotCode: "机器人的编码" of the robot the message was sent to (接收消息的消息协议,
    // https://open.dingtalk.com/document/orgapp/receive-message); ours is DINGTALK_ROBOT_CODE
    if ((json as { robotCode?: unknown }).robotCode !== robotCode)
      rejectCallback(
        deps,
        ctx,
        'dingtalk',
        'bad_signature',
        'robotCode is not DINGTALK_ROBOT_CODE: check DINGTALK_ROBOT_CODE',
      );
    const msgId =
      msgIdOf(json) ?? rejectCallback(deps, ctx, 'dingtalk', 'malformed', 'robot message without msgId');
    await claimSignatureOrRefuse(
      deps,
      ctx,
      'dingtalk',
      { channel: 'dingtalk-robot', ...v },
      msgId,
      pairTtlSec(v.timestamp, now),
    );
    await acceptDecoded(deps, ctx, 'dingtalk', decoded, { type: 'text/plain; charset=utf-8', body: '' });
  });

  r.post('/dingtalk/card', async (ctx) => {
    const now = deps.now();
    const v = verifyCardSign(ctx.headers, cardSecret, now);
    if (!v.ok) rejectCallback(deps, ctx, 'dingtalk', 'bad_signature', v.hint);
    const body = await readBodyOrRefuse(deps, ctx, 'dingtalk');
    const json = parseJsonOrReject(deps, ctx, body, 'card callback');
    const decoded = decodeOrRefuse(deps, ctx, () => decodeCardCallback(json, now), 'card callback');
    // a click carries no message id: the body itself is what the pair is bound to
    const bodyId = createHash('sha256').update(body).digest('hex').slice(0, 32);
    await claimSignatureOrRefuse(
      deps,
      ctx,
      'dingtalk',
      { channel: 'dingtalk-card', ...v },
      bodyId,
      pairTtlSec(v.timestamp, now),
    );
    await acceptDecoded(deps, ctx, 'dingtalk', decoded, {
      type: 'application/json; charset=utf-8',
      body: '{}',
    });
  });

  if (c.DINGTALK_EVENT_TOKEN && c.DINGTALK_EVENT_AES_KEY) {
    const secrets = eventSecrets(c.DINGTALK_EVENT_TOKEN, c.DINGTALK_EVENT_AES_KEY, c.DINGTALK_APP_KEY!);
    r.post('/dingtalk/events', async (ctx) => {
      const body = await readBodyOrRefuse(deps, ctx, 'dingtalk');
      const json = parseJsonOrReject(deps, ctx, body, 'event') as { encrypt?: unknown } | null;
      const encrypted = json && typeof json.encrypt === 'string' && json.encrypt ? json.encrypt : undefined;
      if (!encrypted)
        rejectCallback(deps, ctx, 'dingtalk', 'malformed', 'body has no "encrypt": not a DingTalk event?');
      const now = deps.now();
      const v = verifyEvent(parseQuery(ctx.querystring), encrypted, secrets.token, now);
      if (!v.ok) rejectCallback(deps, ctx, 'dingtalk', 'bad_signature', v.hint);
      let plain: string;
      try {
        plain = decryptEvent(secrets, encrypted);
      } catch (e) {
        const hint =
          e instanceof BizCryptError && e.reason === 'receive_id_mismatch'
            ? 'receive id mismatch: check DINGTALK_APP_KEY'
            : 'cannot decrypt with the configured key: check DINGTALK_EVENT_AES_KEY';
        rejectCallback(deps, ctx, 'dingtalk', 'bad_signature', hint);
      }
      const decoded = decodeOrRefuse(deps, ctx, () => decodeEvent(plain, now), 'event');
      await acceptDecoded(deps, ctx, 'dingtalk', decoded, {
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(successReply(secrets, v.timestamp, v.nonce)),
      });
    });
  }
  return r;
}
