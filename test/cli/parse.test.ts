import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { main } from '../../src/cli.js';
import { parseNow, parseParseArgs } from '../../src/cli/parse.js';
import { createStore } from '../../src/store/redis-store.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import { demoRoster } from '../helpers/district.js';

describe('parse arguments', () => {
  it('reads --now as an instant, a wall-clock time or a day in TIMEZONE', () => {
    expect(parseNow('2021-03-15T09:00:00+08:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2021-03-15T01:00:00.000Z',
    );
    expect(parseNow('2021-03-15T09:30', 'Asia/Shanghai')?.toISOString()).toBe('2021-03-15T01:30:00.000Z');
    expect(parseNow('2021-03-15', 'Asia/Shanghai')?.toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(parseNow('yesterday', 'Asia/Shanghai')).toBeUndefined();
  });

  it('joins the words of the text and refuses unknown options', () => {
    expect(parseParseArgs(['--json', '收到', 'ZG-12'], 'Asia/Shanghai')).toEqual({
      json: true,
      text: '收到 ZG-12',
    });
    expect(parseParseArgs(['--bogus', 'x'], 'Asia/Shanghai')).toMatch(/不认识的选项 “--bogus”/);
  });
});

describe('npx dudao parse', () => {
  const redisUrl = inject('redisUrl');
  const redis = new Redis(redisUrl);
  let out: string[] = [];
  let err: string[] = [];
  const run = async (...args: string[]) => {
    out = [];
    err = [];
    const w = process.stdout.write.bind(process.stdout);
    const e = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      return await main(['parse', ...args], { REDIS_URL: redisUrl, LOG_LEVEL: 'silent' });
    } finally {
      process.stdout.write = w;
      process.stderr.write = e;
    }
  };

  beforeAll(async () => {
    // the command reads the configured Redis under the default prefix, as the service does
    await createStore(redis, DEFAULT_PREFIX).importRoster(demoRoster());
  });
  afterAll(() => redis.quit());

  it('prints the docs/spec/interfaces.md JSON of a visit record, matched through a short name, and stores nothing', async () => {
    const keys = async () => (await redis.keys(`${DEFAULT_PREFIX}*`)).sort();
    const before = await keys();
    const code = await run(
      '--now',
      '2021-03-16T09:00:00+08:00',
      '--json',
      '提交督导记录\n学校：龙泉小\n日期：3月15日\n类型：专项督导（双减）\n问题：\n1、作业公示栏未按周更新，5个工作日内整改',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toEqual({
      command: 'submit_record',
      school: { id: 'S01', name: '龙泉小学' },
      date: '2021-03-15',
      kind: '专项督导',
      topic: '双减',
      problems: [{ text: '作业公示栏未按周更新', deadline: '2021-03-22', deadlineSource: 'text' }],
    });
    expect(await keys()).toEqual(before);
  });

  it('prints a failure as {"command":"error",code,message}', async () => {
    expect(await run('--json', '提交督导记录\n学校：北京大学')).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ command: 'error', code: 'unknown_school' });
  });

  it('human output, and usage errors exit 2', async () => {
    expect(await run('收到', 'zg12')).toBe(0);
    expect(out.join('')).toContain('acknowledge item=ZG-12');
    expect(await run('--now', 'soon', 'x')).toBe(2);
    expect(err.join('')).toContain('--now');
  });
});
