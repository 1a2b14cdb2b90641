import { describe, expect, it } from 'vitest';
import { progressNoticeCard } from '../../cards/progress-notice.js';
import { extensionRequestCard } from '../../cards/extension-request.js';
import { itemDetailCard } from '../../cards/item-detail.js';
import { groupSummaryCard, itemListCard, schoolOverviewCard } from '../../cards/item-list.js';
import { history, item, items, names, record } from './fixtures.js';

describe('progress notice (to the supervisor)', () => {
  it('acknowledged: information only, no buttons', () => {
    const card = progressNoticeCard({
      item: item({ status: 'in_progress' }),
      action: 'acknowledge',
      schoolName: '龙泉小学',
      actorName: '李校长',
      today: '2021-03-16',
    });
    expect(card.kind).toBe('progress_notice');
    expect(card.buttons).toEqual([]);
    expect(card.text).toMatchInlineSnapshot(`
      "【ZG-21 整改进度】
      龙泉小学 李校长 已收到整改通知
      事项：三年级作业公示栏未按周更新
      状态：整改中
      期限：3月22日 周一"
    `);
  });

  it('submitted: a recheck request with 验收通过 / 退回', () => {
    const card = progressNoticeCard({
      item: item({ status: 'submitted', attachments: 2 }),
      action: 'done',
      schoolName: '龙泉小学',
      actorName: '李校长',
      note: '公示栏已更新',
      today: '2021-03-19',
    });
    expect(card.kind).toBe('recheck_request');
    expect(card.buttons).toMatchInlineSnapshot(`
      [
        {
          "action": "pass",
          "item": "ZG-21",
          "label": "验收通过",
          "style": "primary",
        },
        {
          "action": "reject",
          "input": {
            "example": "照片不清楚，请补充整改后的照片",
            "label": "退回原因（必填）",
          },
          "item": "ZG-21",
          "label": "退回",
          "style": "danger",
        },
      ]
    `);
    expect(card.text).toMatchInlineSnapshot(`
      "【ZG-21 待验收】
      龙泉小学 李校长 报告已完成整改
      事项：三年级作业公示栏未按周更新
      状态：待验收
      期限：3月22日 周一
      说明：公示栏已更新
      佐证：2 件
      注：退回时请写明原因
      可直接回复：
        验收 ZG-21 通过
        退回 ZG-21 退回原因"
    `);
  });
});

describe('extension request', () => {
  it('shows old and asked deadline and reason, with 同意 / 不同意', () => {
    const card = extensionRequestCard({
      item: item({ status: 'in_progress' }),
      until: '2021-04-10',
      reason: '器材未到货',
      schoolName: '龙泉小学',
      requesterName: '李校长',
    });
    expect(card.buttons.map((b) => [b.label, b.action])).toEqual([
      ['同意', 'approve_ext'],
      ['不同意', 'refuse_ext'],
    ]);
    expect(card.text).toMatchInlineSnapshot(`
      "【延期申请 · ZG-21】
      龙泉小学 李校长 申请延期
      事项：三年级作业公示栏未按周更新
      原期限：3月22日 周一
      申请至：4月10日 周六
      原因：器材未到货
      可直接回复：
        同意延期 ZG-21
        不同意延期 ZG-21 意见"
    `);
  });
});

describe('item detail', () => {
  it('lists the history in the office time zone, newest last', () => {
    const card = itemDetailCard({
      item: item({ status: 'submitted', attachments: 1 }),
      history,
      schoolName: '龙泉小学',
      supervisorName: '王建国',
      nameOf: (id) => names[id] ?? '（已停用人员）',
      today: '2021-03-25',
      timezone: 'Asia/Shanghai',
      actions: ['pass', 'reject'],
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【整改事项 ZG-21】
      龙泉小学 · 待验收
      事项：三年级作业公示栏未按周更新
      期限：3月22日 周一 · 已逾期 3 天
      督导记录：DD-7
      责任督学：王建国
      佐证：1 件
      3月15日 10:00 王建国 登记
      3月16日 09:10 李校长 收到
      3月19日 15:30 李校长 报告完成
        公示栏已更新，附照片
      可直接回复：
        验收 ZG-21 通过
        退回 ZG-21 退回原因"
    `);
  });
});

describe('item lists', () => {
  it('待办 with schools, overdue marks and the pending extension', () => {
    const list = [
      item({ deadline: '2021-03-22' }),
      item({
        id: 'ZG-22',
        text: '课后服务学生签到表缺2月数据，需要补齐并由班主任签字确认后归档',
        deadline: '2021-03-31',
        status: 'in_progress',
        extension: { until: '2021-04-10', by: 'pri-li', at: '2021-03-20T00:00:00Z' },
      }),
    ];
    const card = itemListCard({
      title: '我的待办',
      items: list,
      today: '2021-03-24',
      schoolName: () => '龙泉小学',
      empty: '暂无待办事项',
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【我的待办 · 2 项】
      ZG-21 三年级作业公示栏未按周更新
        龙泉小学 · 待整改 · 期限 3月22日 周一 · 已逾期 2 天
      ZG-22 课后服务学生签到表缺2月数据，需要补齐并由班主…
        龙泉小学 · 整改中 · 期限 3月31日 周三 · 延期待审批"
    `);
  });

  it('an empty list says so', () => {
    const card = itemListCard({ title: '逾期事项', items: [], today: '2021-03-24', empty: '暂无逾期事项' });
    expect(card.text).toMatchInlineSnapshot(`
      "【逾期事项】
      暂无逾期事项"
    `);
  });

  it('a group answer carries numbers and counts only', () => {
    const card = groupSummaryCard({ title: '我的待办', ids: ['ZG-21', 'ZG-22'], detailsSentPrivately: true });
    expect(card.text).toMatchInlineSnapshot(`
      "【我的待办 · 2 项】
      编号：ZG-21、ZG-22
      注：详情已私信发送给您"
    `);
    expect(card.text).not.toContain('公示栏');
  });

  it('a school overview: recent visits and open items', () => {
    const card = schoolOverviewCard({
      schoolName: '龙泉小学',
      zoneName: '第一责任区',
      supervisorNames: ['王建国'],
      records: [record],
      openItems: items,
      today: '2021-03-16',
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【龙泉小学】
      责任区：第一责任区
      责任督学：王建国
      近期督导：DD-7 3月15日 周一 专项督导（双减）
      未销号事项：2 项
      ZG-21 三年级作业公示栏未按周更新
        待整改 · 期限 3月22日 周一
      ZG-22 课后服务学生签到表缺2月数据
        待整改 · 期限 3月31日 周三
      查看详情：整改进度 ZG-21"
    `);
  });
});
