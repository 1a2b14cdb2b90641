import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openInboundRunner,
  originText,
  RECORD_TEXT,
  toPersonSends,
  type InboundRunner,
} from './inbound-runner.js';

let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
  await h.send('sup-wang', RECORD_TEXT); // DD-1: ZG-1, ZG-2 at 龙泉小学 (pri-s01)
  await h.send('sup-wang', RECORD_TEXT.replace('龙泉小学', '龙泉中学')); // DD-2: ZG-3, ZG-4 at 龙泉中学 (pri-s02)
  h.setNow('2026-03-17T10:00:00+08:00');
});
afterAll(() => h.close());

const status = async (id: string) => (await h.store.getItem(id))!.status;

describe('principal: 收到 / 整改进度 / 整改完成', () => {
  it('收到 moves open → in_progress; the supervisor hears; the card now offers the next steps', async () => {
    const r = await h.send('pri-s01', '收到 ZG-1');
    expect(await status('ZG-1')).toBe('in_progress');
    const confirm = r.sends.find((s) => s.to.type === 'origin')!.card;
    expect(confirm.title).toBe('已确认收到 ZG-1');
    expect(confirm.buttons.map((b) => b.action)).toEqual(['done', 'extend']);
    const [toSup] = toPersonSends(r, 'sup-wang');
    expect(toSup!.card.kind).toBe('progress_notice');
    expect(toSup!.card.subtitle).toBe('龙泉小学 李校长 已收到整改通知');
    expect(r.updates).toEqual([
      expect.objectContaining({
        kind: 'card_update',
        item: 'ZG-1',
        outcome: expect.stringContaining('李校长 已确认收到'),
      }),
    ]);
  });

  it('收到 twice: a friendly word, nothing changes, nobody else is bothered', async () => {
    const r = await h.send('pri-s01', '收到 ZG-1');
    expect(originText(r)).toContain('ZG-1 已确认收到');
    expect(r.sends).toHaveLength(1);
    expect(r.updates).toHaveLength(0);
  });

  it('整改进度 … 进行中 records progress with the note', async () => {
    const r = await h.send('pri-s01', '整改进度 ZG-1 进行中 已安排专人负责');
    expect(await status('ZG-1')).toBe('in_progress');
    const [toSup] = toPersonSends(r, 'sup-wang');
    expect(toSup!.card.fields).toContainEqual({ label: '说明', value: '已安排专人负责' });
    const hist = await h.store.history('ZG-1');
    expect(hist.at(-1)).toMatchObject({ action: 'progress', actor: 'pri-s01', note: '已安排专人负责' });
  });

  it('整改完成 moves to submitted; the supervisor gets 验收通过 / 退回', async () => {
    const r = await h.send('pri-s01', '整改完成 ZG-1 公示栏已更新');
    expect(await status('ZG-1')).toBe('submitted');
    const [toSup] = toPersonSends(r, 'sup-wang');
    expect(toSup!.card.kind).toBe('recheck_request');
    expect(toSup!.card.buttons.map((b) => `${b.action}:${b.item}`)).toEqual(['pass:ZG-1', 'reject:ZG-1']);
    expect(r.updates[0]!.outcome).toContain('待验收');
    // the update says when the item moved on: only cards sent before then lose their buttons,
    // so the new recheck card keeps its own whichever job runs first
    const upd = r.jobs.find((j) => j.data.kind === 'card_update')!.data;
    expect(upd.kind === 'card_update' && Date.parse(upd.at ?? '')).toBeGreaterThan(0);
  });

  it('a principal of another school is refused as if the item did not exist, and it does not move', async () => {
    const before = await h.store.getItem('ZG-2');
    const r = await h.send('pri-s02', '收到 ZG-2');
    const text = originText(r);
    expect(text).toContain('未找到整改事项 ZG-2');
    expect(text).not.toContain('龙泉小学');
    expect(r.sends).toHaveLength(1);
    expect(await h.store.getItem('ZG-2')).toEqual(before);
  });

  it('an unknown item number', async () => {
    const r = await h.send('pri-s01', '收到 ZG-999');
    expect(originText(r)).toContain('未找到整改事项 ZG-999');
  });

  it('a supervisor cannot report progress for a school', async () => {
    const r = await h.send('sup-wang', '整改完成 ZG-2 已完成');
    expect(originText(r)).toContain('只有学校校长');
    expect(await status('ZG-2')).toBe('open');
  });
});

describe('recheck: 验收 / 退回', () => {
  it('退回 without a reason asks for one with an example, and changes nothing', async () => {
    const r = await h.send('sup-wang', '验收 ZG-1 退回');
    expect(await status('ZG-1')).toBe('submitted');
    expect(originText(r)).toContain('例如：退回 ZG-1');
  });

  it('退回 with a reason sends the item back to the school with buttons', async () => {
    const r = await h.send('sup-wang', '退回 ZG-1 公示栏内容仍是上周的');
    expect(await status('ZG-1')).toBe('open');
    const [toSchool] = toPersonSends(r, 'pri-s01');
    expect(toSchool!.card.fields).toContainEqual({ label: '退回原因', value: '公示栏内容仍是上周的' });
    expect(toSchool!.card.buttons.map((b) => b.action)).toEqual(['done', 'extend']);
    expect(r.updates[0]!.outcome).toContain('王建国 已退回');
  });

  it('the loser of a race hears the current state: a stale 验收通过 on a returned item', async () => {
    const r = await h.click('sup-wang', 'pass', 'ZG-1');
    expect(originText(r)).toContain('ZG-1 已被退回，请刷新后重试');
    expect(await status('ZG-1')).toBe('open');
  });

  it('验收通过 closes; a second recheck says it is already closed', async () => {
    await h.send('pri-s01', '整改完成 ZG-1 已重新更新');
    const r = await h.send('sup-wang', '验收 ZG-1 通过');
    expect(await status('ZG-1')).toBe('closed');
    expect(toPersonSends(r, 'pri-s01')[0]!.card.title).toBe('ZG-1 已验收销号');
    const again = await h.send('sup-wang', '销号 ZG-1');
    expect(originText(again)).toContain('ZG-1 已销号，无需再次验收');
  });

  it('a principal cannot recheck; a supervisor of another zone cannot either', async () => {
    await h.send('pri-s02', '整改完成 ZG-3 已整改');
    expect(originText(await h.send('pri-s02', '验收 ZG-3 通过'))).toContain('只有督学或领导');
    // another zone's supervisor hears what a missing item gets: not even the school's name
    const other = originText(await h.send('sup-zhao', '验收 ZG-3 通过'));
    const missing = originText(await h.send('sup-zhao', '验收 ZG-999 通过'));
    expect(other.replace('ZG-3', 'ZG-?')).toBe(missing.replace('ZG-999', 'ZG-?'));
    expect(other).toContain('未找到整改事项');
    expect(other).not.toContain('龙泉中学');
    expect(await status('ZG-3')).toBe('submitted');
  });

  it('a leader of the whole district may recheck', async () => {
    await h.send('lead-liu', '验收 ZG-3 通过');
    expect(await status('ZG-3')).toBe('closed');
  });
});

describe('extensions', () => {
  it('申请延期 goes to the supervisor with 同意 / 不同意; the deadline stays until decided', async () => {
    const r = await h.send('pri-s01', '申请延期 ZG-2 至 4月10日 原因：器材未到货');
    const [toSup] = toPersonSends(r, 'sup-wang');
    expect(toSup!.card.kind).toBe('extension_request');
    expect(toSup!.card.buttons.map((b) => b.action)).toEqual(['approve_ext', 'refuse_ext']);
    expect(toSup!.card.fields).toContainEqual({ label: '申请至', value: '4月10日 周五' });
    expect((await h.store.getItem('ZG-2'))!.deadline).toBe('2026-03-31');
  });

  it('同意延期 by click moves the deadline and tells the school', async () => {
    const r = await h.click('sup-wang', 'approve_ext', 'ZG-2');
    const item = (await h.store.getItem('ZG-2'))!;
    expect(item.deadline).toBe('2026-04-10');
    expect(item.extension).toBeUndefined();
    const [toSchool] = toPersonSends(r, 'pri-s01');
    expect(toSchool!.card.title).toBe('延期申请已同意 · ZG-2');
    expect(r.updates[0]!.outcome).toContain('已同意延期至 4月10日 周五');
  });

  it('deciding again: no pending request', async () => {
    const r = await h.send('sup-wang', '不同意延期 ZG-2');
    expect(originText(r)).toContain('没有待审批的延期申请');
  });

  it('不同意延期 keeps the deadline', async () => {
    await h.send('pri-s01', '申请延期 ZG-2 至 4月20日 原因：还需时间');
    const r = await h.send('sup-wang', '不同意延期 ZG-2 请按期完成');
    expect((await h.store.getItem('ZG-2'))!.deadline).toBe('2026-04-10');
    expect(toPersonSends(r, 'pri-s01')[0]!.card.fields).toContainEqual({
      label: '意见',
      value: '请按期完成',
    });
  });

  it('an extension to a day not after the deadline is refused', async () => {
    const r = await h.send('pri-s01', '申请延期 ZG-2 至 4月1日 原因：…');
    expect(originText(r)).toContain('不晚于当前期限');
  });

  it('the 申请延期 button explains how to type it, with an example date after the deadline', async () => {
    const r = await h.click('pri-s01', 'extend', 'ZG-2');
    const deadline = (await h.store.getItem('ZG-2'))!.deadline;
    const after = new Date(Date.parse(`${deadline}T00:00:00Z`) + 7 * 86_400_000);
    expect(originText(r)).toContain(
      `申请延期 ZG-2 至 ${after.getUTCMonth() + 1}月${after.getUTCDate()}日 原因：…`,
    );
    expect((await h.store.getItem('ZG-2'))!.extension).toBeUndefined();
  });

  it('a date typed into the card that cannot be read is an error (the card gives its buttons back)', async () => {
    const r = await h.click('pri-s01', 'extend', 'ZG-2', { value: '下学期开学前' });
    expect(r.sends.find((s) => s.to.type === 'origin')!.card.kind).toBe('error');
    expect(originText(r)).toContain('未能读出延期日期『下学期开学前』');
    expect((await h.store.getItem('ZG-2'))!.extension).toBeUndefined();
  });

  it('the 申请延期 button with a date typed into the card files the request', async () => {
    const r = await h.click('pri-s01', 'extend', 'ZG-2', { value: '4月15日 原因：设备未到' });
    expect((await h.store.getItem('ZG-2'))!.extension).toMatchObject({ until: '2026-04-15' });
    expect(toPersonSends(r, 'sup-wang')[0]!.card.kind).toBe('extension_request');
  });
});

describe('reopen (leaders only)', () => {
  it('a supervisor may not reopen', async () => {
    const r = await h.send('sup-wang', '重新打开 ZG-1 复查发现反弹');
    expect(originText(r)).toContain('只有领导');
    expect(await status('ZG-1')).toBe('closed');
  });

  it('a leader reopens a closed item; school and supervisor hear', async () => {
    const r = await h.send('lead-liu', '重新打开 ZG-1 复查发现反弹');
    expect(await status('ZG-1')).toBe('in_progress');
    expect(toPersonSends(r, 'pri-s01')).toHaveLength(1);
    expect(toPersonSends(r, 'sup-wang')).toHaveLength(1);
  });

  it('reopening an open item is refused with its state', async () => {
    const r = await h.send('lead-liu', '重新打开 ZG-4');
    expect(originText(r)).toContain('尚未销号');
  });
});

describe('card clicks are checked like typed commands', () => {
  it('收到 by click from the right principal', async () => {
    const r = await h.click('pri-s02', 'ack', 'ZG-4');
    expect(await status('ZG-4')).toBe('in_progress');
    expect(r.updates).toHaveLength(1);
    // the click's card reference travels with every job so the clicked card can be updated
    expect(r.updates[0]!.origin?.cardRef).toEqual({ responseCode: 'rc-1', taskId: 'task-1' });
  });

  it('a click on another school’s item by a principal changes nothing', async () => {
    const r = await h.click('pri-s01', 'done', 'ZG-4');
    expect(originText(r)).toContain('未找到整改事项 ZG-4');
    expect(await status('ZG-4')).toBe('in_progress');
  });

  it('退回 by click without a reason asks for one', async () => {
    await h.send('pri-s02', '整改完成 ZG-4 好了');
    const r = await h.click('sup-wang', 'reject', 'ZG-4');
    expect(originText(r)).toContain('需要写明原因');
    expect(await status('ZG-4')).toBe('submitted');
    await h.click('sup-wang', 'reject', 'ZG-4', { value: '缺少照片' });
    expect(await status('ZG-4')).toBe('open');
  });

  it('a click carrying a garbled item', async () => {
    const r = await h.click('sup-wang', 'pass', 'not-an-item');
    expect(originText(r)).toContain('未找到该整改事项');
  });

  it('the same click delivered twice acts once and sends once', async () => {
    const first = await h.click('pri-s02', 'done', 'ZG-4', { id: 'click-dup-1' });
    const count = (await h.store.history('ZG-4')).length;
    const total = (await h.outbound()).length;
    const second = await h.rerun(first);
    expect((await h.store.history('ZG-4')).length).toBe(count);
    expect((await h.outbound()).length).toBe(total);
    expect(second.jobs.map((j) => j.jobId).sort()).toEqual(first.jobs.map((j) => j.jobId).sort());
  });
});
