import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { createOutboundProcessor } from '../../jobs/outbound.js';
import { outboundKeys } from '../../src/store/keys.js';
import { recheckCard } from '../platforms/sample-cards.js';
import { enqueue, loadRoster, waitJob } from './helpers.js';

let svc: TestService;
beforeAll(async () => {
  // no platform configured: SIM is on, and everyone is reached in the simulator
  svc = await startTestService({ web: false, processors: { outbound: createOutboundProcessor() } });
  await loadRoster(svc.rt, 'http://127.0.0.1:9');
});
afterAll(async () => svc?.close());

const entries = async (conversation: string) =>
  (await svc.rt.redis.xrange(outboundKeys(svc.rt.prefix).simOut(conversation), '-', '+')).map(([, f]) => ({
    type: f[1],
    data: JSON.parse(f[3]!),
  }));

describe('outbound: simulator', () => {
  it('"sends" a card to a person’s sim chat, then an update after the click', async () => {
    const card = {
      ...recheckCard,
      entries: [{ id: 'ZG-81', text: 'x' }],
      buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-81' })),
    };
    const q = svc.rt.jobQueues.outbound;
    expect(
      (
        await waitJob(
          q,
          await enqueue(q, {
            kind: 'send',
            to: { type: 'person', personId: 'p-wang' },
            card,
            items: ['ZG-81'],
          }),
        )
      ).state,
    ).toBe('completed');
    const [out] = await entries('dm:p-wang');
    expect(out).toMatchObject({
      type: 'out',
      data: {
        items: ['ZG-81'],
        card: {
          title: recheckCard.title,
          buttons: [
            { label: '验收通过', action: 'pass', item: 'ZG-81' },
            { label: '退回', action: 'reject', item: 'ZG-81' },
          ],
        },
      },
    });
    const cardId = out!.data.cardId as string;
    const origin = {
      platform: 'sim',
      channel: 'sim',
      senderId: 'p-wang',
      conversation: { id: 'dm:p-wang', isGroup: false },
      cardRef: { cardId },
    };
    expect(
      (
        await waitJob(
          q,
          await enqueue(q, { kind: 'card_update', item: 'ZG-81', outcome: '已验收通过', origin }),
        )
      ).state,
    ).toBe('completed');
    const all = await entries('dm:p-wang');
    expect(all).toHaveLength(2);
    // the card as it is now: no state given (an older job), so the item's buttons are gone
    expect(all[1]).toMatchObject({
      type: 'update',
      data: { item: 'ZG-81', outcome: '已验收通过', cardId, card: { buttons: [], outcome: '已验收通过' } },
    });
  });

  it('an update leaves alone the cards sent after the item moved on (the new recheck card)', async () => {
    const card = { ...recheckCard, buttons: recheckCard.buttons.map((b) => ({ ...b, item: 'ZG-82' })) };
    const q = svc.rt.jobQueues.outbound;
    const movedOn = new Date(Date.now() - 60_000).toISOString(); // the click happened before this send
    expect(
      (
        await waitJob(
          q,
          await enqueue(q, {
            kind: 'send',
            to: { type: 'person', personId: 'p-wang' },
            card,
            items: ['ZG-82'],
          }),
        )
      ).state,
    ).toBe('completed');
    const update = await enqueue(q, {
      kind: 'card_update',
      item: 'ZG-82',
      outcome: '已提交验收',
      at: movedOn,
    });
    expect((await waitJob(q, update)).state).toBe('completed');
    const mine = (await entries('dm:p-wang')).filter(
      (e) => e.data.item === 'ZG-82' || (e.data.items ?? []).includes('ZG-82'),
    );
    expect(mine.map((e) => e.type)).toEqual(['out']);
  });

  it('bound chats are the sim group conversations', async () => {
    const q = svc.rt.jobQueues.outbound;
    const id = await enqueue(q, {
      kind: 'send',
      to: { type: 'bound_chat', binding: { type: 'zone', id: 'Z1' } },
      card: { ...recheckCard, buttons: [] },
    });
    expect((await waitJob(q, id)).state).toBe('completed');
    const chatId = 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k-zone1';
    expect((await entries(`group:${chatId}`))[0]).toMatchObject({
      type: 'out',
      data: { card: { title: recheckCard.title, buttons: [] } },
    });
  });
});
