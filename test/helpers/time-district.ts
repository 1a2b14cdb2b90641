// The time tests' world: a runtime on the suite's Redis under a fresh prefix with a clock the
// test sets, the real store, and a small 2021 district (the real 2021 calendar applies).

import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import type { Roster } from '../../src/domain/roster.js';
import type { Item } from '../../src/domain/records.js';
import type { VisitKind } from '../../src/domain/command.js';
import { LogSink, testPrefix } from './service.js';
import { buildDistrict } from './district.js';
import type { OutboundJob } from '../../src/queue/outbound-job.js';

export interface Clock {
  now: Date;
  /** set the clock to a Beijing wall time: at('2021-05-06', '09:00') */
  at(day: string, time?: string): Date;
}

export function makeClock(): Clock {
  const c: Clock = {
    now: new Date('2021-03-01T01:00:00Z'),
    at(day, time = '09:00') {
      c.now = bj(day, time);
      return c.now;
    },
  };
  return c;
}

/** An instant from a Beijing wall time. */
export const bj = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);

export interface TimeWorld {
  rt: Runtime;
  store: FullStore;
  clock: Clock;
  logs: LogSink;
  close(): Promise<void>;
}

export async function openTimeWorld(
  o: { prefix?: string; clock?: Clock; env?: Record<string, string> } = {},
): Promise<TimeWorld> {
  const clock = o.clock ?? makeClock();
  const logs = new LogSink();
  const config = loadConfig({ LOG_LEVEL: 'info', ...o.env });
  const rt = await createRuntime({
    config,
    log: createLogger('info', logs),
    prefix: o.prefix ?? testPrefix(),
    redisUrl: inject('redisUrl'),
    now: () => clock.now,
  });
  const store = createStore(rt.redis, rt.prefix);
  return { rt, store, clock, logs, close: () => rt.close() };
}

/**
 * Two zones, five schools (S05 is deactivated by importDistrict), two supervisors, four principals (one with no platform
 * id), two leaders (全部 and zone 2 only), an admin.
 */
export function district(): Roster {
  return buildDistrict({
    zones: [
      { id: 'z1', name: '城区责任区' },
      { id: 'z2', name: '龙水责任区' },
    ],
    schools: [
      { id: 'S01', name: '棠香小学', type: '小学', zone: 'z1' },
      { id: 'S02', name: '城南中学', type: '初中', zone: 'z1' },
      { id: 'S03', name: '龙水幼儿园', type: '幼儿园', zone: 'z2' },
      { id: 'S04', name: '龙水小学', type: '小学', zone: 'z2' },
      { id: 'S05', name: '已撤并村小', type: '小学', zone: 'z2' },
    ],
    people: [
      {
        id: 'sup-wang',
        name: '王督学',
        roles: ['supervisor'],
        zones: ['z1'],
        fullTime: true,
        wecomId: 'wang',
      },
      { id: 'sup-zhao', name: '赵督学', roles: ['supervisor'], zones: ['z2'], dingtalkId: 'dt-zhao' },
      { id: 'pri-li', name: '李校长', roles: ['principal'], school: 'S01', wecomId: 'li' },
      { id: 'pri-zhou', name: '周校长', roles: ['principal'], school: 'S02', wecomId: 'zhou' },
      { id: 'pri-chen', name: '陈园长', roles: ['principal'], school: 'S03', dingtalkId: 'dt-chen' },
      { id: 'pri-wu', name: '吴校长', roles: ['principal'], school: 'S04' },
      { id: 'lead-liu', name: '刘主任', roles: ['leader'], zones: ['*'], fullTime: true, wecomId: 'liu' },
      { id: 'lead-sun', name: '孙副主任', roles: ['leader'], zones: ['z2'], fullTime: true, wecomId: 'sun' },
      { id: 'admin', name: '管理员', roles: ['admin'], wecomId: 'admin' },
    ],
    plan: [
      { month: '2021-03', content: '开展春季开学工作调研', kind: '专项督导', topic: '春季开学工作' },
      {
        month: '2021-04',
        content: '对幼儿园办园行为开展督导评估',
        kind: '专项督导',
        topic: '幼儿园办园行为',
      },
      { month: '2021-05', content: '开展校园食堂与安全专项督导', kind: '专项督导', topic: '食堂与校园安全' },
    ],
  });
}

/** Import the district; S05 was merged away, so a later roster without it deactivates it (import never deletes). */
export async function importDistrict(store: FullStore): Promise<void> {
  const roster = district();
  await store.importRoster(roster);
  await store.importRoster({ ...roster, schools: roster.schools.filter((x) => x.id !== 'S05') });
}

const supervisorOf: Record<string, string> = {
  S01: 'sup-wang',
  S02: 'sup-wang',
  S03: 'sup-zhao',
  S04: 'sup-zhao',
  S05: 'sup-zhao',
};
const nameOf: Record<string, string> = {
  S01: '棠香小学',
  S02: '城南中学',
  S03: '龙水幼儿园',
  S04: '龙水小学',
  S05: '已撤并村小',
};
let seq = 0;

/**
 * A visit record with its problems, created at `createdAt` (default: 09:00 Beijing on the visit
 * date). Returns the items.
 */
export async function visit(
  store: FullStore,
  o: {
    school: string;
    date: string;
    problems?: { text: string; deadline: string }[];
    createdAt?: Date;
    kind?: VisitKind;
    supervisor?: string;
  },
): Promise<Item[]> {
  const r = await store.createRecord({
    command: {
      command: 'submit_record',
      school: { id: o.school, name: nameOf[o.school]! },
      date: o.date,
      kind: o.kind ?? '挂牌督导',
      problems: (o.problems ?? []).map((p) => ({ ...p, deadlineSource: 'text' as const })),
    },
    supervisor: o.supervisor ?? supervisorOf[o.school]!,
    source: { platform: 'sim', messageId: `visit-${++seq}-${Math.random().toString(36).slice(2)}` },
    now: o.createdAt ?? bj(o.date, '09:00'),
  });
  return r.items;
}

/** Move an item through actions at an instant, each from its own source message. */
export async function act(
  store: FullStore,
  item: string,
  actions: {
    action: Parameters<FullStore['transition']>[0]['action'];
    at: Date;
    until?: string;
    actor?: string;
    note?: string;
  }[],
) {
  for (const a of actions) {
    const r = await store.transition({
      item,
      action: a.action,
      actor: a.actor ?? 'sup-wang',
      source: { platform: 'sim', messageId: `act-${++seq}-${Math.random().toString(36).slice(2)}` },
      now: a.at,
      until: a.until,
      ...(a.note ? { note: a.note } : {}),
    });
    if (!r.ok) throw new Error(`${item} ${a.action}: ${r.code}`);
  }
}

/** The send jobs waiting on the outbound queue, as [personId, card kind, items] tuples. */
export async function outboundSends(
  rt: Runtime,
): Promise<{ id: string; to: string; kind: string; title: string; items: string[]; text: string }[]> {
  const jobs = await rt.jobQueues.outbound.getJobs([
    'waiting',
    'delayed',
    'prioritized',
    'active',
    'completed',
    'failed',
  ]);
  return jobs
    .map((j) => ({ id: j.id ?? '', data: j.data as OutboundJob }))
    .filter((j): j is { id: string; data: Extract<OutboundJob, { kind: 'send' }> } => j.data.kind === 'send')
    .map((j) => ({
      id: j.id,
      to: j.data.to.type === 'person' ? j.data.to.personId : j.data.to.type,
      kind: j.data.card.kind,
      title: j.data.card.title,
      items: j.data.items,
      text: j.data.card.text,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
