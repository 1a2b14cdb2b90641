// Signed platform callbacks as the platforms send them, each with its own reply channel at the
// fake (a smart-bot response_url or a DingTalk sessionWebhook named after the message), and the
// other side: every send the fake served, read back as (channel, recipient, text).

import { randomBytes } from 'node:crypto';
import type { FakePlatform, FakeRequest } from '../fakes/fake-platform.js';
import {
  WECOM_TEST,
  buildWecomAppCallback,
  buildWecomBotCallback,
  post,
  type SignOptions,
} from '../helpers/wecom-sign.js';
import { DINGTALK_TEST, cardHeaders, robotHeaders } from '../helpers/dingtalk-sign.js';
import { encodeButtonKey } from '../../src/platforms/button-key.js';
import type { CardAction } from '../../src/domain/inbound.js';
import { utf8Bytes } from '../../src/platforms/split-message.js';
import { wecomCardProblems } from '../fakes/card-checks.js';

const run = randomBytes(3).toString('hex');
let seq = 0;
/** a fresh message id: digits for WeCom app MsgIds, any text elsewhere */
export const nextId = (tag = 'm') => `${tag}-${run}-${++seq}`;
export const nextMsgId = () => `${Date.now()}${String(++seq).padStart(6, '0')}`;

export interface Sent {
  id: string;
  /** where its answer is expected: `bot:<code>` / `session:<id>` / `wecom:<user>` */
  replyTo: string;
  res: Response;
}

/** The demo roster's platform ids (examples/roster.json). */
export const IDS = {
  supWang: { wecom: 'wangjianguo', dingtalk: '0312456789', id: 'sup-wang' },
  supZhang: { wecom: 'zhanglihua', dingtalk: '0312456790', id: 'sup-zhang' },
  priS01: { wecom: 'lixz01', dingtalk: '0312456800', id: 'pri-s01' },
  priS02: { wecom: 'chenxz02', id: 'pri-s02' },
  priS03: { wecom: 'yangxz03', dingtalk: '0312456802', id: 'pri-s03' },
  leadLiu: { wecom: 'liujianhua', dingtalk: '0312456700', id: 'lead-liu' },
} as const;

/** A WeCom smart-bot text message (direct chat unless `group`), answered on its own response_url. */
export async function botText(
  base: string,
  fake: FakePlatform,
  from: string,
  text: string,
  o: { id?: string; group?: boolean; sign?: SignOptions; replyBase?: string } = {},
): Promise<Sent> {
  const id = o.id ?? nextId('bot');
  const body = JSON.stringify({
    msgid: id,
    aibotid: 'AIBOTID',
    chatid: o.group ? 'wrDemoZone1Group' : undefined,
    chattype: o.group ? 'group' : 'single',
    from: { userid: from },
    response_url: o.replyBase
      ? `${o.replyBase}/cgi-bin/aibot/response?response_code=${encodeURIComponent(id)}`
      : fake.responseUrl(id),
    msgtype: 'text',
    text: { content: o.group ? `@督导助手 ${text}` : text },
  });
  const res = await post(base, buildWecomBotCallback(WECOM_TEST, body, o.sign), 'application/json');
  return { id, replyTo: `bot:${id}`, res };
}

/** A WeCom self-built-app text message; the answer goes to the sender through message/send. */
export async function appText(
  base: string,
  from: string,
  text: string,
  o: { msgId?: string; sign?: SignOptions } = {},
): Promise<Sent> {
  const id = o.msgId ?? nextMsgId();
  const xml =
    `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content>` +
    `<MsgId>${id}</MsgId><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`;
  const res = await post(base, buildWecomAppCallback(WECOM_TEST, xml, o.sign), 'text/xml');
  return { id, replyTo: `wecom:${from}`, res };
}

/** A WeCom template-card button click (self-built app event). */
export async function appClick(
  base: string,
  from: string,
  action: CardAction,
  item: string,
  o: { taskId?: string; key?: string; responseCode?: string } = {},
): Promise<Sent> {
  const key = o.key ?? encodeButtonKey(action, item);
  const xml =
    `<xml><ToUserName><![CDATA[${WECOM_TEST.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>` +
    `<EventKey><![CDATA[${key}]]></EventKey><TaskId><![CDATA[${o.taskId ?? nextId('task')}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>` +
    `<ResponseCode><![CDATA[${o.responseCode ?? nextId('rc')}]]></ResponseCode><AgentID>${WECOM_TEST.agentId}</AgentID></xml>`;
  const res = await post(base, buildWecomAppCallback(WECOM_TEST, xml), 'text/xml');
  return { id: key, replyTo: `wecom:${from}`, res };
}

/** A DingTalk robot message (HTTP mode), answered on its own sessionWebhook. */
export async function dingText(
  base: string,
  fake: FakePlatform,
  staffId: string,
  text: string,
  o: { id?: string; group?: boolean; timestamp?: string; replyBase?: string } = {},
): Promise<Sent> {
  const id = o.id ?? nextId('ding');
  const now = Date.now();
  const body = {
    conversationId: o.group ? 'cidDemoZone2Group==' : `cid-single-${staffId}`,
    chatbotCorpId: 'dingcorp',
    msgId: id,
    senderNick: '某人',
    senderStaffId: staffId,
    senderId: `$:LWCP_v1:$${staffId}`,
    sessionWebhookExpiredTime: now + 90 * 60_000,
    createAt: now,
    conversationType: o.group ? '2' : '1',
    conversationTitle: o.group ? '第二责任区工作群' : undefined,
    isInAtList: true,
    sessionWebhook: o.replyBase
      ? `${o.replyBase}/robot/sendBySession?session=${encodeURIComponent(id)}`
      : fake.sessionWebhook(id),
    robotCode: DINGTALK_TEST.robotCode,
    text: { content: ` ${text}` },
    msgtype: 'text',
  };
  const res = await fetch(`${base}/dingtalk/robot`, {
    method: 'POST',
    headers: robotHeaders(DINGTALK_TEST.appSecret, { timestamp: o.timestamp }),
    body: JSON.stringify(body),
  });
  return { id, replyTo: `session:${id}`, res };
}

/** A DingTalk interactive-card click (HTTP mode). */
export async function dingClick(
  base: string,
  userId: string,
  action: CardAction,
  item: string,
  o: { outTrackId?: string; value?: string } = {},
): Promise<Sent> {
  const key = encodeButtonKey(action, item);
  const body = {
    type: 'actionCallback',
    outTrackId: o.outTrackId ?? nextId('track'),
    userId,
    corpId: 'dingcorp',
    content: JSON.stringify({
      cardPrivateData: { actionIds: [key], params: o.value ? { value: o.value } : {} },
    }),
  };
  const res = await fetch(`${base}/dingtalk/card`, {
    method: 'POST',
    headers: cardHeaders(DINGTALK_TEST.appSecret),
    body: JSON.stringify(body),
  });
  return { id: key, replyTo: `ding:${userId}`, res };
}

// ------------------------------------------------------------------ what reached the fake

export interface Reply {
  path: string;
  /** `bot:<response_code>`, `session:<id>`, `wecom:<userid>`, `ding:<userId>`, `appchat:<chatid>`, `dgroup:<cid>`, `webhook:<key>` */
  to: string;
  /** the text a person reads (markdown / text content, or the card's visible fields) */
  text: string;
  /** item numbers named in it, e.g. ZG-3 */
  items: string[];
  at: number;
  req: FakeRequest;
}

export const SEND_PATHS = new Set([
  '/cgi-bin/message/send',
  '/cgi-bin/aibot/response',
  '/cgi-bin/appchat/send',
  '/cgi-bin/webhook/send',
  '/v1.0/robot/oToMessages/batchSend',
  '/v1.0/robot/groupMessages/send',
  '/v1.0/card/instances/createAndDeliver',
  '/robot/sendBySession',
  '/robot/send',
]);

function cardText(tc: Record<string, any>): string {
  return [
    tc.main_title?.title,
    tc.main_title?.desc,
    tc.sub_title_text,
    ...((tc.horizontal_content_list ?? []) as { keyname: string; value: string }[]).map(
      (h) => `${h.keyname}：${h.value}`,
    ),
    ...((tc.button_list ?? []) as { text: string; key: string }[]).map((b) => `[${b.text}|${b.key}]`),
  ]
    .filter(Boolean)
    .join('\n');
}

function wecomText(b: Record<string, any>): string {
  if (b.msgtype === 'markdown') return String(b.markdown?.content ?? '');
  if (b.msgtype === 'text') return String(b.text?.content ?? '');
  if (b.msgtype === 'template_card') return cardText(b.template_card ?? {});
  return JSON.stringify(b);
}

function toOf(r: FakeRequest): string {
  const b = r.body ?? {};
  switch (r.path) {
    case '/cgi-bin/message/send':
      return `wecom:${b.touser}`;
    case '/cgi-bin/aibot/response':
      return `bot:${r.query.response_code}`;
    case '/cgi-bin/appchat/send':
      return `appchat:${b.chatid}`;
    case '/cgi-bin/webhook/send':
      return `webhook:${r.query.key}`;
    case '/v1.0/robot/oToMessages/batchSend':
      return `ding:${(b.userIds ?? []).join(',')}`;
    case '/v1.0/robot/groupMessages/send':
      return `dgroup:${b.openConversationId}`;
    case '/v1.0/card/instances/createAndDeliver':
      return `dcard:${b.openSpaceId ?? ''}`;
    case '/robot/sendBySession':
      return `session:${r.query.session}`;
    default:
      return `${r.path}`;
  }
}

function textOf(r: FakeRequest): string {
  const b = r.body ?? {};
  if (r.path.startsWith('/cgi-bin/')) return wecomText(b);
  if (r.path === '/v1.0/robot/oToMessages/batchSend' || r.path === '/v1.0/robot/groupMessages/send') {
    try {
      return String(JSON.parse(b.msgParam).text ?? '');
    } catch {
      return String(b.msgParam);
    }
  }
  if (r.path === '/robot/sendBySession' || r.path === '/robot/send')
    return String(b.markdown?.text ?? b.text?.content ?? '');
  return JSON.stringify(b.cardData ?? b);
}

/** Every send the fake served (in arrival order). */
export function replies(fake: FakePlatform): Reply[] {
  return fake.requests
    .filter((r) => r.served && SEND_PATHS.has(r.path))
    .map((req) => {
      const text = textOf(req);
      return {
        path: req.path,
        to: toOf(req),
        text,
        items: [...new Set(text.match(/ZG-\d+/g) ?? [])],
        at: req.at,
        req,
      };
    });
}

/**
 * The platforms' published limits, checked on what actually arrived (not on our renderers):
 * WeCom message/send text and markdown ≤ 2048 bytes (https://developer.work.weixin.qq.com/document/path/90236),
 * group robot markdown ≤ 4096 bytes (path/91770), smart-bot response_url markdown ≤ 20480 bytes
 * (path/101138), template cards within every documented limit (test/fakes/card-checks.ts: the
 * app's and the smart bot's own); DingTalk robot markdown: kept ≤ 2000 characters (its
 * connector's split size) and the 20 KB message body.
 * Returns what is wrong, or undefined.
 */
export function malformed(r: Reply): string | undefined {
  const b = r.req.body;
  if (typeof b !== 'object' || b === null) return 'body is not JSON';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(r.text))
    return 'lone surrogate in the text';
  if (/\u0000/.test(r.text)) return 'NUL in the text';
  const bytes = utf8Bytes(r.text);
  if (r.path.startsWith('/cgi-bin/')) {
    if (!['markdown', 'text', 'template_card'].includes(b.msgtype)) return `msgtype ${b.msgtype}`;
    if (
      r.path === '/cgi-bin/message/send' &&
      (typeof b.touser !== 'string' || !b.touser || typeof b.agentid !== 'number')
    )
      return 'touser/agentid';
    if (b.msgtype === 'template_card') {
      const problems = wecomCardProblems(
        b.template_card,
        r.path === '/cgi-bin/aibot/response' ? 'bot' : 'app',
      );
      if (problems.length) return problems.join('; ');
    } else {
      const limit =
        r.path === '/cgi-bin/webhook/send' && b.msgtype === 'markdown'
          ? 4096
          : r.path === '/cgi-bin/aibot/response' && b.msgtype === 'markdown'
            ? 20_480
            : 2048;
      if (bytes > limit) return `${bytes} bytes > ${limit}`;
      if (r.text.trim() === '') return 'empty text';
    }
    return undefined;
  }
  if (r.path === '/robot/sendBySession' || r.path.startsWith('/v1.0/robot/')) {
    if ([...r.text].length > 2000) return `${[...r.text].length} characters > 2000`;
    if (utf8Bytes(JSON.stringify(b)) > 20_000) return 'body over 20 KB';
    if (r.text.trim() === '') return 'empty text';
  }
  return undefined;
}

/** A multiset key for "the same message to the same place": duplicates show up as counts > 1. */
export function duplicates(rs: Reply[]): string[] {
  const seen = new Map<string, number>();
  for (const r of rs) {
    const k = `${r.to}\u0000${r.text}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen.entries()]
    .filter(([, n]) => n > 1)
    .map(([k, n]) => `${n}× ${k.replace('\u0000', ' ← ').slice(0, 160)}`);
}
