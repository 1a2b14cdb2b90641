import type { Card, CardField } from '../src/domain/card.js';
import type { Role } from '../src/domain/roster.js';
import { roleNames } from '../src/domain/roster.js';
import { finish } from './format.js';

export interface HelpInput {
  roles: Role[];
  personName: string;
  /** a school the person works with, so the examples can be copied as they are */
  exampleSchool?: string;
}

/** The copyable visit-record template (also used by handlers when a field is missing). */
export function recordTemplate(school = '龙泉小学'): string {
  return [
    '提交督导记录',
    `学校：${school}`,
    '日期：今天',
    '类型：专项督导（双减）',
    '情况：抽查作业公示和课后服务台账。',
    '问题：',
    '1、作业公示栏未按周更新，5个工作日内整改',
    '2、课后服务签到表缺2月数据；3月31日前补齐',
  ].join('\n');
}

function examplesFor(role: Role, school: string): CardField[] {
  switch (role) {
    case 'supervisor':
      return [
        { label: '提交督导记录', value: recordTemplate(school) },
        { label: '验收', value: '验收 ZG-21 通过\n退回 ZG-21 公示栏仍未更新' },
        { label: '审批延期', value: '同意延期 ZG-21\n不同意延期 ZG-21 请按原期限完成' },
        { label: '查看', value: `待办\n逾期\n查询 ${school}\n整改进度 ZG-21\n统计 本月\n看板` },
      ];
    case 'principal':
      return [
        { label: '收到通知', value: '收到 ZG-21' },
        { label: '报告进度', value: '整改进度 ZG-21 进行中 已安排专人负责' },
        { label: '完成整改', value: '整改完成 ZG-21 公示栏已更新（可随后发照片）' },
        { label: '申请延期', value: '申请延期 ZG-21 至 4月10日 原因：需采购设备' },
        { label: '查看', value: `待办\n整改进度 ZG-21\n查询 ${school}\n看板` },
      ];
    case 'leader':
      return [
        { label: '日报', value: '日报' },
        { label: '查看', value: `逾期\n统计 本月\n统计 2021年3月\n查询 ${school}\n看板` },
        { label: '审批', value: '同意延期 ZG-21\n不同意延期 ZG-21 意见' },
        { label: '重新打开', value: '重新打开 ZG-21 复查发现问题反弹' },
      ];
    case 'admin':
      return [{ label: '绑定群聊（在群里发送）', value: '绑定本群 第一责任区\n绑定本群 督导室' }];
  }
}

/** 帮助: what I can do for this person, with examples to copy, one block per role. */
export function helpCard(i: HelpInput): Card {
  const school = i.exampleSchool ?? '龙泉小学';
  const seen = new Set<string>();
  const fields: CardField[] = [];
  for (const role of i.roles) {
    for (const f of examplesFor(role, school)) {
      if (seen.has(f.label)) continue; // a supervisor-leader sees 查看 once
      seen.add(f.label);
      fields.push(f);
    }
  }
  return finish({
    kind: 'help',
    title: '督导助手 · 使用说明',
    subtitle: `${i.personName}（${i.roles.map((r) => roleNames[r]).join('、')}），可以这样发：`,
    fields,
    note: '在群里请先 @督导助手；事项编号写作 ZG-21、ZG21 或 21 均可',
  });
}
