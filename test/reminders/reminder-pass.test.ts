import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReminderPass } from '../../jobs/reminder-run.js';
import { WATERMARK_CLAIM } from '../../src/reminders/plan-reminders.js';
import { reminderPassDeps, runLockedReminderPass } from '../../jobs/reminder-pass.js';
import type { ReminderMessage } from '../../jobs/reminder-messages.js';
import {
  act,
  bj,
  district,
  makeClock,
  openTimeWorld,
  outboundSends,
  visit,
  type TimeWorld,
} from '../helpers/time-district.js';

/**
 * The pass on the real store and real Redis, with the clock set by the test and the real 2021
 * calendar. Nothing consumes the outbound queue here: the waiting send jobs are what was sent.
 */
let w: TimeWorld;
beforeEach(async () => {
  w = await openTimeWorld();
  await w.store.importRoster(district());
});
afterEach(async () => {
  await w.close();
});

/** Run a pass at a Beijing wall time; the messages as 'item stage workdays → person'. */
async function passAt(day: string, time = '09:00', o: { dryRun?: boolean } = {}): Promise<string[]> {
  w.clock.at(day, time);
  const got: ReminderMessage[] = [];
  const r = await runLockedReminderPass(w.rt, {
    at: w.rt.now(),
    dryRun: o.dryRun,
    onMessage: (m) => got.push(m),
  });
  if (r === 'busy') throw new Error('busy');
  return got.map((m) => `${m.item} ${m.stage} ${m.workdays} → ${m.to.id}`).sort();
}

describe('an item overdue when its record is stored', () => {
  it('gets its 督办 at the next pass, once, even after a pass has set the watermark', async () => {
    // passes ran through 5/10, so the watermark is past the item's deadline
    await passAt('2021-05-07');
    await passAt('2021-05-10');
    // a back-dated record stored on 5/10 at 11:00, its deadline 5/7 (overdue 2 working days: 5/8 is
    // a worked Saturday); the handler releases the watermark (test/handlers/record-warnings.test.ts)
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '消防通道堆放杂物', deadline: '2021-05-07' }],
      createdAt: bj('2021-05-10', '11:00'),
    });
    await w.store.releaseOnce(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id);
    const id = item!.id;
    expect(await passAt('2021-05-10', '11:05')).toEqual([
      `${id} overdue 2 → pri-li`,
      `${id} overdue 2 → sup-wang`,
    ]);
    expect(await passAt('2021-05-10', '11:10')).toEqual([]);
    expect(await passAt('2021-05-11')).toEqual([`${id} escalation 3 → lead-liu`]);
  });

  it('long overdue: the watermark would hide it, so the record releases it and the next pass escalates', async () => {
    await passAt('2021-05-10');
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-03-15',
      problems: [{ text: '围墙破损', deadline: '2021-03-22' }],
      createdAt: bj('2021-05-10', '11:00'),
    });
    const id = item!.id;
    expect(await passAt('2021-05-10', '11:05')).toEqual([]); // before 5/7: not read by a watermarked pass
    await w.store.releaseOnce(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id);
    expect(await passAt('2021-05-10', '11:10')).toEqual([`${id} escalation 33 → lead-liu`]);
    expect(await passAt('2021-05-10', '11:15')).toEqual([]);
  });
});

describe('reminders around 劳动节 2021', () => {
  it('before 3, before 1 (the last day before the holiday), due, 督办, escalation — each once', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '食堂留样记录不全', deadline: '2021-05-06' }],
    });
    const id = item!.id;
    expect(await passAt('2021-04-27')).toEqual([]); // 4 working days left
    expect(await passAt('2021-04-28', '08:30')).toEqual([`${id} before 3 → pri-li`]);
    expect(await passAt('2021-04-28', '15:00')).toEqual([]); // same day again: claimed
    expect(await passAt('2021-04-29')).toEqual([]); // 2 left: no stage of its own
    expect(await passAt('2021-04-30')).toEqual([`${id} before 1 → pri-li`]);
    for (const d of ['2021-05-01', '2021-05-03', '2021-05-05']) expect(await passAt(d, '10:00')).toEqual([]);
    expect(await passAt('2021-05-06')).toEqual([`${id} due 0 → pri-li`]);
    expect(await passAt('2021-05-07')).toEqual([`${id} overdue 1 → pri-li`, `${id} overdue 1 → sup-wang`]);
    expect(await passAt('2021-05-08')).toEqual([]); // Saturday worked: overdue 2, nothing new
    expect(await passAt('2021-05-10')).toEqual([`${id} escalation 3 → lead-liu`]); // zone 1: only the 全部 leader
    expect(await passAt('2021-05-11')).toEqual([]);

    const sends = await outboundSends(w.rt);
    expect(sends.map((s) => `${s.to} ${s.kind} ${s.title}`)).toEqual(
      expect.arrayContaining([
        `pri-li reminder 整改提醒 · ${id}`,
        `pri-li escalation 督办通知 · ${id}`,
        `sup-wang escalation 督办通知 · ${id}`,
        `lead-liu escalation 逾期升级 · ${id}`,
      ]),
    );
    expect(sends).toHaveLength(6);
    expect(sends.every((s) => s.items.join() === id)).toBe(true);
    // the 督办 notice carries the office's short new deadline: 3 working days after 5月7日 (5月8日 is worked)
    const notice = sends.find((s) => s.to === 'pri-li' && s.kind === 'escalation')!;
    expect(notice.text).toContain('督办期限：5月11日 周二');
  });

  it('an item in zone 2 escalates to both the 全部 leader and the zone leader', async () => {
    const [item] = await visit(w.store, {
      school: 'S03',
      date: '2021-04-20',
      problems: [{ text: '午睡室消毒记录缺失', deadline: '2021-04-26' }],
    });
    expect(await passAt('2021-04-29')).toEqual([
      `${item!.id} escalation 3 → lead-liu`,
      `${item!.id} escalation 3 → lead-sun`,
    ]);
  });

  it('quiet hours: 19:00 sends nothing; the next working morning sends the latest stage', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '安全台账未更新', deadline: '2021-04-29' }],
    });
    expect(await passAt('2021-04-30', '19:00')).toEqual([]);
    expect(await passAt('2021-04-30', '18:00')).toEqual([]);
    expect(await passAt('2021-05-01', '10:00')).toEqual([]); // holiday
    expect(await passAt('2021-05-06', '08:29')).toEqual([]);
    expect(await passAt('2021-05-06', '08:30')).toEqual([
      `${item!.id} overdue 2 → pri-li`,
      `${item!.id} overdue 2 → sup-wang`,
    ]);
  });

  it('catching up after 3 days of downtime sends only the latest stage', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '消防通道堆放杂物', deadline: '2021-05-06' }],
    });
    expect(await passAt('2021-04-27')).toEqual([]);
    // down on 4/28, 4/29, 4/30: before 3 and before 1 were never sent
    expect(await passAt('2021-05-06')).toEqual([`${item!.id} due 0 → pri-li`]);
    expect(await outboundSends(w.rt)).toHaveLength(1);
  });
});

describe('reminders around 国庆 2021', () => {
  it('a holiday starting the day before the deadline (10月2日): due on 9月30日, 督办 on 10月8日', async () => {
    const [item] = await visit(w.store, {
      school: 'S02',
      date: '2021-09-15',
      problems: [{ text: '校车安全检查记录缺失', deadline: '2021-10-02' }],
    });
    const id = item!.id;
    expect(await passAt('2021-09-26')).toEqual([]); // Sunday worked, 4 left (9/27–9/30)
    expect(await passAt('2021-09-27')).toEqual([`${id} before 3 → pri-zhou`]);
    expect(await passAt('2021-09-29')).toEqual([`${id} before 1 → pri-zhou`]);
    expect(await passAt('2021-09-30')).toEqual([`${id} due 0 → pri-zhou`]);
    for (const d of ['2021-10-01', '2021-10-02', '2021-10-04', '2021-10-07'])
      expect(await passAt(d, '10:00')).toEqual([]);
    expect(await passAt('2021-10-08')).toEqual([`${id} overdue 1 → pri-zhou`, `${id} overdue 1 → sup-wang`]);
    expect(await passAt('2021-10-09')).toEqual([]); // Saturday worked
    expect(await passAt('2021-10-11')).toEqual([`${id} escalation 3 → lead-liu`]);
  });
});

describe('what changes the plan', () => {
  it('an approved extension moves the plan to the new deadline', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '图书室借阅登记不全', deadline: '2021-05-06' }],
    });
    const id = item!.id;
    expect(await passAt('2021-05-06')).toEqual([`${id} due 0 → pri-li`]);
    await act(w.store, id, [
      { action: 'request_extension', at: bj('2021-05-06', '10:00'), until: '2021-05-12', actor: 'pri-li' },
      { action: 'approve_extension', at: bj('2021-05-06', '11:00') },
    ]);
    expect(await passAt('2021-05-07')).toEqual([]); // not overdue any more; 4 working days left
    expect(await passAt('2021-05-08')).toEqual([`${id} before 3 → pri-li`]);
    expect(await passAt('2021-05-11')).toEqual([`${id} before 1 → pri-li`]);
    expect(await passAt('2021-05-12')).toEqual([`${id} due 0 → pri-li`]); // a second `due`: a new deadline
    expect(await passAt('2021-05-13')).toEqual([`${id} overdue 1 → pri-li`, `${id} overdue 1 → sup-wang`]);
    const dueJobs = (await outboundSends(w.rt)).filter((s) => s.text.includes('今天到期'));
    expect(dueJobs).toHaveLength(2); // one per deadline: the job id carries it
    expect(dueJobs[0]!.id).not.toBe(dueJobs[1]!.id);
  });

  it('a closed item gets nothing, not even the stage it reached before closing', async () => {
    const [a, b] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [
        { text: '问题甲', deadline: '2021-05-06' },
        { text: '问题乙', deadline: '2021-05-06' },
      ],
    });
    await act(w.store, a!.id, [
      { action: 'done', at: bj('2021-04-27', '10:00'), actor: 'pri-li' },
      { action: 'close', at: bj('2021-04-27', '11:00') },
    ]);
    expect(await passAt('2021-04-28')).toEqual([`${b!.id} before 3 → pri-li`]);
    // submitted (awaiting recheck) is still open: it keeps getting reminders until closed
    await act(w.store, b!.id, [{ action: 'done', at: bj('2021-04-28', '10:00'), actor: 'pri-li' }]);
    expect(await passAt('2021-04-30')).toEqual([`${b!.id} before 1 → pri-li`]);
    await act(w.store, b!.id, [{ action: 'close', at: bj('2021-04-30', '10:00') }]);
    expect(await passAt('2021-05-06')).toEqual([]);
    expect(await passAt('2021-05-10')).toEqual([]);
  });

  it('a dry run shows what is due and takes no claim', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '问题', deadline: '2021-05-06' }],
    });
    expect(await passAt('2021-04-28', '09:00', { dryRun: true })).toEqual([`${item!.id} before 3 → pri-li`]);
    expect(await outboundSends(w.rt)).toEqual([]);
    expect(await passAt('2021-04-28', '09:05')).toEqual([`${item!.id} before 3 → pri-li`]);
    expect(await passAt('2021-04-28', '09:10', { dryRun: true })).toEqual([]);
  });

  it('a failed enqueue gives the claims back, so the next pass sends', async () => {
    const [item] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '问题', deadline: '2021-05-06' }],
    });
    const deps = reminderPassDeps(w.rt);
    const failing = { ...deps, enqueue: async () => Promise.reject(new Error('redis says no')) };
    await expect(runReminderPass(failing, { at: bj('2021-04-28') })).rejects.toThrow('redis says no');
    expect(await passAt('2021-04-28', '09:05')).toEqual([`${item!.id} before 3 → pri-li`]);
  });
});

describe('the watermark', () => {
  it('a pass after a complete one reads only the deadlines that can still have a new stage', async () => {
    await visit(w.store, {
      school: 'S01',
      date: '2021-04-01',
      problems: [{ text: '旧问题', deadline: '2021-04-06' }],
    });
    const [fresh] = await visit(w.store, {
      school: 'S01',
      date: '2021-04-20',
      problems: [{ text: '新问题', deadline: '2021-05-06' }],
    });
    const deps = reminderPassDeps(w.rt);
    expect((await runReminderPass(deps, { at: bj('2021-05-06') })).scanned).toBe(2); // no watermark yet: everything
    const next = await runReminderPass(deps, { at: bj('2021-05-07') });
    expect(next).toMatchObject({ scanned: 1, messages: 2 }); // from 4/28 on: the old item's stages are all behind it
    expect((await runReminderPass(deps, { at: bj('2021-05-07', '09:05'), fullScan: true })).scanned).toBe(2);
    // a dry run does not move it; a replay of an earlier day ignores it
    expect((await runReminderPass(deps, { at: bj('2021-05-06', '10:00'), dryRun: true })).scanned).toBe(2);
    expect(fresh).toBeDefined();
  });
});

describe('exactly once under concurrency', () => {
  async function seed() {
    const items = [];
    for (const school of ['S01', 'S02', 'S03', 'S04']) {
      items.push(
        ...(await visit(w.store, {
          school,
          date: '2021-04-20',
          problems: [
            { text: '甲', deadline: '2021-05-06' },
            { text: '乙', deadline: '2021-04-28' },
          ],
        })),
      );
    }
    return items;
  }

  it('the pass run twice at the same instant (no lease) sends each message once', async () => {
    await seed();
    const deps = reminderPassDeps(w.rt);
    const at = bj('2021-05-07');
    const counts = await Promise.all([
      runReminderPass(deps, { at, pageSize: 3 }),
      runReminderPass(deps, { at, pageSize: 5 }),
    ]);
    const sends = await outboundSends(w.rt);
    // 4 overdue items (督办: principal + supervisor) and 4 escalated ones (leaders)
    expect(counts[0]!.messages + counts[1]!.messages).toBe(sends.length);
    expect(new Set(sends.map((s) => s.id)).size).toBe(sends.length);
    expect(sends.length).toBe(4 * 2 + 2 * 1 + 2 * 2);
  });

  it('two runtimes (two workers) running concurrently send each message once', async () => {
    await seed();
    const other = await openTimeWorld({ prefix: w.rt.prefix, clock: makeClock() });
    try {
      const at = bj('2021-05-07');
      w.clock.now = at;
      other.clock.now = at;
      const [r1, r2] = await Promise.all([
        runReminderPass(reminderPassDeps(w.rt), { at }),
        runReminderPass(reminderPassDeps(other.rt), { at }),
      ]);
      const sends = await outboundSends(w.rt);
      expect(r1.messages + r2.messages).toBe(sends.length);
      expect(sends.length).toBe(14);
      // and with the lease, as the scheduled job runs: the second finds it busy or nothing to do
      const [l1, l2] = await Promise.all([
        runLockedReminderPass(w.rt, { at: bj('2021-05-10') }),
        runLockedReminderPass(other.rt, { at: bj('2021-05-10') }),
      ]);
      const n = (r: typeof l1) => (r === 'busy' ? 0 : r.messages);
      expect(n(l1) + n(l2)).toBe((await outboundSends(w.rt)).length - 14);
    } finally {
      await other.close();
    }
  });
});
