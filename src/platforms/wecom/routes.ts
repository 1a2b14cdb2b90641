// `GET|POST /wecom/app` (self-built app) and `GET|POST /wecom/bot` (smart bot, API mode), each
// mounted only when its variables are all set (config.wecomAppEnabled / wecomBotEnabled);
// otherwise the path is 404. Other methods get 405 from the router.
//
// GET is the URL check: verify msg_signature over echostr, decrypt it and answer the plaintext
// "不能加引号,不能带bom头,不能带换行符" within 1 s (https://developer.work.weixin.qq.com/document/path/90968,
// bot: https://developer.work.weixin.qq.com/document/path/101033).
// POST answers 200 with an empty body once the message is stored: "不想回复任何内容,可以直接返回200
// (即以空串为返回包)", and without an answer within 5 s WeCom retries, 3 times (接收消息与事件 概述,
// https://developer.work.weixin.qq.com/document/path/96466; self-built apps: path/90238). The smart
// bot likewise "可以选择直接回复空包" (101033).

import type Router from '@koa/router';
import { createRouter } from '../../http/router.js';
import type { Context } from 'koa';
import { rejectCallback, type IngressDeps } from '../ingress.js';
import { acceptDecoded, parseQuery, readBodyOrRefuse } from '../callback-helpers.js';
import { BizCryptError } from '../biz-msg-crypt.js';
import { decrypt, wecomSecrets, type WecomSecrets } from './crypto.js';
import { verifyWecom } from './verify.js';
import { decodeAppMessage, extractAppEncrypt } from './decode-app.js';
import { DecodeError, type Decoded } from '../decoded.js';
import { decodeBotMessage, extractBotEncrypt } from './decode-bot.js';

interface Channel {
  secrets: WecomSecrets;
  tokenVar: string;
  keyVars: string;
  extract: (body: string) => string | undefined;
  decode: (plain: string, now: Date) => Decoded;
  envelope: string;
}

function decryptOrRefuse(deps: IngressDeps, ctx: Context, ch: Channel, encrypted: string): string {
  try {
    return decrypt(ch.secrets, encrypted);
  } catch (e) {
    const hint =
      e instanceof BizCryptError && e.reason === 'receive_id_mismatch'
        ? `receive id mismatch: check ${ch.keyVars}`
        : `cannot decrypt with the configured key: check ${ch.keyVars}`;
    rejectCallback(deps, ctx, 'wecom', 'bad_signature', hint);
  }
}

function urlCheck(deps: IngressDeps, ch: Channel) {
  return (ctx: Context) => {
    const query = parseQuery(ctx.querystring);
    // Base64 has no spaces: one here is a '+' that reached us unencoded and was decoded as a space.
    const echostr = typeof query.echostr === 'string' ? query.echostr.replace(/ /g, '+') : undefined;
    if (!echostr)
      rejectCallback(
        deps,
        ctx,
        'wecom',
        'malformed',
        'GET without echostr: only WeCom URL checks are answered here',
      );
    const v = verifyWecom(query, echostr, ch.secrets.token, deps.now(), { tokenVar: ch.tokenVar });
    if (!v.ok) rejectCallback(deps, ctx, 'wecom', v.outcome, v.hint);
    ctx.status = 200;
    ctx.type = 'text/plain';
    ctx.body = decryptOrRefuse(deps, ctx, ch, echostr);
  };
}

function receive(deps: IngressDeps, ch: Channel) {
  return async (ctx: Context) => {
    const body = await readBodyOrRefuse(deps, ctx, 'wecom');
    const encrypted =
      ch.extract(body) ??
      rejectCallback(deps, ctx, 'wecom', 'malformed', `body is not ${ch.envelope}: not a WeCom callback?`);
    const now = deps.now();
    const v = verifyWecom(parseQuery(ctx.querystring), encrypted, ch.secrets.token, now, {
      tokenVar: ch.tokenVar,
    });
    if (!v.ok) rejectCallback(deps, ctx, 'wecom', v.outcome, v.hint);
    const plain = decryptOrRefuse(deps, ctx, ch, encrypted);
    let decoded: Decoded;
    try {
      decoded = ch.decode(plain, now);
    } catch (e) {
      rejectCallback(
        deps,
        ctx,
        'wecom',
        'malformed',
        `decrypted payload is not a WeCom message (${e instanceof DecodeError ? e.message : 'unreadable'})`,
      );
    }
    await acceptDecoded(deps, ctx, 'wecom', decoded, { type: 'text/plain; charset=utf-8', body: '' });
  };
}

export function wecomRouter(deps: IngressDeps): Router {
  const r = createRouter();
  const c = deps.config;
  if (c.wecomAppEnabled) {
    const app: Channel = {
      secrets: wecomSecrets(c.WECOM_TOKEN!, c.WECOM_AES_KEY!, c.WECOM_CORP_ID!),
      tokenVar: 'WECOM_TOKEN',
      keyVars: 'WECOM_AES_KEY and WECOM_CORP_ID',
      extract: extractAppEncrypt,
      decode: decodeAppMessage,
      envelope: 'an <xml><Encrypt> envelope',
    };
    r.get('/wecom/app', urlCheck(deps, app));
    r.post('/wecom/app', receive(deps, app));
  }
  if (c.wecomBotEnabled) {
    const bot: Channel = {
      secrets: wecomSecrets(c.WECOM_BOT_TOKEN!, c.WECOM_BOT_AES_KEY!, ''),
      tokenVar: 'WECOM_BOT_TOKEN',
      keyVars: 'WECOM_BOT_AES_KEY',
      extract: extractBotEncrypt,
      decode: decodeBotMessage,
      envelope: 'a JSON {"encrypt": ...} envelope',
    };
    r.get('/wecom/bot', urlCheck(deps, bot));
    r.post('/wecom/bot', receive(deps, bot));
  }
  return r;
}
