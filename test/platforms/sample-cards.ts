import type { Card } from '../../src/domain/card.js';

/** A principal's notice card, as cards/ builds it (two items, three buttons each would be 6). */
export const noticeCard: Card = {
  kind: 'rectification_notice',
  title: '整改通知 · 龙泉小学',
  subtitle: '督导记录 DD-7 · 2021-03-15 专项督导（双减）',
  fields: [
    { label: '督学', value: '王督学' },
    { label: '整改项', value: '2 项' },
  ],
  entries: [
    { id: 'ZG-21', text: '三年级作业公示栏未按周更新', meta: '期限 3月22日 周一' },
    { id: 'ZG-22', text: '课后服务学生签到表缺2月数据', meta: '期限 3月31日 周三' },
  ],
  note: '请在期限前整改，完成后点“已完成整改”或回复“整改完成 ZG-21 说明”。',
  buttons: [
    { label: '收到', action: 'ack', item: 'ZG-21', style: 'primary' },
    { label: '已完成', action: 'done', item: 'ZG-21' },
    { label: '收到', action: 'ack', item: 'ZG-22', style: 'primary' },
    { label: '已完成', action: 'done', item: 'ZG-22' },
  ],
  text: '整改通知 · 龙泉小学\nZG-21 三年级作业公示栏未按周更新（期限 3月22日）\nZG-22 课后服务学生签到表缺2月数据（期限 3月31日）',
};

export const recheckCard: Card = {
  kind: 'recheck_request',
  title: '待验收 ZG-21',
  subtitle: '龙泉小学 李校长 报告已完成',
  fields: [
    { label: '学校', value: '龙泉小学' },
    { label: '期限', value: '3月22日 周一' },
  ],
  entries: [{ id: 'ZG-21', text: '三年级作业公示栏未按周更新' }],
  note: '说明：已更换公示栏并按周更新（附图 2 张）',
  buttons: [
    { label: '验收通过', action: 'pass', item: 'ZG-21', style: 'primary' },
    { label: '退回', action: 'reject', item: 'ZG-21', style: 'danger' },
  ],
  text: '待验收 ZG-21 龙泉小学：三年级作业公示栏未按周更新。回复“验收 ZG-21 通过”或“退回 ZG-21 原因”。',
};

/** A digest: long, no buttons. */
export function digestCard(lines: number): Card {
  const entries = Array.from({ length: lines }, (_, i) => ({
    id: `ZG-${100 + i}`,
    text: `城东第${i + 1}小学 食堂留样记录不全，逾期 ${i % 9} 个工作日`,
    meta: '督学 张三',
  }));
  return {
    kind: 'digest',
    title: '督导日报 3月16日 周二',
    fields: [{ label: '昨日督导', value: '5 次' }],
    entries,
    buttons: [],
    text: entries.map((e) => `${e.id} ${e.text}`).join('\n'),
  };
}
