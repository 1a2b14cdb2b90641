import type { Card } from '../domain/card.js';
import type { Platform } from '../domain/inbound.js';

/**
 * The platform side of one send, as jobs/outbound.ts sees it: where a card goes (an Address,
 * resolved from the neutral Recipient), what came back (message ids, a CardRef for updating it
 * later), and the ledger that makes a send exactly-once per outbound job.
 */
export type Address =
  /** WeCom self-built app message to a member (message/send touser) */
  | { platform: 'wecom'; channel: 'wecom-app'; userId: string }
  /** WeCom smart bot: the message's response_url (one use, 1 h); later parts / failures go to the app */
  | { platform: 'wecom'; channel: 'wecom-bot'; responseUrl: string; fallbackUserId?: string }
  /** WeCom group robot webhook (the roster's 群ID: URL or key) */
  | { platform: 'wecom'; channel: 'wecom-webhook'; webhook: string }
  /** WeCom appchat/send, a group the app created */
  | { platform: 'wecom'; channel: 'wecom-appchat'; chatId: string }
  /** DingTalk robot to a person: interactive card or oToMessages/batchSend */
  | { platform: 'dingtalk'; channel: 'dingtalk-user'; userId: string }
  /** DingTalk: the message's sessionWebhook while valid; failures go to batchSend */
  | { platform: 'dingtalk'; channel: 'dingtalk-session'; sessionWebhook: string; fallbackUserId?: string }
  /** DingTalk robot to a group by openConversationId (groupMessages/send) */
  | { platform: 'dingtalk'; channel: 'dingtalk-group'; openConversationId: string }
  /** DingTalk custom robot webhook URL given as a chat's 群ID */
  | { platform: 'dingtalk'; channel: 'dingtalk-webhook'; webhook: string }
  /** the simulator's stream */
  | { platform: 'sim'; channel: 'sim'; conversation: string };

/** Where a card about an item went, so a later card_update can take its buttons away. */
export type CardRef =
  | {
      platform: 'wecom';
      taskId: string;
      userIds: string[];
      responseCode?: string;
      sentAt: string;
      card: Card;
    }
  | { platform: 'dingtalk'; outTrackId: string; sentAt: string; card: Card }
  | { platform: 'sim'; conversation: string; cardId: string; sentAt: string; card: Card };

/** Per outbound job: the parts the platform already confirmed (survives retries and restarts). */
export interface Ledger {
  get(part: string): Promise<string | undefined>;
  /** call right after the platform confirmed the part */
  set(part: string, messageId: string): Promise<void>;
}

export interface SendOutcome {
  platform: Platform;
  /** for the Delivery: which API carried it, e.g. 'wecom-app message/send' */
  channel: string;
  messageIds: string[];
  cardRef?: CardRef;
}

export interface SendContext {
  /** unique per (job, address): task_id / outTrackId / card id derive from it */
  sendKey: string;
  ledger: Ledger;
  now: Date;
  /** the items the card is about (the simulator lists them on the card) */
  items?: string[];
  /** the card clicked, when this answers a click (the simulator gives the buttons back on an error) */
  inReplyTo?: { cardId?: string; item?: string };
  /**
   * Called when what had to go to the reply's chat has gone and the rest goes to another (a smart
   * bot's answer past its response_url goes through the app, at the member's rate): the next reply
   * to the chat need not wait for that rest (src/queue/reply-order.ts). Idempotent.
   */
  chatDone?: () => Promise<void>;
}

export interface UpdateContext {
  ledgerPart: string;
  ledger: Ledger;
  now: Date;
  /** the click that caused the update: its ResponseCode / task id (WeCom), card id (sim) */
  click?: { responseCode?: string; taskId?: string; outTrackId?: string; cardId?: string };
  /** the item whose cards are updated */
  item?: string;
}

export interface PlatformSender {
  send(address: Address, card: Card, ctx: SendContext): Promise<SendOutcome>;
  /**
   * Show `card` (the sent card brought up to date: cards/card-update.ts) where `ref` was sent.
   * 'skipped' when the platform no longer allows it (WeCom response_code used or > 72 h).
   */
  update(ref: CardRef, card: Card, ctx: UpdateContext): Promise<'updated' | 'skipped'>;
}

/** A sent card's identity, for its state across updates (card-state.ts). */
export function cardRefId(ref: CardRef): string {
  switch (ref.platform) {
    case 'wecom':
      return `w:${ref.taskId}`;
    case 'dingtalk':
      return `d:${ref.outTrackId}`;
    case 'sim':
      return `s:${ref.cardId}`;
  }
}

/** A stable short name of an address, for ledger fields and logs (no URL secrets). */
export function addressKey(a: Address): string {
  switch (a.channel) {
    case 'wecom-app':
      return `wa:${a.userId}`;
    case 'wecom-bot':
      return 'wb';
    case 'wecom-webhook':
      return `ww:${shortHash(a.webhook)}`;
    case 'wecom-appchat':
      return `wc:${a.chatId}`;
    case 'dingtalk-user':
      return `du:${a.userId}`;
    case 'dingtalk-session':
      return 'ds';
    case 'dingtalk-group':
      return `dg:${a.openConversationId}`;
    case 'dingtalk-webhook':
      return `dw:${shortHash(a.webhook)}`;
    case 'sim':
      return `s:${a.conversation}`;
  }
}

function shortHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Run `send` for a part unless the ledger says it went already. */
export async function sendPart(ledger: Ledger, part: string, send: () => Promise<string>): Promise<string> {
  const done = await ledger.get(part);
  if (done !== undefined) return done;
  const id = await send();
  await ledger.set(part, id);
  return id;
}
