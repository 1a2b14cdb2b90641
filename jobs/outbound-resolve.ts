import { simActive, type Config } from '../src/config.js';
import type { Recipient } from '../src/domain/reply.js';
import type { Chat } from '../src/domain/roster.js';
import type { Origin } from '../src/queue/outbound-job.js';
import { addressKey, type Address } from '../src/platforms/outbound.js';
import type { OutboundStore } from './outbound-deps.js';

/**
 * Recipient → platform addresses (docs/spec/interfaces.md, "Outbound: which platform APIs the accounts
 * must allow"):
 * - `origin`: answer in place — WeCom smart bot: the message's response_url (the sender's app
 *   chat when it is used up); WeCom app: message/send to the sender; DingTalk: the
 *   sessionWebhook while valid, else the group (groupMessages/send) or the sender (batchSend);
 *   sim: the conversation;
 * - `person`: the roster person on the platform they last wrote from (WeCom when never), the
 *   other platform when they have no id (or the platform is not configured) there; neither →
 *   unreachable; the simulator when it is on and nothing else reaches them;
 * - `bound_chat`: every roster chat bound to that zone / school / office: a WeCom 群ID that is a
 *   webhook URL or key → group robot, another id → appchat/send; DingTalk: an openConversationId
 *   → groupMessages/send, a URL → that robot webhook; in the simulator (SIM on and the chat's
 *   platform not configured) `group:<chatId>`, as src/platforms/sim/README.md expects.
 */
export interface Target {
  /** the Delivery's `to`: roster person id, `wecom:<userid>` for an unknown sender, `zone:Z1` */
  to: string;
  address?: Address;
  /** why there is no address (recorded as an `unreachable` delivery) */
  reason?: string;
}

/** DingTalk sessionWebhook: used only while comfortably before its expiry. */
const SESSION_MARGIN_MS = 15_000;
const WEBHOOK_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const simOnly = (c: Config) => simActive(c);
const dm = (personId: string) => `dm:${personId}`;
const group = (chatId: string) => `group:${chatId}`;

export async function resolveTargets(
  to: Recipient,
  origin: Origin | undefined,
  store: OutboundStore,
  config: Config,
  now: Date,
): Promise<Target[]> {
  const targets = await resolve(to, origin, store, config, now);
  const seen = new Set<string>();
  return targets.filter((t) => {
    if (!t.address) return true;
    const k = addressKey(t.address);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function resolve(
  to: Recipient,
  origin: Origin | undefined,
  store: OutboundStore,
  config: Config,
  now: Date,
): Promise<Target[]> {
  switch (to.type) {
    case 'origin': {
      if (!origin) return [{ to: 'origin', reason: 'an origin reply without an origin' }];
      const person = await store.findPerson(origin.platform, origin.senderId);
      const who = person?.id ?? `${origin.platform}:${origin.senderId}`;
      return [{ to: who, address: originAddress(origin, config, now) }];
    }
    case 'person': {
      const p = await store.getPerson(to.personId);
      if (!p?.active)
        return [{ to: to.personId, reason: p ? 'inactive on the roster' : 'not on the roster' }];
      const last = await store.getLastPlatform(p.id);
      if (last === 'sim' && simOnly(config))
        return [{ to: p.id, address: { platform: 'sim', channel: 'sim', conversation: dm(p.id) } }];
      const order = last === 'dingtalk' ? (['dingtalk', 'wecom'] as const) : (['wecom', 'dingtalk'] as const);
      for (const platform of order) {
        if (platform === 'wecom' && p.wecomId && config.wecomAppEnabled) {
          return [{ to: p.id, address: { platform, channel: 'wecom-app', userId: p.wecomId } }];
        }
        if (platform === 'dingtalk' && p.dingtalkId && config.dingtalkEnabled) {
          return [{ to: p.id, address: { platform, channel: 'dingtalk-user', userId: p.dingtalkId } }];
        }
      }
      if (simOnly(config))
        return [{ to: p.id, address: { platform: 'sim', channel: 'sim', conversation: dm(p.id) } }];
      return [
        { to: p.id, reason: 'no 企业微信 or 钉钉 id on the roster (or that platform is not configured)' },
      ];
    }
    case 'bound_chat': {
      const label = `${to.binding.type}:${to.binding.id}`;
      const chats = (await store.listChats()).filter(
        (c) => c.binding.type === to.binding.type && c.binding.id === to.binding.id,
      );
      return chats.map((chat) => chatTarget(chat, label, config));
    }
  }
}

function originAddress(o: Origin, config: Config, now: Date): Address {
  switch (o.platform) {
    case 'sim':
      return { platform: 'sim', channel: 'sim', conversation: o.conversation?.id ?? dm(o.senderId) };
    case 'wecom':
      if (o.replyVia?.responseUrl) {
        return {
          platform: 'wecom',
          channel: 'wecom-bot',
          responseUrl: o.replyVia.responseUrl,
          ...(config.wecomAppEnabled ? { fallbackUserId: o.senderId } : {}),
        };
      }
      return { platform: 'wecom', channel: 'wecom-app', userId: o.senderId };
    case 'dingtalk': {
      const rv = o.replyVia;
      if (rv?.sessionWebhook && (rv.sessionWebhookExpiresAt ?? 0) > now.getTime() + SESSION_MARGIN_MS) {
        return {
          platform: 'dingtalk',
          channel: 'dingtalk-session',
          sessionWebhook: rv.sessionWebhook,
          ...(config.dingtalkEnabled ? { fallbackUserId: o.senderId } : {}),
        };
      }
      if (o.conversation?.isGroup)
        return { platform: 'dingtalk', channel: 'dingtalk-group', openConversationId: o.conversation.id };
      return { platform: 'dingtalk', channel: 'dingtalk-user', userId: o.senderId };
    }
  }
}

function chatTarget(chat: Chat, label: string, config: Config): Target {
  const configured =
    chat.platform === 'wecom'
      ? config.wecomAppEnabled || config.wecomBotEnabled
      : chat.platform === 'dingtalk'
        ? config.dingtalkEnabled
        : false;
  const isUrl = /^https?:\/\//.test(chat.chatId);
  if (chat.platform === 'sim' || (!configured && simOnly(config))) {
    return { to: label, address: { platform: 'sim', channel: 'sim', conversation: group(chat.chatId) } };
  }
  if (chat.platform === 'wecom') {
    if (isUrl || WEBHOOK_KEY.test(chat.chatId))
      return { to: label, address: { platform: 'wecom', channel: 'wecom-webhook', webhook: chat.chatId } };
    if (!config.wecomAppEnabled)
      return {
        to: label,
        reason: `chat ${chat.name || chat.chatId}: appchat needs the WeCom app configured`,
      };
    return { to: label, address: { platform: 'wecom', channel: 'wecom-appchat', chatId: chat.chatId } };
  }
  if (isUrl)
    return {
      to: label,
      address: { platform: 'dingtalk', channel: 'dingtalk-webhook', webhook: chat.chatId },
    };
  if (!config.dingtalkEnabled)
    return { to: label, reason: `chat ${chat.name || chat.chatId}: DingTalk is not configured` };
  return {
    to: label,
    address: { platform: 'dingtalk', channel: 'dingtalk-group', openConversationId: chat.chatId },
  };
}
