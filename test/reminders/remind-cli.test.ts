import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRemindArgs, runRemind } from '../../src/cli/remind.js';
import { main } from '../../src/cli.js';
import { importDistrict, openTimeWorld, visit, type TimeWorld } from '../helpers/time-district.js';

let w: TimeWorld;
let ids: string[];
beforeAll(async () => {
  w = await openTimeWorld();
  await importDistrict(w.store);
  const a = await visit(w.store, {
    school: 'S01',
    date: '2021-04-20',
    problems: [{ text: '食堂留样记录不全', deadline: '2021-05-06' }],
  });
  const b = await visit(w.store, {
    school: 'S03',
    date: '2021-04-20',
    problems: [{ text: '午睡室消毒记录缺失', deadline: '2021-04-26' }],
  });
  ids = [a[0]!.id, b[0]!.id];
});
afterAll(async () => {
  await w.close();
});

async function remind(args: string[]) {
  const o = parseRemindArgs(args, 'Asia/Shanghai');
  if (typeof o === 'string') throw new Error(o);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRemind(
    w.rt,
    o,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('npx dudao remind', () => {
  it('--at reads a wall time in TIMEZONE, or an ISO instant with its zone', () => {
    expect(parseRemindArgs(['--at', '2021-05-06T09:00'], 'Asia/Shanghai')).toEqual({
      at: new Date('2021-05-06T01:00:00Z'),
      dryRun: false,
      json: false,
    });
    expect(
      parseRemindArgs(['--at=2021-05-06T09:00:00+08:00', '--dry-run', '--json'], 'Asia/Shanghai'),
    ).toEqual({ at: new Date('2021-05-06T01:00:00Z'), dryRun: true, json: true });
    expect(parseRemindArgs(['--at', '2021-05-06T01:00:00Z'], 'Asia/Shanghai')).toMatchObject({
      at: new Date('2021-05-06T01:00:00Z'),
    });
    expect(parseRemindArgs(['--at', 'tomorrow'], 'Asia/Shanghai')).toMatch(/^--at 后面应是时间/);
    expect(parseRemindArgs(['--at'], 'Asia/Shanghai')).toMatch(/^--at 后面应是时间/);
    expect(parseRemindArgs(['--force'], 'Asia/Shanghai')).toBe('不认识的参数 “--force”');
  });

  it('a bad argument exits 2 with the usage, before touching Redis', async () => {
    const errs: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (errs.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['remind', '--force'], { REDIS_URL: 'redis://127.0.0.1:1' })).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errs.join('')).toContain('dudao remind：参数有误：不认识的参数 “--force”');
    expect(errs.join('')).toContain('用法：npx dudao remind [--at 时间] [--dry-run] [--json]');
  });

  it('--json prints exactly the contract’s array; a dry run first sends nothing', async () => {
    const dry = await remind(['--at', '2021-04-28T09:00', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const expected = [
      // ordered as the deadline index is: the overdue item (4/26; 4/27 and 4/28 overdue) first
      { to: { id: 'pri-chen', name: '陈园长' }, item: ids[1], stage: 'overdue', workdays: 2 },
      { to: { id: 'sup-zhao', name: '赵督学' }, item: ids[1], stage: 'overdue', workdays: 2 },
      { to: { id: 'pri-li', name: '李校长' }, item: ids[0], stage: 'before', workdays: 3 },
    ];
    expect(JSON.parse(dry.out.join('\n'))).toEqual(expected);
    expect(dry.err.join()).toContain('（试运行，未发送）');
    const real = await remind(['--at', '2021-04-28T09:00', '--json']);
    expect(JSON.parse(real.out.join('\n'))).toEqual(expected);
    // everything already sent: an empty array
    expect(JSON.parse((await remind(['--at', '2021-04-28T10:00', '--json'])).out.join('\n'))).toEqual([]);
  });

  it('prints one line per message; quiet hours and days off print why nothing went out', async () => {
    const r = await remind(['--at', '2021-04-30T09:00']);
    expect(r.out).toEqual([
      `${ids[1]} escalation 4 → 刘主任 (lead-liu) 逾期升级，已逾期 4 个工作日`, // 4/29 (3) passed unseen: sent late, once
      `${ids[1]} escalation 4 → 孙副主任 (lead-sun) 逾期升级，已逾期 4 个工作日`,
      `${ids[0]} before 1 → 李校长 (pri-li) 还有 1 个工作日到期`,
    ]);
    const night = await remind(['--at', '2021-05-06T19:00']);
    expect(night.out).toEqual([]);
    expect(night.err.join()).toContain('不在工作时间 08:30-18:00（WORK_HOURS）内，不发送任何提醒');
    const holiday = await remind(['--at', '2021-05-03T10:00']);
    expect(holiday.err.join()).toContain('2021-05-03 10:00（Asia/Shanghai） 不是工作日');
  });

  it('two concurrent runs: the second waits for the first and finds nothing left to send', async () => {
    const [a, b] = await Promise.all([
      remind(['--at', '2021-05-06T09:00']),
      remind(['--at', '2021-05-06T09:00']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([...a.out, ...b.out]).toEqual([`${ids[0]} due 0 → 李校长 (pri-li) 今天到期`]);
  });
});
