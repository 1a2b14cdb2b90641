import { describe, expect, it } from 'vitest';
import { recordSummaryCard } from '../../cards/record-summary.js';
import { rectificationNoticeCard, rectificationSummaryCard } from '../../cards/rectification-notice.js';
import { recordDetailCard } from '../../cards/record-detail.js';
import { item, items, record } from './fixtures.js';

describe('record summary (to the submitter)', () => {
  it('names the record, each item with its deadline, and who was notified (docs/spec/commands.md example)', () => {
    const card = recordSummaryCard({
      record,
      items,
      schoolName: '龙泉小学',
      notified: ['李校长'],
      assumptions: [],
      defaultWorkdays: 10,
    });
    expect(card.kind).toBe('record_summary');
    expect(card.buttons).toEqual([]);
    expect(card.text).toMatchInlineSnapshot(`
      "【督导记录 DD-7 已登记】
      龙泉小学 · 2021-03-15 专项督导（双减）
      整改事项：2 项
      已通知：龙泉小学 李校长
      ZG-21 三年级作业公示栏未按周更新
        期限 3月22日 周一
      ZG-22 课后服务学生签到表缺2月数据
        期限 3月31日 周三
      注：10分钟内发送的照片将作为佐证附到本记录"
    `);
  });

  it('says which deadlines were defaulted and what was assumed', () => {
    const withDefault = [
      items[0]!,
      { ...items[1]!, deadlineSource: 'default' as const, deadline: '2021-03-29' },
    ];
    const card = recordSummaryCard({
      record,
      items: withDefault,
      schoolName: '龙泉小学',
      notified: [],
      assumptions: ['『龙泉小』按简称匹配为 龙泉小学'],
      defaultWorkdays: 10,
    });
    expect(card.note).toMatchInlineSnapshot(
      `"『龙泉小』按简称匹配为 龙泉小学；ZG-22 未写期限，按默认 10 个工作日计；10分钟内发送的照片将作为佐证附到本记录"`,
    );
    expect(card.fields.find((f) => f.label === '已通知')?.value).toContain('未找到该校校长');
  });

  it('a visit without problems creates no items and says so', () => {
    const card = recordSummaryCard({
      record: { ...record, items: [] },
      items: [],
      schoolName: '龙泉小学',
      notified: [],
      defaultWorkdays: 10,
    });
    expect(card.text).toContain('无（本次未发现问题）');
    expect(card.entries).toEqual([]);
  });
});

describe('rectification notice (to the principal)', () => {
  it('one card per item: its own three buttons, labels without numbers', () => {
    const card = rectificationNoticeCard({
      record,
      item: item(),
      schoolName: '龙泉小学',
      supervisorName: '王建国',
    });
    expect(card.buttons).toMatchInlineSnapshot(`
      [
        {
          "action": "ack",
          "item": "ZG-21",
          "label": "收到",
        },
        {
          "action": "done",
          "item": "ZG-21",
          "label": "已完成整改",
          "style": "primary",
        },
        {
          "action": "extend",
          "input": {
            "example": "3月29日 原因：…",
            "label": "延期到哪天？原因？（必填）",
          },
          "item": "ZG-21",
          "label": "申请延期",
        },
      ]
    `);
    expect(card.text).toMatchInlineSnapshot(`
      "【整改通知 ZG-21】
      龙泉小学 · 督学 王建国
      事项：三年级作业公示栏未按周更新
      期限：3月22日 周一
      状态：待整改
      督导：DD-7 3月15日 周一 专项督导（双减）
      注：完成后可附照片作为佐证（回复后10分钟内发送）
      可直接回复：
        收到 ZG-21
        整改完成 ZG-21 整改情况说明
        申请延期 ZG-21 至 3月29日 原因：…"
    `);
  });

  it('several items: each card acts on its own item only and says which of how many it is', () => {
    const cards = items.map((it, k) =>
      rectificationNoticeCard({
        record,
        item: it,
        schoolName: '龙泉小学',
        supervisorName: '王建国',
        position: { n: k + 1, of: items.length },
      }),
    );
    expect(cards.map((c) => c.title)).toEqual(['整改通知 ZG-21（1/2）', '整改通知 ZG-22（2/2）']);
    for (const [k, c] of cards.entries())
      expect(new Set(c.buttons.map((b) => b.item))).toEqual(new Set([items[k]!.id]));
  });

  it('the summary before them names every item and has no buttons', () => {
    const card = rectificationSummaryCard({
      record,
      items,
      schoolName: '龙泉小学',
      supervisorName: '王建国',
    });
    expect(card.buttons).toEqual([]);
    expect(card.entries.map((e) => e.id)).toEqual(['ZG-21', 'ZG-22']);
    expect(card.text).toContain('每项一张卡片');
  });
});

describe('record detail', () => {
  it('shows the visit and its items in their current state', () => {
    const card = recordDetailCard({
      record,
      items: [item({ status: 'closed' }), items[1]!],
      schoolName: '龙泉小学',
      supervisorName: '王建国',
      today: '2021-03-25',
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【督导记录 DD-7】
      学校：龙泉小学
      日期：3月15日 周一
      类型：专项督导（双减）
      督学：王建国
      情况：抽查三、五年级作业公示和课后服务台账。
      整改事项：2 项
      ZG-21 三年级作业公示栏未按周更新
        已销号 · 期限 3月22日 周一
      ZG-22 课后服务学生签到表缺2月数据
        待整改 · 期限 3月31日 周三"
    `);
  });
});
