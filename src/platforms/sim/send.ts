// The simulator as a platform: a card is "sent" by appending an `out` entry to the sim
// conversation's outbound stream (outboundKeys(prefix).simOut(conversation)), and a card_update
// by appending an `update` entry (the contract is in README.md). Exactly-once per outbound job through the ledger.

import { createHash } from 'node:crypto';
import type { Card } from '../../domain/card.js';
import type { RedisClient } from '../../redis/connect.js';
import {
  sendPart,
  type Address,
  type CardRef,
  type PlatformSender,
  type SendContext,
  type SendOutcome,
  type UpdateContext,
} from '../outbound.js';
import type { OutboundKeys } from '../../store/keys.js';
import { renderSimCard } from './render.js';

/** The simulator is a demo, not an archive: each conversation keeps about this many cards. */
export const SIM_OUT_MAXLEN = 1000;

export class SimSender implements PlatformSender {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: OutboundKeys,
  ) {}

  private append(conversation: string, type: 'out' | 'update', data: unknown): Promise<string> {
    const key = this.keys.simOut(conversation);
    return this.redis
      .xadd(key, 'MAXLEN', '~', SIM_OUT_MAXLEN, '*', 'type', type, 'data', JSON.stringify(data))
      .then((id) => id ?? '');
  }

  async send(address: Address, card: Card, ctx: SendContext): Promise<SendOutcome> {
    if (address.channel !== 'sim') throw new Error('SimSender: not a sim address');
    const cardId = 'sim-' + createHash('sha256').update(ctx.sendKey).digest('hex').slice(0, 24);
    const items = ctx.items ?? [...new Set(card.buttons.map((b) => b.item))];
    const entryId = await sendPart(ctx.ledger, 'sim', () =>
      this.append(address.conversation, 'out', {
        cardId,
        at: ctx.now.toISOString(),
        card: renderSimCard(card),
        items,
        ...(ctx.inReplyTo ? { inReplyTo: ctx.inReplyTo } : {}),
      }),
    );
    const cardRef: CardRef = {
      platform: 'sim',
      conversation: address.conversation,
      cardId,
      sentAt: ctx.now.toISOString(),
      card,
    };
    return { platform: 'sim', channel: 'sim stream', messageIds: [entryId], cardRef };
  }

  /**
   * One `update` entry per card: the card as it is now (the page redraws that card), with the
   * item and outcome for pages that only know the older entry form.
   */
  async update(ref: CardRef, card: Card, ctx: UpdateContext): Promise<'updated' | 'skipped'> {
    if (ref.platform !== 'sim') return 'skipped';
    const item = ctx.item ?? ref.card.buttons[0]?.item ?? '';
    await sendPart(ctx.ledger, ctx.ledgerPart, () =>
      this.append(ref.conversation, 'update', {
        item,
        outcome: card.outcome ?? '',
        cardId: ref.cardId,
        card: renderSimCard(card),
        at: ctx.now.toISOString(),
      }),
    );
    return 'updated';
  }
}
