import type { HistoryEvent, Item, VisitRecord } from '../../src/domain/records.js';

/** The docs/spec/commands.md example as stored data: DD-7 at 龙泉小学 with ZG-21 and ZG-22. */
export const record: VisitRecord = {
  id: 'DD-7',
  school: 'S01',
  zone: 'z1',
  supervisor: 'sup-wang',
  date: '2021-03-15',
  kind: '专项督导',
  topic: '双减',
  findings: '抽查三、五年级作业公示和课后服务台账。',
  items: ['ZG-21', 'ZG-22'],
  attachments: [],
  createdAt: '2021-03-15T02:00:00.000Z',
  source: { platform: 'wecom', messageId: 'm1' },
};

export function item(over: Partial<Item> = {}): Item {
  return {
    id: 'ZG-21',
    record: 'DD-7',
    school: 'S01',
    zone: 'z1',
    supervisor: 'sup-wang',
    text: '三年级作业公示栏未按周更新',
    deadline: '2021-03-22',
    deadlineSource: 'text',
    status: 'open',
    createdAt: '2021-03-15T02:00:00.000Z',
    updatedAt: '2021-03-15T02:00:00.000Z',
    attachments: 0,
    ...over,
  };
}

export const items: Item[] = [
  item(),
  item({ id: 'ZG-22', text: '课后服务学生签到表缺2月数据', deadline: '2021-03-31' }),
];

export const history: HistoryEvent[] = [
  { at: '2021-03-15T02:00:00.000Z', actor: 'sup-wang', action: 'create', to: 'open' },
  { at: '2021-03-16T01:10:00.000Z', actor: 'pri-li', action: 'acknowledge', from: 'open', to: 'in_progress' },
  {
    at: '2021-03-19T07:30:00.000Z',
    actor: 'pri-li',
    action: 'done',
    from: 'in_progress',
    to: 'submitted',
    note: '公示栏已更新，附照片',
  },
];

export const names: Record<string, string> = { 'sup-wang': '王建国', 'pri-li': '李校长' };
