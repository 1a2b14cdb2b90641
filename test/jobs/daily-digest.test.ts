import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processDailyDigest, runDailyDigest } from '../../jobs/daily-digest.js';
import { timeDeps } from '../../jobs/time-deps.js';
import { upsertTimeSchedules } from '../../jobs/schedules.js';
import { runDigestCli } from '../../src/cli/digest.js';
import { makeClock, openTimeWorld, outboundSends, type TimeWorld } from '../helpers/time-district.js';
import { buildKnownDistrict } from '../reports/known-district.js';
import { noDefer } from '../helpers/no-defer.js';

let w: TimeWorld;
beforeEach(async () => {
  w = await openTimeWorld();
  await buildKnownDistrict(w.store);
  w.clock.at('2021-05-10', '08:30');
});
afterEach(async () => {
  await w.close();
});

const ctx = (t: TimeWorld) => ({
  rt: t.rt,
  jobId: 'j',
  attempt: 0,
  attempts: 1,
  jobName: 'digest',
  defer: noDefer,
});

describe('the daily digest job', () => {
  it('sends each leader their digest, and the administrator who cannot be reached, once per day', async () => {
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({
      day: '2021-05-10',
      leaders: 2,
      sent: 2,
      admins: 1,
    });
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({
      day: '2021-05-10',
      leaders: 2,
      sent: 0,
      admins: 0,
    });
    const sends = await outboundSends(w.rt);
    expect(sends.map((s) => [s.to, s.kind])).toEqual(
      expect.arrayContaining([
        ['lead-liu', 'digest'],
        ['lead-sun', 'digest'],
        ['admin', 'info'],
      ]),
    );
    expect(sends).toHaveLength(3);
    const liu = sends.find((s) => s.to === 'lead-liu')!;
    expect(liu.title).toBe('督导日报 · 5月10日 周一');
    expect(liu.text).toContain('未销号：9 项（待验收 2，本周到期 4，逾期 3）');
    const sun = sends.find((s) => s.to === 'lead-sun')!;
    expect(sun.text).toContain('未销号：6 项（待验收 2，本周到期 3，逾期 2）');
    // 吴校长 has no platform id: the administrator is told, the leaders are not
    for (const leader of [liu, sun]) expect(leader.text).not.toContain('无法送达');
    const admin = sends.find((s) => s.to === 'admin')!;
    expect(admin.title).toBe('无法送达 · 5月10日 周一');
    expect(admin.text).toContain('吴校长（校长）');
    expect(admin.text).toContain('企业微信');
  });

  it('tells no administrator anything when everyone can be reached', async () => {
    const people = (await w.store.listPeople()).map((p) => (p.id === 'pri-wu' ? { ...p, wecomId: 'wu' } : p));
    await w.store.importRoster({
      zones: await w.store.listZones(),
      schools: (await w.store.listSchools()).filter((s) => s.active),
      people: people.filter((p) => p.active),
      chats: [],
      plan: [],
    });
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({ sent: 2, admins: 0 });
    expect((await outboundSends(w.rt)).map((s) => s.to).sort()).toEqual(['lead-liu', 'lead-sun']);
  });

  it('two workers building the same day concurrently send once', async () => {
    const other = await openTimeWorld({ prefix: w.rt.prefix, clock: makeClock() });
    try {
      other.clock.at('2021-05-10', '08:30');
      const [a, b] = await Promise.all([
        runDailyDigest(w.rt, { workdaysOnly: true }),
        runDailyDigest(other.rt, { workdaysOnly: true }),
      ]);
      expect(a.sent + b.sent).toBe(2);
      expect(a.admins + b.admins).toBe(1);
      expect(await outboundSends(w.rt)).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('sends nothing on a day off; the next working day gets its own digest', async () => {
    w.clock.at('2021-05-09', '08:30'); // Sunday
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({
      day: '2021-05-09',
      skipped: 'not_workday',
      sent: 0,
    });
    w.clock.at('2021-05-08', '08:30'); // Saturday, worked
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({ day: '2021-05-08', sent: 2 });
    w.clock.at('2021-05-10', '08:30');
    expect(await processDailyDigest({}, ctx(w))).toMatchObject({ day: '2021-05-10', sent: 2 });
    expect(await outboundSends(w.rt)).toHaveLength(6); // two leaders and the administrator, twice
  });

  it('a failed enqueue gives the claim back, so a retry sends', async () => {
    const d = timeDeps(w.rt);
    const enqueue = d.enqueue;
    d.enqueue = async () => Promise.reject(new Error('queue down'));
    await expect(runDailyDigest(w.rt, {})).rejects.toThrow('queue down');
    d.enqueue = enqueue;
    expect((await runDailyDigest(w.rt, {})).sent).toBe(2);
  });

  it('`digest --date --dry-run` prints the district digest and sends nothing', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await runDigestCli(
        w.rt,
        { date: '2021-05-10', dryRun: true },
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('【督导日报 · 5月10日 周一】');
    expect(text).toContain('统计 5月8日 周六 至 5月9日 周日');
    expect(text).toContain('新发现问题：3 项');
    expect(text).toContain('未销号：9 项（待验收 2，本周到期 4，逾期 3），其中逾期升级 2 项');
    expect(text).toContain('无法送达：吴校长（校长）：未登记企业微信或钉钉账号');
    expect(text).toContain('发送失败：1 条（李校长）');
    expect(text).toContain('城区责任区：未销号 3，逾期 1，本月 2/2 校');
    expect(text).toContain('→ 刘主任 (lead-liu) 全区：试运行，未发送');
    expect(text).toContain('→ 孙副主任 (lead-sun) 龙水责任区：试运行，未发送');
    expect(await outboundSends(w.rt)).toHaveLength(0);
    // and for real, then again: the second run says it was already sent
    out.length = 0;
    await runDigestCli(
      w.rt,
      { date: '2021-05-10', dryRun: false },
      (l) => out.push(l),
      () => {},
    );
    await runDigestCli(
      w.rt,
      { date: '2021-05-10', dryRun: false },
      (l) => out.push(l),
      () => {},
    );
    expect(out.filter((l) => l.startsWith('→')).map((l) => l.split('：').at(-1))).toEqual([
      '已发送',
      '已发送',
      '已发送',
      '此前已发送，未重复发送',
      '此前已发送，未重复发送',
      '此前已发送，未重复发送',
    ]);
    expect(out).toContain('→ 管理员 (admin) 管理员，无法送达名单 1 人：已发送');
    expect(await outboundSends(w.rt)).toHaveLength(3);
  });
});

describe('the schedules', () => {
  it('are upserted idempotently, in TIMEZONE, on every boot', async () => {
    w.clock.at('2021-05-10', '07:00'); // before the digest time: no catch-up run
    await upsertTimeSchedules(w.rt);
    await upsertTimeSchedules(w.rt);
    const q = w.rt.jobQueues;
    const all = [
      ...(await q['reminder-pass'].getJobSchedulers()),
      ...(await q['daily-digest'].getJobSchedulers()),
      ...(await q['monthly-plan'].getJobSchedulers()),
    ];
    expect(all.map((s) => [s.key, s.pattern, s.tz])).toEqual([
      ['reminder-pass', '*/5 * * * *', 'Asia/Shanghai'],
      ['daily-digest', '30 8 * * *', 'Asia/Shanghai'],
      ['monthly-plan', '0 9 * * *', 'Asia/Shanghai'],
    ]);
    expect(await q['daily-digest'].getJobCountByTypes('waiting')).toBe(0);
  });

  it('a worker booting after the digest time on a working day adds that day’s run once', async () => {
    w.clock.at('2021-05-10', '10:00');
    await upsertTimeSchedules(w.rt);
    await upsertTimeSchedules(w.rt);
    const waiting = await w.rt.jobQueues['daily-digest'].getJobs(['waiting']);
    expect(waiting.map((j) => j.data)).toEqual([{ day: '2021-05-10' }]);
    expect(await w.rt.jobQueues['monthly-plan'].getJobs(['waiting'])).toHaveLength(1);
  });
});
