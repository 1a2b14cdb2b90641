import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openInboundRunner as openHarness,
  originText,
  type InboundRunner as Harness,
} from './inbound-runner.js';

/**
 * 退回 after the deadline has passed (docs/spec/commands.md → Warnings): the item gets a new
 * deadline — the one written in the 退回, or SUPERVISION_NOTICE_WORKDAYS (3) working days from
 * today — and the reply says which, so it is not overdue the moment it returns. Monday 2026-03-16.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness('2026-03-16T09:00:00+08:00');
});
afterAll(() => h.close());

async function submittedOverdueItem(text: string): Promise<string> {
  const rec = await h.send(
    'sup-wang',
    `提交督导记录 学校：龙泉小学 日期：3月2日 问题：${text}，3月9日前整改`,
  );
  const id = rec.sends.find((s) => s.to.type === 'origin')!.card.entries[0]!.id;
  await h.send('pri-s01', `整改完成 ${id} 已处理`);
  expect(await h.store.getItem(id)).toMatchObject({ status: 'submitted', deadline: '2026-03-09' });
  return id;
}

describe('退回 when the deadline has passed', () => {
  it('without a deadline: the 督办 deadline, 3 working days from today, said on the reply', async () => {
    const id = await submittedOverdueItem('公示栏未更新');
    const r = await h.send('sup-wang', `退回 ${id} 公示栏仍未更新`);
    expect(await h.store.getItem(id)).toMatchObject({ status: 'open', deadline: '2026-03-19' });
    expect(originText(r)).toContain('原期限 3月9日 周一 已过，新期限按 3 个工作日计至 3月19日 周四');
    const history = await h.store.history(id);
    expect(history.at(-1)).toMatchObject({ action: 'reject', until: '2026-03-19' });
  });

  it('with a deadline written in it: that one, counted from today', async () => {
    const id = await submittedOverdueItem('台账缺失');
    const r = await h.send('sup-wang', `退回 ${id} 台账仍不全，5个工作日内补齐`);
    expect(await h.store.getItem(id)).toMatchObject({ status: 'open', deadline: '2026-03-23' });
    expect(originText(r)).not.toContain('新期限按');
  });

  it('before the deadline: the deadline stays', async () => {
    const rec = await h.send(
      'sup-wang',
      '提交督导记录 学校：龙泉小学 日期：3月16日 问题：围墙破损，3月31日前维修',
    );
    const id = rec.sends.find((s) => s.to.type === 'origin')!.card.entries[0]!.id;
    await h.send('pri-s01', `整改完成 ${id} 已维修`);
    await h.send('sup-wang', `退回 ${id} 仍有裂缝`);
    expect(await h.store.getItem(id)).toMatchObject({ status: 'open', deadline: '2026-03-31' });
  });
});
