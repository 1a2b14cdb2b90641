import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSecret } from '../../src/store/board-secret.js';
import { verifyToken } from '../../src/board/token.js';
import { openInboundRunner, type InboundRunner } from './inbound-runner.js';

/** 看板: a personal, signed, 24-hour link to the board, for everyone on the roster. */
let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
});
afterAll(() => h.close());

async function subjectOf(url: string) {
  const t = new URL(url, 'http://x').searchParams.get('t');
  const secret = await boardSecret(h.rt.redis, h.rt.prefix).get();
  return verifyToken(secret, 'link', t ?? undefined, new Date('2026-03-16T09:00:00+08:00').getTime() / 1000);
}

describe('看板', () => {
  it('a principal in a direct chat gets their own link to the board, valid 24 hours', async () => {
    const r = await h.send('pri-s01', '看板');
    expect(r.sends).toHaveLength(1);
    const card = r.sends[0]!.card;
    expect(card.title).toBe('督导看板');
    expect(card.link?.label).toBe('打开督导看板');
    // the simulator (no PUBLIC_BASE_URL): the same path, on the page's own origin
    expect(card.link?.url).toMatch(/^\/board\/login\?t=/);
    expect(card.text).toContain(card.link!.url);
    const t = await subjectOf(card.link!.url);
    expect(t).toMatchObject({ ok: true, subject: 'pri-s01' });
    if (t.ok) expect(t.expiresAt - new Date('2026-03-16T09:00:00+08:00').getTime() / 1000).toBe(86_400);
  });

  it('in a group chat the link goes by direct message; the group hears only that it was sent', async () => {
    const r = await h.send('lead-liu', '看板', { group: true });
    const toGroup = r.sends.find((s) => s.to.type === 'origin')!;
    const toLeader = r.sends.find((s) => s.to.type === 'person')!;
    expect(toGroup.card.link).toBeUndefined();
    expect(toGroup.card.text).not.toContain('/board/login');
    expect(toGroup.card.subtitle).toBe('看板链接已私信发送给您');
    expect(toLeader.to).toEqual({ type: 'person', personId: 'lead-liu' });
    expect(await subjectOf(toLeader.card.link!.url)).toMatchObject({ ok: true, subject: 'lead-liu' });
  });

  it('every role may ask: supervisor, leader, principal, administrator', async () => {
    for (const who of ['sup-wang', 'lead-deng', 'admin-xu']) {
      const r = await h.send(who, '督导看板');
      expect(r.sends[0]!.card.link?.url, who).toMatch(/^\/board\/login\?t=/);
    }
  });

  it('看板 must stand alone: talk that merely starts with it is not the command', async () => {
    const r = await h.send('lead-liu', '看板上的数字怎么算的', { group: true });
    expect(r.sends).toEqual([]);
  });
});
