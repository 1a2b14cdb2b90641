import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInboundRunner, originText, toPersonSends, type InboundRunner } from './inbound-runner.js';

/**
 * A list answered in chat shows 20 items a page and says what to send for the next
 * (src/domain/list-page.ts, docs/spec/interfaces.md "Cards act on one item each"): 23 overdue
 * problems from one visit to 龙泉小学 make 逾期 and the principal's 待办 two pages.
 */
const N = 23;
const RECORD = `提交督导记录
学校：龙泉小学
日期：3月16日
类型：综合督导
情况：对照“五项管理”“双减”要求逐项检查。
问题：
${Array.from({ length: N }, (_, i) => `${i + 1}、第${i + 1}项：校园安全隐患未排查到位，3月18日前整改`).join('\n')}`;

let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
  await h.send('sup-wang', RECORD); // ZG-1 … ZG-23, due 3/18
  h.setNow('2026-03-25T09:00:00+08:00'); // all 23 overdue
});
afterAll(() => h.close());

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `ZG-${from + i}`);

describe('逾期 of 23 items', () => {
  it('page 1: the first 20, the total, and what to send for the rest', async () => {
    const r = await h.send('sup-wang', '逾期');
    const card = r.sends[0]!.card;
    expect(card.entries.map((e) => e.id)).toEqual(ids(1, 20));
    expect(card.title).toBe('逾期事项 · 共 23 项（第1/2页）');
    expect(originText(r)).toContain('还有 3 项，发送「逾期 2」查看下一页');
  });

  it('what it names shows the rest, with nothing more to ask for', async () => {
    const r = await h.send('sup-wang', '逾期 2');
    const card = r.sends[0]!.card;
    expect(card.entries.map((e) => e.id)).toEqual(ids(21, 23));
    expect(card.title).toBe('逾期事项 · 共 23 项（第2/2页）');
    expect(originText(r)).not.toContain('还有');
  });

  it('a page past the end shows the last', async () => {
    const r = await h.send('sup-wang', '逾期 第九页');
    expect(r.sends[0]!.card.entries.map((e) => e.id)).toEqual(ids(21, 23));
  });

  it('in a group: the page’s numbers and the next command there, its details privately', async () => {
    const r = await h.send('sup-wang', '@督导助手 逾期', { group: true });
    const group = r.sends.find((s) => s.to.type === 'origin')!.card;
    expect(group.title).toBe('逾期事项 · 共 23 项（第1/2页）');
    expect(group.text).toContain(`编号：${ids(1, 20).join('、')}\n`);
    expect(group.text).toContain('还有 3 项，发送「逾期 2」查看下一页');
    expect(group.text).not.toMatch(/龙泉|隐患/);
    expect(toPersonSends(r, 'sup-wang')[0]!.card.entries.map((e) => e.id)).toEqual(ids(1, 20));
  });
});

describe('待办 of 23 items', () => {
  it('a principal: 20, then 待办 2 for the other 3', async () => {
    const first = await h.send('pri-s01', '待办');
    expect(first.sends[0]!.card.entries).toHaveLength(20);
    expect(originText(first)).toContain('还有 3 项，发送「待办 2」查看下一页');
    const second = await h.send('pri-s01', '待办 第2页');
    expect(second.sends[0]!.card.entries.map((e) => e.id)).toEqual(ids(21, 23));
  });

  it('one page needs no page words', async () => {
    await h.send('pri-s01', '整改完成 ZG-1 已排查');
    await h.send('pri-s01', '整改完成 ZG-2 已排查');
    await h.send('pri-s01', '整改完成 ZG-3 已排查');
    const r = await h.send('pri-s01', '待办');
    expect(r.sends[0]!.card.title).toBe('我的待办 · 20 项');
    expect(originText(r)).not.toContain('下一页');
  });
});

describe('what a look-up is recorded on', () => {
  // an item keeps its newest 50 deliveries: a list asked 50 times must not push out its notice
  it('a list names items without being about them: no delivery on any', async () => {
    for (const [who, text, group] of [
      ['sup-wang', '逾期', false],
      ['sup-wang', '@督导助手 逾期', true],
      ['pri-s01', '待办', false],
      ['pri-s01', '查询 龙泉小学', false],
      ['pri-s01', '督导记录 DD-1', false],
    ] as const) {
      const r = await h.send(who, text, { group });
      expect(r.sends.length, text).toBeGreaterThan(0);
      for (const s of r.sends) expect(s.items, text).toEqual([]);
    }
  });

  it('an item’s detail, with its buttons, is about that item', async () => {
    const r = await h.send('pri-s01', '整改进度 ZG-5');
    expect(r.sends.map((s) => s.items)).toEqual([['ZG-5']]);
    expect(r.sends[0]!.card.buttons.length).toBeGreaterThan(0);
  });
});
