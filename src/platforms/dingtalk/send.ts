import type { Card } from '../../domain/card.js';
import type { OutboundKeys } from '../../store/keys.js';
import {
  sendPart,
  type Address,
  type CardRef,
  type PlatformSender,
  type SendContext,
  type SendOutcome,
  type UpdateContext,
} from '../outbound.js';
import { isPlatformError } from '../platform-error.js';
import { LIMITS, type RateLimiter } from '../rate-limit.js';
import type { DingtalkClient } from './client.js';
import { createAndDeliverBody, dingtalkOutTrackId, renderCardData, updateCardBody } from './render-card.js';
import { renderDingtalkMarkdown, sampleMarkdown, sessionMarkdown } from './render-markdown.js';

type DingtalkAddress = Extract<Address, { platform: 'dingtalk' }>;

export interface DingtalkSenderOptions {
  /** DINGTALK_CARD_TEMPLATE_ID: without it, cards go as markdown */
  templateId?: string;
  mode: 'http' | 'stream';
}

export class DingtalkSender implements PlatformSender {
  constructor(
    private readonly client: DingtalkClient,
    private readonly keys: OutboundKeys,
    private readonly limiter: RateLimiter,
    private readonly o: DingtalkSenderOptions,
  ) {}

  async send(address: Address, card: Card, ctx: SendContext): Promise<SendOutcome> {
    const a = address as DingtalkAddress;
    switch (a.channel) {
      case 'dingtalk-user':
        return this.sendUser(a.userId, card, ctx, 'u');
      case 'dingtalk-session': {
        try {
          for (const [i, m] of renderDingtalkMarkdown(card).entries()) {
            await sendPart(ctx.ledger, `s:p${i}`, async () => {
              await this.client.sessionSend(a.sessionWebhook, sessionMarkdown(m));
              return '';
            });
          }
          return { platform: 'dingtalk', channel: 'dingtalk sessionWebhook', messageIds: [] };
        } catch (e) {
          // an expired or refused sessionWebhook: answer the sender through the robot instead
          if (!isPlatformError(e) || e.kind !== 'permanent' || !a.fallbackUserId) throw e;
          return this.sendUser(a.fallbackUserId, card, ctx, 'sf');
        }
      }
      case 'dingtalk-group': {
        const ids: string[] = [];
        for (const [i, m] of renderDingtalkMarkdown(card).entries()) {
          ids.push(
            await sendPart(ctx.ledger, `g:p${i}`, async () => {
              await this.limiter.acquire(
                this.keys.rate('dingtalk-group', a.openConversationId),
                LIMITS.dingtalkGroup,
              );
              return (
                (await this.client.groupSend(a.openConversationId, sampleMarkdown(m))).processQueryKey ?? ''
              );
            }),
          );
        }
        return {
          platform: 'dingtalk',
          channel: 'dingtalk groupMessages/send',
          messageIds: ids.filter(Boolean),
        };
      }
      case 'dingtalk-webhook': {
        for (const [i, m] of renderDingtalkMarkdown(card).entries()) {
          await sendPart(ctx.ledger, `w:p${i}`, async () => {
            await this.limiter.acquire(this.keys.rate('dingtalk-webhook', a.webhook), LIMITS.dingtalkGroup);
            await this.client.sessionSend(a.webhook, sessionMarkdown(m), 'dingtalk robot webhook');
            return '';
          });
        }
        return { platform: 'dingtalk', channel: 'dingtalk robot webhook', messageIds: [] };
      }
    }
  }

  /** A person: an interactive card when the card has buttons and a template is set, else markdown. */
  private async sendUser(userId: string, card: Card, ctx: SendContext, prefix: string): Promise<SendOutcome> {
    const limit = () => this.limiter.acquire(this.keys.rate('dingtalk-user', userId), LIMITS.dingtalkUser);
    const data = this.o.templateId && card.buttons.length ? renderCardData(card) : undefined;
    if (data && this.o.templateId) {
      const outTrackId = dingtalkOutTrackId(ctx.sendKey);
      await sendPart(ctx.ledger, `${prefix}:card`, async () => {
        await limit();
        const body = createAndDeliverBody({
          templateId: this.o.templateId!,
          outTrackId,
          robotCode: this.client.robotCode,
          userId,
          data,
          mode: this.o.mode,
        });
        await this.client.createAndDeliver(body);
        return outTrackId;
      });
      const cardRef: CardRef = { platform: 'dingtalk', outTrackId, sentAt: ctx.now.toISOString(), card };
      return {
        platform: 'dingtalk',
        channel: 'dingtalk card createAndDeliver',
        messageIds: [outTrackId],
        cardRef,
      };
    }
    const ids: string[] = [];
    for (const [i, m] of renderDingtalkMarkdown(card).entries()) {
      ids.push(
        await sendPart(ctx.ledger, `${prefix}:p${i}`, async () => {
          await limit();
          return (await this.client.batchSend(userId, sampleMarkdown(m))).processQueryKey ?? '';
        }),
      );
    }
    return {
      platform: 'dingtalk',
      channel: 'dingtalk oToMessages/batchSend',
      messageIds: ids.filter(Boolean),
    };
  }

  /** PUT /v1.0/card/instances with every variable of the card as it is now (updateCardDataByKey). */
  async update(ref: CardRef, card: Card, ctx: UpdateContext): Promise<'updated' | 'skipped'> {
    if (ref.platform !== 'dingtalk') return 'skipped';
    const data = renderCardData(card);
    if (!data) return 'skipped';
    await sendPart(ctx.ledger, ctx.ledgerPart, async () => {
      await this.client.updateCard(updateCardBody(ref.outTrackId, data));
      return '';
    });
    return 'updated';
  }
}
