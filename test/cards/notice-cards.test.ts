import { describe, expect, it } from 'vitest';
import { reminderCard } from '../../cards/reminder.js';
import { leaderEscalationCard, supervisionNoticeCard } from '../../cards/escalation.js';
import { digestCard } from '../../cards/digest.js';
import { statsCard } from '../../cards/stats.js';
import { monthlyPlanCard } from '../../cards/monthly-plan.js';
import { helpCard } from '../../cards/help.js';
import { errorCard } from '../../cards/error.js';
import { infoCard } from '../../cards/info.js';
import { item } from './fixtures.js';

describe('reminders and escalations', () => {
  it('reminder before the deadline', () => {
    const card = reminderCard({ item: item(), schoolName: '龙泉小学', stage: 'before', workdays: 3 });
    expect(card.text).toMatchInlineSnapshot(`
      "【整改提醒 · ZG-21】
      龙泉小学 · 还有 3 个工作日到期
      事项：三年级作业公示栏未按周更新
      期限：3月22日 周一
      状态：待整改
      可直接回复：
        整改完成 ZG-21 整改情况说明
        申请延期 ZG-21 至 3月29日 原因：…"
    `);
  });

  it('reminder on the day', () => {
    expect(reminderCard({ item: item(), schoolName: '龙泉小学', stage: 'due', workdays: 0 }).subtitle).toBe(
      '龙泉小学 · 今天到期',
    );
  });

  it('督办 to the principal carries buttons; the supervisor copy does not', () => {
    const p = supervisionNoticeCard({
      item: item(),
      schoolName: '龙泉小学',
      supervisorName: '王建国',
      daysOverdue: 1,
      newDeadline: '2021-03-26',
      audience: 'principal',
    });
    const s = supervisionNoticeCard({
      item: item(),
      schoolName: '龙泉小学',
      supervisorName: '王建国',
      daysOverdue: 1,
      audience: 'supervisor',
    });
    expect(p.text).toMatchInlineSnapshot(`
      "【督办通知 · ZG-21】
      请于 3月26日 周五 前完成整改并回复
      学校：龙泉小学
      事项：三年级作业公示栏未按周更新
      原期限：3月22日 周一
      已逾期：1 天
      状态：待整改
      责任督学：王建国
      督办期限：3月26日 周五
      可直接回复：
        整改完成 ZG-21 整改情况说明
        申请延期 ZG-21 至 3月29日 原因：…"
    `);
    expect(s.buttons).toEqual([]);
    expect(s.subtitle).toBe('请跟进督促该校整改');
  });

  it('escalation to leaders', () => {
    const card = leaderEscalationCard({
      item: item(),
      schoolName: '龙泉小学',
      supervisorName: '王建国',
      principalNames: ['李校长'],
      workdaysOverdue: 3,
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【逾期升级 · ZG-21】
      龙泉小学 已逾期 3 个工作日
      事项：三年级作业公示栏未按周更新
      原期限：3月22日 周一
      状态：待整改
      责任督学：王建国
      校长：李校长
      注：可视情况约谈或通报；该事项将列入每日日报直至销号"
    `);
  });
});

describe('reports', () => {
  it('the daily digest, readable in 30 seconds', () => {
    const card = digestCard({
      date: '2021-03-22',
      from: '2021-03-19',
      to: '2021-03-21',
      visits: { count: 2, supervisors: ['王建国'], schools: ['龙泉小学', '龙泉中学'] },
      newProblems: 3,
      closed: 1,
      open: 9,
      awaitingRecheck: 2,
      dueThisWeek: 3,
      overdue: 4,
      worst: [
        { item: 'ZG-5', school: '龙泉中学', text: '食堂留样记录不全', daysOverdue: 6, supervisor: '王建国' },
      ],
      zones: [
        { name: '第一责任区', open: 6, overdue: 3, visited: 3, schools: 5 },
        { name: '第二责任区', open: 3, overdue: 1, visited: 1, schools: 5 },
      ],
      coverage: { month: '2021-03', visited: 4, total: 10 },
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【督导日报 · 3月22日 周一】
      统计 3月19日 周五 至 3月21日 周日
      督导：2 次（督学 1 人，学校 2 所）
      督学：王建国
      学校：龙泉小学、龙泉中学
      新发现问题：3 项
      销号：1 项
      未销号：9 项（待验收 2，本周到期 3，逾期 4）
      3月覆盖：4 / 10 所（40%）
      各责任区：
      第一责任区：未销号 6，逾期 3，本月 3/5 校
      第二责任区：未销号 3，逾期 1，本月 1/5 校
      ZG-5 龙泉中学 食堂留样记录不全
        逾期 6 天 · 督学 王建国
      注：逾期最久的 1 项如上；发送「逾期」查看全部"
    `);
  });

  it('the digest names every visit’s supervisor and school (count, supervisors, schools) and carries the board link', () => {
    const base = {
      date: '2021-03-22',
      from: '2021-03-19',
      to: '2021-03-21',
      newProblems: 0,
      closed: 0,
      open: 0,
      awaitingRecheck: 0,
      dueThisWeek: 0,
      overdue: 0,
      worst: [],
      zones: [],
      coverage: { month: '2021-03', visited: 0, total: 10 },
    };
    const schools = ['一小', '二小', '三小', '四小', '五小', '六小', '七小'];
    const card = digestCard(
      { ...base, visits: { count: 8, supervisors: ['王建国', '张丽华'], schools } },
      { boardUrl: 'https://dudao.example.gov.cn/board/login?t=abc' },
    );
    const field = (label: string) => card.fields.find((f) => f.label === label)?.value;
    expect(field('督导')).toBe('8 次（督学 2 人，学校 7 所）');
    expect(field('督学')).toBe('王建国、张丽华');
    expect(field('学校')).toBe('一小、二小、三小、四小、五小 等 7 所');
    expect(card.link).toEqual({
      label: '打开督导看板',
      url: 'https://dudao.example.gov.cn/board/login?t=abc',
    });
    expect(card.text).toContain('打开督导看板：https://dudao.example.gov.cn/board/login?t=abc');
    const none = digestCard({ ...base, visits: { count: 0, supervisors: [], schools: [] } });
    expect(none.fields[0]).toEqual({ label: '督导', value: '无' });
    expect(none.fields.some((f) => f.label === '督学' || f.label === '学校')).toBe(false);
    expect(none.link).toBeUndefined();
  });

  it('statistics', () => {
    const card = statsCard({
      from: '2021-03-01',
      to: '2021-03-31',
      scope: '第一责任区',
      visits: 6,
      schoolsVisited: 4,
      schools: 5,
      problems: 8,
      closed: 6,
      open: 3,
      overdue: 1,
      zones: [],
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【督导统计 · 第一责任区】
      3月1日 周一 至 3月31日 周三
      督导次数：6 次
      覆盖学校：4 / 5 所（80%）
      发现问题：8 项
      已销号：6 项（销号率 75%）
      未销号（全部）：3 项，其中逾期 1 项
      注：销号率 = 本期发现问题中已销号的比例"
    `);
  });

  it('the monthly plan, and the month-end nudge', () => {
    const plan = monthlyPlanCard({
      month: '2021-04',
      entries: [{ month: '2021-04', content: '对幼儿园办园行为开展督导评估', topic: '幼儿园办园行为' }],
    });
    expect(plan.text).toMatchInlineSnapshot(`
      "【2021年4月工作安排】
      幼儿园办园行为：对幼儿园办园行为开展督导评估"
    `);
    const nudge = monthlyPlanCard({ month: '2021-04', entries: [], unvisited: ['龙泉中学'] });
    expect(nudge.text).toContain('本月尚未督导：龙泉中学');
  });
});

describe('help, errors, info', () => {
  it('a principal sees their own commands with their school in the examples', () => {
    const card = helpCard({ roles: ['principal'], personName: '李校长', exampleSchool: '龙泉小学' });
    expect(card.text).toMatchInlineSnapshot(`
      "【督导助手 · 使用说明】
      李校长（校长），可以这样发：
      收到通知：收到 ZG-21
      报告进度：整改进度 ZG-21 进行中 已安排专人负责
      完成整改：整改完成 ZG-21 公示栏已更新（可随后发照片）
      申请延期：申请延期 ZG-21 至 4月10日 原因：需采购设备
      查看：
      待办
      整改进度 ZG-21
      查询 龙泉小学
      看板
      注：在群里请先 @督导助手；事项编号写作 ZG-21、ZG21 或 21 均可"
    `);
    expect(card.text).not.toContain('提交督导记录');
  });

  it('a supervisor gets the copyable record template', () => {
    const card = helpCard({ roles: ['supervisor'], personName: '王建国', exampleSchool: '龙泉中学' });
    expect(card.fields[0]!.value).toMatchInlineSnapshot(`
      "提交督导记录
      学校：龙泉中学
      日期：今天
      类型：专项督导（双减）
      情况：抽查作业公示和课后服务台账。
      问题：
      1、作业公示栏未按周更新，5个工作日内整改
      2、课后服务签到表缺2月数据；3月31日前补齐"
    `);
  });

  it('several roles: each block once', () => {
    const card = helpCard({ roles: ['leader', 'supervisor'], personName: '邓志强' });
    const labels = card.fields.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('提交督导记录');
    expect(labels).toContain('日报');
  });

  it('an error shows the message as it is', () => {
    const card = errorCard('未找到学校『龙泉小』。您是否要找：龙泉小学、龙泉中学？');
    expect(card.text).toMatchInlineSnapshot(`
      "【未能处理】
      未找到学校『龙泉小』。您是否要找：龙泉小学、龙泉中学？"
    `);
  });

  it('an info card with buttons lists the typed equivalents', () => {
    const card = infoCard('已确认收到 ZG-21', {
      subtitle: '请于 3月22日 周一 前完成整改',
      buttons: [{ label: '已完成整改', action: 'done', item: 'ZG-21' }],
    });
    expect(card.text).toMatchInlineSnapshot(`
      "【已确认收到 ZG-21】
      请于 3月22日 周一 前完成整改
      可直接回复：
        整改完成 ZG-21 整改情况说明"
    `);
  });
});
