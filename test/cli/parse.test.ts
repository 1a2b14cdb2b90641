import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { main } from '../../src/cli.js';
import { parseNow, parseParseArgs } from '../../src/cli/parse.js';
import { createStore } from '../../src/store/redis-store.js';
import { DEFAULT_PREFIX, queueNames } from '../../src/queue/names.js';
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
    // BullMQ writes its queues' meta keys when the runtime opens them, whenever that lands: not data
    const isQueueKey = (k: string) => queueNames.some((q) => k.startsWith(`${DEFAULT_PREFIX}:${q}:`));
    const keys = async () => (await redis.keys(`${DEFAULT_PREFIX}*`)).filter((k) => !isQueueKey(k)).sort();
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

  it('shows the warnings and the failures of issue 15 in --json', async () => {
    // a deadline already past and one on a Sunday (12月19日 2021), in a back-dated record
    expect(
      await run(
        '--now',
        '2021-12-01T09:00:00+08:00',
        '--json',
        '提交督导记录 学校：龙泉小学 日期：3月15日 问题：1、公示栏未更新，3月22日前整改 2、台账缺失，12月19日前补齐',
      ),
    ).toBe(0);
    expect(JSON.parse(out.join('')).warnings).toEqual([
      { code: 'deadline_past', item: 0, deadline: '2021-03-22' },
      {
        code: 'deadline_day_off',
        item: 1,
        deadline: '2021-12-19',
        dayOff: '周日',
        nextWorkday: '2021-12-20',
      },
    ]);
    expect(
      await run('--now', '2021-03-16T09:00:00+08:00', '--json', '提交督导记录 学校：龙泉小学 日期：明天'),
    ).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ command: 'error', code: 'visit_future' });
    expect(await run('--json', '验手 ZG-3 通过')).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      command: 'error',
      code: 'did_you_mean',
      message: '您是不是要发送『验收 ZG-3 通过』？请复制后重新发送。',
      suggestion: '验收 ZG-3 通过',
    });
  });

  it('knows the stored records: the same record again is possible_duplicate, unless 确认重复', async () => {
    const store = createStore(redis, DEFAULT_PREFIX);
    const text = '提交督导记录 学校：龙泉小学 日期：3月15日 问题：食堂留样记录不全';
    await store.createRecord({
      command: {
        command: 'submit_record',
        school: { id: 'S01', name: '龙泉小学' },
        date: '2021-03-15',
        kind: '挂牌督导',
        problems: [{ text: '食堂留样记录不全', deadline: '2021-03-29', deadlineSource: 'default' }],
      },
      supervisor: 'sup-wang',
      source: { platform: 'sim', messageId: 'cli-dup-1' },
      now: new Date('2021-03-15T09:00:00+08:00'),
    });
    expect(await run('--now', '2021-03-16T09:00:00+08:00', '--json', text)).toBe(0);
    expect(JSON.parse(out.join('')).warnings).toEqual([{ code: 'possible_duplicate', record: 'DD-1' }]);
    expect(await run('--now', '2021-03-16T09:00:00+08:00', '--json', `${text} 确认重复`)).toBe(0);
    const again = JSON.parse(out.join(''));
    expect(again.warnings).toBeUndefined();
    expect(again.confirmDuplicate).toBe(true);
  });

  it('human output, and usage errors exit 2', async () => {
    expect(await run('收到', 'zg12')).toBe(0);
    expect(out.join('')).toContain('acknowledge item=ZG-12');
    expect(await run('--now', 'soon', 'x')).toBe(2);
    expect(err.join('')).toContain('--now');
  });
});
