import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInbound } from '../../jobs/inbound.js';
import { PermanentJobError } from '../../jobs/types.js';
import {
  openInboundRunner,
  originText,
  RECORD_TEXT,
  type InboundRunner,
} from '../handlers/inbound-runner.js';
import { noDefer } from '../helpers/no-defer.js';

let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
});
afterAll(() => h.close());

describe('jobs/inbound', () => {
  it('an invalid payload fails for good, without retries', async () => {
    const ctx = { rt: h.rt, jobId: 'j-in-bad', attempt: 0, attempts: 8, jobName: 'message', defer: noDefer };
    await expect(processInbound({ kind: 'message', text: 42 }, ctx)).rejects.toBeInstanceOf(
      PermanentJobError,
    );
  });

  it('an unknown sender gets one polite refusal a day saying whom to ask (not who), and nothing changes', async () => {
    const first = await h.send('', '提交督导记录\n学校：龙泉小学\n问题：1、门卫登记不全', {
      asUser: 'stranger01',
    });
    expect(first.sends).toHaveLength(1);
    const text = originText(first);
    expect(text).toContain('您还不在督导助手的名单中');
    expect(text).toContain('请联系本单位督导室的管理员');
    expect(text).not.toContain('徐静'); // the demo roster's administrator
    expect((await h.store.queryRecords({})).items).toHaveLength(0);

    const second = await h.send('', '帮助', { asUser: 'stranger01' });
    expect(second.jobs).toHaveLength(0);

    h.setNow('2026-03-17T09:00:00+08:00');
    const nextDay = await h.send('', '帮助', { asUser: 'stranger01' });
    expect(nextDay.sends).toHaveLength(1);
    // another stranger is told independently
    expect((await h.send('', '帮助', { asUser: 'stranger02', platform: 'dingtalk' })).sends).toHaveLength(1);
  });

  it('the same inbound job run twice changes nothing and enqueues nothing new the second time', async () => {
    const first = await h.send('sup-wang', RECORD_TEXT);
    const items = (await h.store.queryItems({})).items.length;
    const jobs = (await h.outbound()).length;
    const again = await h.rerun(first);
    expect((await h.store.queryItems({})).items.length).toBe(items);
    expect((await h.outbound()).length).toBe(jobs);
    expect(again.result).toMatchObject({ handled: true, command: 'submit_record' });
  });

  it('run again after its replies were sent and their jobs removed, it still enqueues nothing (the dedup keys hold)', async () => {
    const first = await h.send('sup-wang', RECORD_TEXT.replace('龙泉小学', '龙泉中学'));
    const q = h.rt.jobQueues.outbound;
    const jobs = await h.outbound();
    expect(jobs.length).toBeGreaterThan(0);
    // as BullMQ's removeOnComplete count does to sent jobs: the job is gone, its dedup key stays
    for (const j of jobs) {
      await h.rt.redis.del(q.toKey(j.jobId));
      await h.rt.redis.lrem(q.toKey('wait'), 0, j.jobId);
      await h.rt.redis.zrem(q.toKey('prioritized'), j.jobId);
    }
    expect(await h.outbound()).toHaveLength(0);
    await h.rerun(first);
    expect(await h.outbound()).toHaveLength(0);
  });

  it('remembers the platform a person last wrote from', async () => {
    await h.send('sup-wang', '帮助', { platform: 'dingtalk' });
    expect(await h.store.getLastPlatform('sup-wang')).toBe('dingtalk');
  });

  it('pictures after 整改完成 attach as evidence, confirmed in a direct chat', async () => {
    await h.send('pri-s01', '整改完成 ZG-1 公示栏已更新');
    const r = await h.send('pri-s01', '', {
      attachments: [
        { kind: 'image', mediaId: 'media-1' },
        { kind: 'image', mediaId: 'media-2' },
      ],
    });
    expect(originText(r)).toContain('已作为整改事项 ZG-1的佐证');
    expect((await h.store.getItem('ZG-1'))!.attachments).toBe(2);
    // a retried job does not attach them again
    await h.rerun(r);
    expect((await h.store.getItem('ZG-1'))!.attachments).toBe(2);
  });

  it('pictures in a group are attached silently', async () => {
    await h.send('pri-s01', '整改进度 ZG-2 进行中 正在补录', { group: true });
    const r = await h.send('pri-s01', '', {
      group: true,
      attachments: [{ kind: 'image', mediaId: 'media-3' }],
    });
    expect(r.jobs).toHaveLength(0);
    expect((await h.store.getItem('ZG-2'))!.attachments).toBe(1);
  });

  it('pictures with nothing to attach to: a hint in a direct chat', async () => {
    // pri-s02 reported nothing (the window is a Redis TTL: real time, not the test clock)
    const r = await h.send('pri-s02', '', { attachments: [{ kind: 'image', mediaId: 'media-4' }] });
    expect(originText(r)).toContain('10分钟内发送照片');
  });

  it('a parse failure is answered with the parser’s message', async () => {
    const r = await h.send('sup-wang', '提交督导记录\n学校：北京大学\n问题：1、x');
    expect(r.sends[0]!.card.kind).toBe('error');
    expect(originText(r)).toContain('未找到学校『北京大学』');
  });

  it('outbound jobs carry the origin and a retry policy; the log holds no message text', async () => {
    const r = await h.send('sup-wang', '待办');
    const job = (await h.rt.jobQueues.outbound.getJob(r.jobs[0]!.jobId))!;
    expect(job.opts.attempts).toBe(10);
    expect(job.opts.backoff).toEqual({ type: 'exponential', delay: 2000 });
    expect(r.sends[0]!.origin).toMatchObject({
      platform: 'wecom',
      channel: 'wecom-bot',
      senderId: 'wangjianguo',
      conversation: { isGroup: false },
    });
    expect(h.logs.text()).toContain('inbound handled');
    expect(h.logs.text()).not.toContain('公示栏');
    expect(h.logs.text()).not.toContain('提交督导记录');
  });

  it('a person removed from the roster is told their account is off, once a day', async () => {
    const roster = h.roster;
    await h.store.importRoster({ ...roster, people: roster.people.filter((p) => p.id !== 'pri-s19') });
    const r = await h.send('pri-s19', '待办');
    expect(originText(r)).toContain('您的账号已停用');
    expect((await h.send('pri-s19', '帮助')).jobs).toHaveLength(0);
    await h.store.importRoster(roster);
  });
});
