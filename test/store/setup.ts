import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { testPrefix } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import type { Roster } from '../../src/domain/roster.js';
import type { SubmitRecord } from '../../src/domain/command.js';
import { buildDistrict } from '../helpers/district.js';

/** A store on the suite's Redis under a fresh prefix, and the connection to close afterwards. */
export function openStore(): { store: FullStore; redis: Redis; prefix: string } {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 3 });
  const prefix = testPrefix();
  return { store: createStore(redis, prefix), redis, prefix };
}

/** Two zones, three schools, one person of each kind. */
export function smallRoster(): Roster {
  return buildDistrict({
    zones: [
      { id: 'z1', name: '第一责任区' },
      { id: 'z2', name: '第二责任区' },
    ],
    schools: [
      { id: 'S01', name: '龙泉小学', shortNames: ['龙泉小'], type: '小学', zone: 'z1' },
      { id: 'S02', name: '龙泉中学', type: '初中', zone: 'z1' },
      { id: 'S03', name: '区实验幼儿园', shortNames: ['实验幼'], type: '幼儿园', zone: 'z2' },
    ],
    people: [
      {
        id: 'sup-wang',
        name: '王建国',
        roles: ['supervisor'],
        zones: ['z1'],
        wecomId: 'wangjianguo',
        dingtalkId: 'dt-wang',
      },
      {
        id: 'sup-zhao',
        name: '赵敏',
        roles: ['supervisor'],
        zones: ['z2'],
        fullTime: true,
        wecomId: 'zhaomin',
      },
      { id: 'pri-li', name: '李校长', roles: ['principal'], school: 'S01', wecomId: 'lixiaozhang' },
      { id: 'pri-chen', name: '陈园长', roles: ['principal'], school: 'S03', dingtalkId: 'dt-chen' },
      {
        id: 'lead-liu',
        name: '刘主任',
        roles: ['leader'],
        zones: ['*'],
        fullTime: true,
        wecomId: 'liuzhuren',
      },
      { id: 'lead-sun', name: '孙副主任', roles: ['leader'], zones: ['z2'], fullTime: true },
      { id: 'admin', name: '管理员', roles: ['admin'] },
    ],
    plan: [{ month: '2026-03', content: '开展春季开学工作调研', kind: '专项督导', topic: '开学工作' }],
  });
}

export function submit(
  school = { id: 'S01', name: '龙泉小学' },
  problems = ['三年级作业公示栏未按周更新', '课后服务学生签到表缺2月数据'],
): SubmitRecord {
  return {
    command: 'submit_record',
    school,
    date: '2026-03-16',
    kind: '专项督导',
    topic: '双减',
    findings: '抽查三、五年级作业公示和课后服务台账。',
    problems: problems.map((text, i) => ({
      text,
      deadline: i === 0 ? '2026-03-23' : '2026-03-31',
      deadlineSource: 'text' as const,
    })),
  };
}
