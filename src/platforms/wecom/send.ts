import type { Card } from '../../domain/card.js';
import type { RedisClient } from '../../redis/connect.js';
import { USED_TTL_S, type OutboundKeys } from '../../store/keys.js';
import {
  sendPart,
  type Address,
  type CardRef,
  type PlatformSender,
  type SendContext,
  type SendOutcome,
  type UpdateContext,
} from '../outbound.js';
import { PlatformError, isPlatformError } from '../platform-error.js';
import { LIMITS, type RateLimiter } from '../rate-limit.js';
import type { WecomClient } from './client.js';
import { WECOM_BYTES, renderWecomMarkdown } from './render-markdown.js';
import { renderButtonCard, renderUpdatedCard, wecomTaskId } from './render-template-card.js';
import { CARD_LIMITS } from '../card-limits.js';

/** response_code of update_template_card: "72小时内有效，且只能使用一次" (https://developer.work.weixin.qq.com/document/path/94888) */
const RESPONSE_CODE_TTL_MS = 72 * 3600_000;

type WecomAddress = Extract<Address, { platform: 'wecom' }>;

export class WecomSender implements PlatformSender {
  constructor(
    private readonly client: WecomClient,
    private readonly redis: RedisClient,
    private readonly keys: OutboundKeys,
    private readonly limiter: RateLimiter,
  ) {}

  /** Mark a one-use code used; false when it was already (src/store/keys.ts USED_TTL_S). */
  private async useOnce(kind: 'response_code' | 'response_url', value: string): Promise<boolean> {
    return (
      (await this.redis.set(this.keys.usedOnce(kind, value), '1', 'EX', USED_TTL_S[kind], 'NX')) === 'OK'
    );
  }

  async send(address: Address, card: Card, ctx: SendContext): Promise<SendOutcome> {
    const a = address as WecomAddress;
    switch (a.channel) {
      case 'wecom-app':
        return this.sendApp(a.userId, card, ctx, 'app');
      case 'wecom-bot':
        return this.sendBot(a, card, ctx);
      case 'wecom-webhook': {
        const ids: string[] = [];
        for (const [i, m] of renderWecomMarkdown(card, WECOM_BYTES.webhookMarkdown).entries()) {
          ids.push(
            await sendPart(ctx.ledger, `p${i}`, async () => {
              await this.limiter.acquire(this.keys.rate('wecom-webhook', a.webhook), LIMITS.wecomWebhook);
              await this.client.webhookSend(a.webhook, m);
              return '';
            }),
          );
        }
        return { platform: 'wecom', channel: 'wecom webhook/send', messageIds: ids.filter(Boolean) };
      }
      case 'wecom-appchat': {
        for (const [i, m] of renderWecomMarkdown(card, WECOM_BYTES.appMarkdown).entries()) {
          await sendPart(ctx.ledger, `p${i}`, async () => {
            await this.limiter.acquire(this.keys.rate('wecom-appchat', a.chatId), LIMITS.wecomAppchat);
            await this.client.appchatSend(a.chatId, m);
            return '';
          });
        }
        return { platform: 'wecom', channel: 'wecom appchat/send', messageIds: [] };
      }
    }
  }

  /** message/send to one member: a button card when it fits, else markdown parts. */
  private async sendApp(userId: string, card: Card, ctx: SendContext, prefix: string): Promise<SendOutcome> {
    const taskId = wecomTaskId(ctx.sendKey);
    const tc = renderButtonCard(card, taskId);
    const limit = () => this.limiter.acquire(this.keys.rate('wecom-user', userId), LIMITS.wecomAppUser);
    if (tc) {
      let responseCode: string | undefined;
      const msgid = await sendPart(ctx.ledger, `${prefix}:card`, async () => {
        await limit();
        try {
          const r = await this.client.sendMessage(userId, { msgtype: 'template_card', template_card: tc });
          responseCode = r.response_code;
          return r.msgid ?? taskId;
        } catch (e) {
          // 42014: the task_id exists — this very send went through on an earlier try that died
          // before the ledger was written. It is delivered; do not send it again.
          if (isPlatformError(e) && e.code === '42014') return taskId;
          throw e;
        }
      });
      const cardRef: CardRef = {
        platform: 'wecom',
        taskId,
        userIds: [userId],
        responseCode,
        sentAt: ctx.now.toISOString(),
        card,
      };
      return {
        platform: 'wecom',
        channel: 'wecom-app message/send template_card',
        messageIds: [msgid],
        cardRef,
      };
    }
    const ids: string[] = [];
    for (const [i, m] of renderWecomMarkdown(card, WECOM_BYTES.appMarkdown).entries()) {
      ids.push(
        await sendPart(ctx.ledger, `${prefix}:p${i}`, async () => {
          await limit();
          return (await this.client.sendMessage(userId, m)).msgid ?? '';
        }),
      );
    }
    return { platform: 'wecom', channel: 'wecom-app message/send markdown', messageIds: ids.filter(Boolean) };
  }

  /**
   * Smart bot: the first message goes to the response_url (one use: claimed in Redis first);
   * the rest of a split message, or everything when the URL is used up or refused, goes to the
   * sender through the app.
   */
  private async sendBot(
    a: Extract<WecomAddress, { channel: 'wecom-bot' }>,
    card: Card,
    ctx: SendContext,
  ): Promise<SendOutcome> {
    const parts = renderWecomMarkdown(card, WECOM_BYTES.botMarkdown);
    const tc = renderButtonCard(card, wecomTaskId(ctx.sendKey), CARD_LIMITS.wecomBot);
    const first = tc ? { msgtype: 'template_card', template_card: tc } : parts[0]!;
    const rest = tc ? [] : parts.slice(1);
    let viaUrl = (await ctx.ledger.get('bot:url')) !== undefined;
    if (!viaUrl) {
      const claimed = await this.useOnce('response_url', a.responseUrl);
      if (claimed) {
        try {
          await this.client.responseUrlSend(a.responseUrl, first);
          await ctx.ledger.set('bot:url', '');
          viaUrl = true;
        } catch (e) {
          if (!isPlatformError(e) || !a.fallbackUserId) throw e;
        }
      }
    }
    if (!viaUrl) {
      if (!a.fallbackUserId)
        throw new PlatformError(
          'wecom',
          'permanent',
          'response_url_used',
          'smart bot response_url already used and the sender has no 企业微信 id for the app',
        );
      return this.sendApp(a.fallbackUserId, card, ctx, 'botapp');
    }
    if (rest.length && a.fallbackUserId) {
      // the bot's chat has its part; the rest goes to the app's chat at the member's rate (25 a
      // minute): a long list must not hold this chat's next answers back behind that
      await ctx.chatDone?.();
      for (const [i, m] of rest.entries()) {
        await sendPart(ctx.ledger, `bot:p${i + 1}`, async () => {
          await this.limiter.acquire(this.keys.rate('wecom-user', a.fallbackUserId!), LIMITS.wecomAppUser);
          return (await this.client.sendMessage(a.fallbackUserId!, m)).msgid ?? '';
        });
      }
    }
    return { platform: 'wecom', channel: 'wecom-bot response_url', messageIds: [] };
  }

  /**
   * update_template_card with the card as it is now (a full button_interaction card: the buttons
   * still valid keep working; none left → the original ones greyed with the state), using a
   * response_code not yet used and < 72 h old: the click's own, else the one the send returned.
   * Only this card changes: a card's update never touches another task's card.
   */
  async update(ref: CardRef, card: Card, ctx: UpdateContext): Promise<'updated' | 'skipped'> {
    if (ref.platform !== 'wecom') return 'skipped';
    if ((await ctx.ledger.get(ctx.ledgerPart)) !== undefined) return 'updated';
    const fromClick = ctx.click?.taskId === ref.taskId ? ctx.click.responseCode : undefined;
    const fresh = ctx.now.getTime() - Date.parse(ref.sentAt) < RESPONSE_CODE_TTL_MS;
    const candidates = [fromClick, fresh ? ref.responseCode : undefined].filter((c): c is string => !!c);
    const tc = renderUpdatedCard(card, ref.card.buttons);
    if (!tc) return 'skipped';
    for (const code of candidates) {
      if (!(await this.useOnce('response_code', code))) continue;
      await this.client.updateTemplateCard(ref.userIds, code, { template_card: tc });
      await ctx.ledger.set(ctx.ledgerPart, '');
      return 'updated';
    }
    return 'skipped';
  }
}
